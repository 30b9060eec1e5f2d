import { useTranslation } from 'react-i18next';
import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import type { ProductVersionDetail } from '@tm/shared/schemas/product';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';
import { useFormat } from '../../../lib/format.ts';

/**
 * The municipalities running a version, by name, with the status each reports: folded away, as a popular version has
 * hundreds. Names are for signed-in readers; a visitor is offered the log-in that brings them back.
 */
export function VersionMunicipalities({ version, label, returnTo }: { version: ProductVersionDetail; label: string; returnTo: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (version.municipalityCount === 0) return <Paragraph className="tm-muted">{t('catalogue.municipalities.none')}</Paragraph>;
  if (!version.municipalities)
    return (
      <Paragraph>
        {t('catalogue.municipalities.count', { count: version.municipalityCount, formatted: f.integer(version.municipalityCount) })}{' '}
        <AppLink href={`/inloggen?terug=${encodeURIComponent(returnTo)}`}>{t('catalogue.municipalities.logIn')}</AppLink>
      </Paragraph>
    );
  const caption = t('catalogue.municipalities.caption', { version: label });
  return (
    <details className="tm-details">
      <summary>{t('catalogue.municipalities.show', { count: version.municipalities.length, formatted: f.integer(version.municipalities.length), version: label })}</summary>
      <CaptionedTable
        caption={caption}
        maxBlockSize="24rem"
        headings={[
          { label: t('catalogue.columns.municipality') },
          { label: t('catalogue.columns.applications'), numeric: true },
          { label: t('catalogue.columns.reported') },
        ]}
      >
        {version.municipalities.map((m) => (
          <TableRow key={m.code}>
            <TableCell>
              <AppLink href={`/gemeenten/${m.code}`}>{m.name}</AppLink>
            </TableCell>
            <TableCell className="tm-num">{f.integer(m.applicationCount)}</TableCell>
            <TableCell>{f.list(m.statuses.map((s) => t(`statuses.${s}`)))}</TableCell>
          </TableRow>
        ))}
      </CaptionedTable>
    </details>
  );
}
