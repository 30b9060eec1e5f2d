import { useTranslation } from 'react-i18next';
import { Checkbox, Select, SelectOption, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Application, Status } from '@tm/shared/schemas/application';
import { STATUSES } from '@tm/shared/vocabulary/application';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { ScrollRegion } from '../../../components/ui/scroll-region.tsx';
import { SortHeaderCell } from '../../../components/ui/sort-header-cell.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { Selection } from '../hooks/use-selection.ts';

export type SortKey = 'name' | 'vendor' | 'status' | 'layer' | 'lifecycle' | 'plannedReplacementYear' | 'annualCost' | 'updatedAt';

type Props = {
  rows: readonly Application[];
  caption: string;
  sort: string;
  referenceComponents: ReadonlyMap<string, ReferenceComponent>;
  busy: boolean;
  /** Only editors of this municipality change statuses in place; others read them. */
  editable: boolean;
  onSort: (sort: string) => void;
  onOpen: (id: string) => void;
  onStatusChange: (row: Application, status: Status) => void;
  /** Rows chosen for a bulk update; without it the table has no checkboxes. */
  selection?: Pick<Selection, 'has' | 'toggle' | 'togglePage'> | undefined;
};

function SortHeader({ column, label, sort, onSort, numeric }: { column: SortKey; label: string; sort: string; onSort: (s: string) => void; numeric?: boolean }) {
  const active = sort.replace(/^-/, '') === column;
  const descending = active && sort.startsWith('-');
  return <SortHeaderCell label={label} active={active} descending={descending} numeric={numeric} onSort={() => onSort(active && !descending ? `-${column}` : column)} />;
}

/** The dense inventory table: every column sortable, name opens the side panel, status changes in place. */
export function InventoryTable({ rows, caption, sort, referenceComponents, busy, editable, onSort, onOpen, onStatusChange, selection }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const header = (column: SortKey, numeric?: boolean) => (
    <SortHeader column={column} label={t(`inventory.columns.${column}`)} sort={sort} onSort={onSort} numeric={numeric ?? false} />
  );
  return (
    <ScrollRegion label={caption} hint={t('inventoryTable.scrollHint')}>
      <Table className="tm-table tm-table--dense" busy={busy} aria-busy={busy}>
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            {selection && (
              <TableHeaderCell scope="col" className="tm-select-cell">
                <Checkbox
                  aria-label={t('inventory.bulk.selectPage')}
                  checked={rows.length > 0 && rows.every((r) => selection.has(r.id))}
                  onChange={() => selection.togglePage(rows)}
                />
              </TableHeaderCell>
            )}
            {header('name')}
            {header('vendor')}
            <TableHeaderCell scope="col">{t('inventory.columns.referenceComponents')}</TableHeaderCell>
            {header('layer')}
            {header('status')}
            {header('lifecycle')}
            {header('plannedReplacementYear', true)}
            {header('annualCost', true)}
            {header('updatedAt')}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              {selection && (
                <TableCell className="tm-select-cell">
                  <Checkbox aria-label={t('inventory.bulk.selectRow', { name: row.name })} checked={selection.has(row.id)} onChange={() => selection.toggle(row)} />
                </TableCell>
              )}
              <TableHeaderCell scope="row">
                <button type="button" className="tm-sort tm-row-link utrecht-link" data-application-id={row.id} onClick={() => onOpen(row.id)}>
                  {row.name}
                  {row.version ? <span className="tm-muted"> {row.version}</span> : null}
                </button>
              </TableHeaderCell>
              <TableCell>{row.vendor ?? ''}</TableCell>
              <TableCell className="tm-wrap">
                {row.referenceComponentIds.flatMap((id) => referenceComponents.get(id)?.name ?? []).join(', ')}
              </TableCell>
              <TableCell>{row.layer ? t(`layers.${row.layer}`) : <span className="tm-muted">{t('layers.none')}</span>}</TableCell>
              <TableCell>
                {editable ? (
                  <Select
                    className="tm-inline-select"
                    aria-label={t('inventory.statusFor', { name: row.name })}
                    data-status-of={row.id}
                    value={row.status}
                    onChange={(e) => onStatusChange(row, e.target.value as Status)}
                  >
                    {STATUSES.map((s) => (
                      <SelectOption key={s} value={s}>
                        {t(`statuses.${s}`)}
                      </SelectOption>
                    ))}
                  </Select>
                ) : (
                  t(`statuses.${row.status}`)
                )}
              </TableCell>
              <TableCell>{t(`lifecycles.${row.lifecycle}`)}</TableCell>
              <TableCell className="tm-num">{row.plannedReplacementYear ?? ''}</TableCell>
              <TableCell className="tm-num tm-nowrap">{row.annualCost === null ? '' : f.euro(row.annualCost)}</TableCell>
              <TableCell className="tm-nowrap">{f.shortDate(row.updatedAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}
