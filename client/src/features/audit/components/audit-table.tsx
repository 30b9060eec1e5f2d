import { useTranslation } from 'react-i18next';
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { AuditEvent } from '@tm/shared/schemas/audit';
import { useFormat } from '../../../lib/format.ts';
import { describeEvent } from './audit-changes.ts';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';

/** Who did what when, newest first, in words; a created or removed thing lists no changed fields. */
export function AuditTable({ events, caption }: { events: readonly AuditEvent[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <CaptionedTable
      caption={caption}
      headings={[
        { label: t('audit.when') },
        { label: t('audit.who') },
        { label: t('audit.what') },
        { label: t('audit.subject') },
        { label: t('audit.changed') },
      ]}
    >
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
    </CaptionedTable>
  );
}
