import { useTranslation } from 'react-i18next';
import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { STATUSES } from '@tm/shared/schemas/application';
import type { ProductVersionDetail } from '@tm/shared/schemas/product';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';
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
      <TableScroll name={caption}>
        <Table className="tm-table tm-table--dense">
          <caption className="tm-visually-hidden">{caption}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('catalogue.columns.version')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('catalogue.columns.verdict')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="tm-num">{t('catalogue.columns.municipalities')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="tm-num">{t('catalogue.columns.applications')}</TableHeaderCell>
              {STATUSES.map((s) => (
                <TableHeaderCell key={s} scope="col" className="tm-num">
                  {t('catalogue.columns.reportedAs', { status: t(`statuses.${s}`) })}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
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
          </TableBody>
        </Table>
      </TableScroll>
    </>
  );
}
