import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Municipality } from '@tm/shared/schemas/municipality';
import type { MunicipalityShare } from '@tm/shared/schemas/progress';
import { FreshnessLabel } from '../../../components/ui/freshness-label.tsx';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useShareText } from '../../../components/ui/share-text.tsx';
import { SortHeaderCell } from '../../../components/ui/sort-header-cell.tsx';
import { StatusLabel } from '../../../components/ui/status-label.tsx';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';
import { useFormat } from '../../../lib/format.ts';
import { type MunicipalitySort, type MunicipalitySortKey, municipalityRows } from '../hooks/municipality-order.ts';

type Props = {
  items: readonly Municipality[];
  query: string;
  caption: string;
  /** Each municipality's share, status and freshness today: with them, the table shows those columns. */
  figures?: readonly MunicipalityShare[] | undefined;
  /** With `onSort`, every column sorts the table; without, it is in name order. */
  sort?: MunicipalitySort;
  onSort?: (sort: MunicipalitySort) => void;
};

const BY_NAME: MunicipalitySort = { key: 'name', descending: false };
/** Columns whose first click sorts the highest first: the figures a reader ranks by. */
const DESCENDING_FIRST: readonly MunicipalitySortKey[] = ['population', 'share', 'status', 'attestedAt'];

export function MunicipalityTable({ items, query, caption, figures, sort = BY_NAME, onSort }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const shareText = useShareText();
  const rows = useMemo(() => municipalityRows(items, figures, query, sort), [items, figures, query, sort]);
  const header = (key: MunicipalitySortKey, label: string, numeric?: boolean) => {
    if (!onSort)
      return (
        <TableHeaderCell scope="col" className={numeric ? 'tm-num' : undefined}>
          {label}
        </TableHeaderCell>
      );
    const active = sort.key === key;
    return (
      <SortHeaderCell
        label={label}
        active={active}
        descending={sort.descending}
        numeric={numeric}
        onSort={() => onSort({ key, descending: active ? !sort.descending : DESCENDING_FIRST.includes(key) })}
      />
    );
  };
  return (
    <TableScroll name={caption}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            {header('name', t('municipality.columns.name'))}
            {header('code', t('municipality.columns.code'))}
            {header('province', t('municipality.columns.province'))}
            {header('population', t('municipality.columns.population'), true)}
            {header('sizeClass', t('municipality.columns.sizeClass'))}
            {figures && (
              <>
                {header('share', t('municipality.columns.share'), true)}
                {header('status', t('municipality.columns.status'))}
                {header('attestedAt', t('municipality.columns.attestedAt'))}
              </>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((m) => (
            <TableRow key={m.code}>
              <TableCell>
                <AppLink href={`/gemeenten/${m.code}`}>{m.name}</AppLink>
              </TableCell>
              <TableCell>{m.code}</TableCell>
              <TableCell>{m.province}</TableCell>
              <TableCell className="tm-num">{f.integer(m.population)}</TableCell>
              <TableCell>{t(`sizeClasses.${m.sizeClass}`)}</TableCell>
              {figures && (
                <>
                  <TableCell className="tm-num">{m.figures ? shareText(m.figures.share, m.figures.compliantCount, m.figures.landscapeCount) : t('states.noData')}</TableCell>
                  <TableCell>
                    <StatusLabel status={m.figures?.status ?? null} />
                  </TableCell>
                  <TableCell>
                    <FreshnessLabel stale={m.figures?.stale ?? true} />{' '}
                    {m.figures?.attestedAt ? t('freshness.attestedOn', { date: f.shortDate(m.figures.attestedAt) }) : t('freshness.neverAttested')}
                  </TableCell>
                </>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
