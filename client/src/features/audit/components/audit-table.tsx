import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { AuditEvent } from '@tm/shared/schemas/audit';
import { useFormat } from '../../../lib/format.ts';
import { describeEvent } from './audit-changes.ts';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';

/** Who did what when, newest first, in words; a created or removed thing lists no changed fields. */
export function AuditTable({ events, caption }: { events: readonly AuditEvent[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <TableScroll name={caption}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('audit.when')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.who')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.what')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.subject')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.changed')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {events.map((e) => {
            const { action, subject, changed } = describeEvent(e, t);
            return (
              <TableRow key={e.id}>
                <TableHeaderCell scope="row">{f.dateTime(e.recordedAt)}</TableHeaderCell>
                <TableCell>{e.actor.name}</TableCell>
                <TableCell>{action}</TableCell>
                <TableCell className="tm-break">
                  {subject}
                  {e.municipalityCode && <span className="tm-muted"> ({e.municipalityCode})</span>}
                </TableCell>
                <TableCell>{changed}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
