import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Peers } from '@tm/shared/schemas/peers';
import { dutchOrder } from '@tm/shared/dutch-order';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useShareText } from '../../../components/ui/share-text.tsx';
import { StatusLabel } from '../../../components/ui/status-label.tsx';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';

/** Members by rank (no share last), my own row highlighted and marked for screen readers. */
export function RankingTable({ peers, caption }: { peers: Peers; caption: string }) {
  const { t } = useTranslation();
  const shareText = useShareText();
  const rows = [...peers.members].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || dutchOrder(a.name, b.name));
  return (
    <TableScroll name={caption} maxBlockSize="36rem">
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" className="tm-num">{t('peers.rank')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('progress.municipality')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('charts.share')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('progress.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((m) => {
            const mine = m.code === peers.municipalityCode;
            return (
              <TableRow key={m.code} className={mine ? 'tm-row--current' : undefined} aria-current={mine ? 'true' : undefined}>
                <TableCell className="tm-num">{m.rank ?? '–'}</TableCell>
                <TableHeaderCell scope="row">
                  <AppLink href={`/gemeenten/${m.code}`}>{m.name}</AppLink>
                  {mine && <span className="tm-muted"> ({t('peers.you')})</span>}
                </TableHeaderCell>
                <TableCell>{shareText(m.share, m.compliantCount, m.landscapeCount)}</TableCell>
                <TableCell>
                  <StatusLabel status={m.status} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
