import { useTranslation } from 'react-i18next';
import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { STATUSES } from '@tm/shared/schemas/application';
import type { ProductVersionDetail } from '@tm/shared/schemas/product';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';
import { useFormat } from '../../../lib/format.ts';
import { versionAnchor, versionLabel } from './version-label.ts';
import { VerdictBadge } from './verdict-badge.tsx';

/** The versions side by side: current verdict, how many run each, and how those municipalities report it. */
export function VersionsTable({ versions, caption }: { versions: readonly ProductVersionDetail[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <Paragraph>{t('catalogue.versions.intro')}</Paragraph>
      <CaptionedTable
        caption={caption}
        headings={[
          { label: t('catalogue.columns.version') },
          { label: t('catalogue.columns.verdict') },
          { label: t('catalogue.columns.municipalities'), numeric: true },
          { label: t('catalogue.columns.applications'), numeric: true },
          ...STATUSES.map((s) => ({ label: t('catalogue.columns.reportedAs', { status: t(`statuses.${s}`) }), numeric: true })),
        ]}
      >
        {versions.map((v) => (
          <TableRow key={v.id}>
            <TableHeaderCell scope="row">
              <a className="utrecht-link tm-row-link" href={`#${versionAnchor(v.id)}`}>
                {versionLabel(v.version, t)}
              </a>
            </TableHeaderCell>
            <TableCell>
              <VerdictBadge assessment={v.assessment} />
            </TableCell>
            <TableCell className="tm-num">{f.integer(v.municipalityCount)}</TableCell>
            <TableCell className="tm-num">{f.integer(v.applicationCount)}</TableCell>
            {STATUSES.map((s) => (
              <TableCell key={s} className="tm-num">
                {f.integer(v.byStatus.find((b) => b.status === s)?.municipalityCount ?? 0)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </CaptionedTable>
    </>
  );
}
