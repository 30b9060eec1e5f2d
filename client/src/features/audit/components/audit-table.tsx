import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { AuditEvent } from '@tm/shared/schemas/audit';
import { useFormat } from '../../../lib/format.ts';
import { changedFields } from './audit-changes.ts';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';

/** Who did what when, newest first; a created or removed thing lists no changed fields. */
export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <TableScroll name={t('audit.title')}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{t('audit.title')}</caption>
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
            const changed = e.before && e.after ? changedFields(e.before, e.after) : [];
            const name = e.after?.name ?? e.before?.name;
            const entity = t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType });
            const subject = typeof name === 'string' ? `${entity}: ${name}` : entity;
            return (
              <TableRow key={e.id}>
                <TableHeaderCell scope="row">{f.dateTime(e.recordedAt)}</TableHeaderCell>
                <TableCell>{e.actor.name}</TableCell>
                <TableCell>{t(`audit.actions.${e.action}`, { defaultValue: e.action })}</TableCell>
                <TableCell className="tm-break">
                  {subject}
                  {e.municipalityCode && <span className="tm-muted"> ({e.municipalityCode})</span>}
                </TableCell>
                <TableCell>{changed.join(', ')}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
