import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { MunicipalityShare } from '@tm/shared/schemas/progress';
import { dutchOrder } from '@tm/shared/dutch-order';
import { FreshnessLabel } from '../../../components/ui/freshness-label.tsx';
import { SortHeaderCell } from '../../../components/ui/sort-header-cell.tsx';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useShareText } from '../../../components/ui/share-text.tsx';
import { StatusLabel } from '../../../components/ui/status-label.tsx';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';
import { useFormat } from '../../../lib/format.ts';

type SortKey = 'name' | 'share';

/** The map's list alternative: every municipality with its share and freshness, sortable, each a link to its page. */
export function MunicipalityShareTable({ items, caption, highlight }: { items: readonly MunicipalityShare[]; caption: string; highlight?: string }) {
  const { t } = useTranslation();
  const shareText = useShareText();
  const f = useFormat();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const rows = useMemo(() => {
    const sorted = [...items].sort((a, b) =>
      sort.key === 'name' ? dutchOrder(a.name, b.name) : (a.share ?? -1) - (b.share ?? -1) || dutchOrder(a.name, b.name),
    );
    return sort.descending ? sorted.reverse() : sorted;
  }, [items, sort]);
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return <SortHeaderCell label={label} active={active} descending={sort.descending} onSort={() => setSort({ key, descending: active ? !sort.descending : key === 'share' })} />;
  };
  return (
    <TableScroll name={caption} maxBlockSize="40rem">
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            {header('name', t('progress.municipality'))}
            {header('share', t('charts.share'))}
            <TableHeaderCell scope="col">{t('progress.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('freshness.column')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((m) => (
            <TableRow key={m.code} className={m.code === highlight ? 'tm-row--current' : undefined} aria-current={m.code === highlight ? 'true' : undefined}>
              <TableHeaderCell scope="row">
                <AppLink href={`/gemeenten/${m.code}`}>{m.name}</AppLink>
              </TableHeaderCell>
              <TableCell>{shareText(m.share, m.compliantCount, m.landscapeCount)}</TableCell>
              <TableCell>
                <StatusLabel status={m.status} />
              </TableCell>
              <TableCell>
                <FreshnessLabel stale={m.stale} /> {m.attestedAt ? f.shortDate(m.attestedAt) : t('freshness.never')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
