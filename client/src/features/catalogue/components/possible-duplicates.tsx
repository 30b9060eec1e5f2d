import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, TableCell, TableRow } from '@utrecht/component-library-react';
import type { ProductDuplicate, ProductRef } from '@tm/shared/schemas/product';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useProductDuplicates } from '../api/get-product-duplicates.ts';
import { useDistinguishProducts, useMergeProducts } from '../api/merge-products.ts';
import { DuplicateProduct } from './duplicate-product.tsx';
import { WorkPanel } from './work-panel.tsx';

const PAGE_SIZE = 20;

type Candidate = ProductDuplicate['products'][number];
type Merging = { from: Candidate; into: Candidate };

/**
 * Products whose names are alike (PRODUCT §9): a steward merges one into the other (its applications, judgements and
 * spelling follow) or says they are different products, after which the pair is not offered again.
 */
export function PossibleDuplicates() {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const duplicates = useProductDuplicates({ page, pageSize: PAGE_SIZE });
  const merge = useMergeProducts();
  const distinguish = useDistinguishProducts();
  const [merging, setMerging] = useState<Merging | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const caption = t('catalogueWork.duplicates.title');
  // Duplicates often share a name and differ in the vendor's spelling: the vendor tells the two apart.
  const named = (p: ProductRef) => (p.vendor ? t('catalogueWork.duplicates.named', { name: p.name, vendor: p.vendor }) : p.name);

  const mergeButton = (from: Candidate, into: Candidate) => (
    <Button appearance="secondary-action-button" onClick={() => setMerging({ from, into })}>
      {t('catalogueWork.duplicates.merge', { from: named(from), into: named(into) })}
    </Button>
  );

  return (
    <WorkPanel
      id="work-duplicates"
      title={caption}
      intro={t('catalogueWork.duplicates.intro')}
      summary={(total) => t('catalogueWork.duplicates.total', { count: total, formatted: f.integer(total) })}
      empty={t('catalogueWork.duplicates.empty')}
      pagerLabel={t('catalogueWork.duplicates.pager')}
      list={duplicates}
      page={page}
      pageSize={PAGE_SIZE}
      onPage={setPage}
      notices={
        <>
          <StatusMessage message={message} />
          {merge.error ? <MutationError error={merge.error} /> : null}
          {distinguish.error ? <MutationError error={distinguish.error} /> : null}
          {merging && (
            <ConfirmDialog
              title={t('catalogueWork.duplicates.confirmTitle', { from: named(merging.from), into: named(merging.into) })}
              body={t('catalogueWork.duplicates.confirmBody', {
                from: named(merging.from),
                into: named(merging.into),
                applications: t('catalogue.applicationCount', { count: merging.from.applicationCount, formatted: f.integer(merging.from.applicationCount) }),
              })}
              confirmLabel={t('catalogueWork.duplicates.confirm')}
              cancelLabel={t('catalogue.assess.cancel')}
              busy={merge.isPending}
              onCancel={() => setMerging(null)}
              onConfirm={() =>
                merge.mutate(
                  { from: merging.from.id, into: merging.into.id },
                  {
                    onSuccess: (made) =>
                      setMessage(
                        t('catalogueWork.duplicates.merged', {
                          from: named(made.from),
                          into: named(made.into),
                          applications: t('catalogue.applicationCount', { count: made.applicationCount, formatted: f.integer(made.applicationCount) }),
                        }),
                      ),
                    onSettled: () => setMerging(null),
                  },
                )
              }
            />
          )}
        </>
      }
    >
      {(items) => (
          <CaptionedTable
            caption={caption}
            dense={false}
            headings={[
              { label: t('catalogueWork.duplicates.first') },
              { label: t('catalogueWork.duplicates.second') },
              { label: t('catalogueWork.duplicates.similarity'), numeric: true },
              { label: t('catalogueWork.duplicates.actions') },
            ]}
          >
            {items.map(({ products: [a, b], similarity }) =>
              // The API gives exactly two; the type of a fixed-length list does not say so.
              a && b ? (
              <TableRow key={`${a.id}-${b.id}`}>
                <TableCell className="tm-wrap">
                  <DuplicateProduct product={a} />
                </TableCell>
                <TableCell className="tm-wrap">
                  <DuplicateProduct product={b} />
                </TableCell>
                <TableCell className="tm-num">{f.percent(similarity)}</TableCell>
                <TableCell>
                  <ButtonGroup>
                    {mergeButton(a, b)}
                    {mergeButton(b, a)}
                    <Button
                      appearance="subtle-button"
                      busy={distinguish.isPending}
                      disabled={distinguish.isPending}
                      onClick={() =>
                        distinguish.mutate(
                          { productIds: [a.id, b.id] },
                          { onSuccess: () => setMessage(t('catalogueWork.duplicates.distinguished', { a: named(a), b: named(b) })) },
                        )
                      }
                    >
                      {t('catalogueWork.duplicates.distinct', { a: named(a), b: named(b) })}
                    </Button>
                  </ButtonGroup>
                </TableCell>
              </TableRow>
              ) : null,
            )}
          </CaptionedTable>
      )}
    </WorkPanel>
  );
}
