import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';
import { useCoalitions } from '../api/get-coalitions.ts';

/** Every coalition, the nearest target year first: the board's view of who replaces what together (PRODUCT §10). */
export function CoalitionsOverview({ signedIn, productHref }: { signedIn: boolean; productHref: (id: string) => string }) {
  const { t } = useTranslation();
  const id = useId();
  const coalitions = useCoalitions({ pageSize: 100 }, { enabled: signedIn });
  if (!signedIn) return null;
  const caption = t('collective.overview.title');
  return (
    <section className="tm-panel tm-panel--lazy" aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`}>{caption}</Heading2>
      <Paragraph className="tm-muted">{t('collective.overview.description')}</Paragraph>
      {coalitions.isPending ? (
        <Skeleton lines={4} />
      ) : coalitions.isError ? (
        <ErrorState error={coalitions.error} onRetry={() => void coalitions.refetch()} />
      ) : coalitions.data.items.length === 0 ? (
        <Paragraph>{t('collective.overview.none')}</Paragraph>
      ) : (
        <CaptionedTable
          caption={caption}
          headings={[
            { label: t('collective.overview.name') },
            { label: t('collective.blocking.product') },
            { label: t('collective.overview.targetYear'), numeric: true },
            { label: t('collective.overview.members'), numeric: true },
            { label: t('collective.overview.replaced'), numeric: true },
          ]}
        >
          {coalitions.data.items.map((c) => (
            <TableRow key={c.id}>
              <TableHeaderCell scope="row">{c.name}</TableHeaderCell>
              <TableCell>
                <AppLink href={productHref(c.productId)}>{c.product.vendor ? `${c.product.name} (${c.product.vendor})` : c.product.name}</AppLink>
              </TableCell>
              <TableCell className="tm-num">{c.targetYear}</TableCell>
              <TableCell className="tm-num">{c.members.length}</TableCell>
              <TableCell className="tm-num">{c.replacedCount}</TableCell>
            </TableRow>
          ))}
        </CaptionedTable>
      )}
    </section>
  );
}
