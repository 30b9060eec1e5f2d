import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useProductVersions } from '../api/get-product-versions.ts';
import { productPath } from '../product-path.ts';
import { versionAnchor, versionLabel } from './version-label.ts';
import { SearchForm } from './search-form.tsx';
import { WorkPanel } from './work-panel.tsx';

const PAGE_SIZE = 20;

/**
 * The versions nobody has judged, most municipalities first (PRODUCT §9): where a steward's verdict reaches the most
 * landscapes. Each opens its product page at the version, where the steward verifies it.
 */
export function UnassessedVersions() {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string | undefined>(undefined);
  const versions = useProductVersions({ assessment: 'none', q, page, pageSize: PAGE_SIZE });
  const caption = t('catalogueWork.unassessed.title');
  return (
    <WorkPanel
      id="work-unassessed"
      title={caption}
      intro={t('catalogueWork.unassessed.intro')}
      summary={(total) => t('catalogueWork.unassessed.total', { count: total, formatted: f.integer(total) })}
      empty={t(q ? 'catalogueWork.unassessed.noneFound' : 'catalogueWork.unassessed.empty')}
      pagerLabel={t('catalogueWork.unassessed.pager')}
      list={versions}
      page={page}
      pageSize={PAGE_SIZE}
      onPage={setPage}
      notices={
        <SearchForm
          id="unassessed-search"
          label={t('catalogueWork.unassessed.search')}
          q={q}
          onSearch={(text) => {
            setQ(text.trim() || undefined);
            setPage(1);
          }}
        />
      }
    >
      {(items) => (
        <CaptionedTable
          caption={caption}
          headings={[
            { label: t('catalogueWork.unassessed.productVersion') },
            { label: t('catalogue.columns.vendor') },
            { label: t('catalogue.columns.municipalities'), numeric: true },
            { label: t('catalogue.columns.applications'), numeric: true },
          ]}
        >
          {items.map((v) => (
            <TableRow key={v.id}>
              <TableHeaderCell scope="row">
                <AppLink href={`${productPath(v.product.id)}#${versionAnchor(v.id)}`} className="tm-row-link">
                  {t('catalogueWork.unassessed.name', { product: v.product.name, version: versionLabel(v.version, t) })}
                </AppLink>
              </TableHeaderCell>
              <TableCell className="tm-wrap">{v.product.vendor ?? <span className="tm-muted">{t('catalogue.noVendor')}</span>}</TableCell>
              <TableCell className="tm-num">{f.integer(v.municipalityCount)}</TableCell>
              <TableCell className="tm-num">{f.integer(v.applicationCount)}</TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      )}
    </WorkPanel>
  );
}
