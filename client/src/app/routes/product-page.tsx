import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router-dom';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { AppLink } from '../../components/ui/router-link.tsx';
import { assessmentLevelOf, useSession } from '../../features/accounts/api/session.ts';
import { useProduct } from '../../features/catalogue/api/get-product.ts';
import { ProductFacts } from '../../features/catalogue/components/product-facts.tsx';
import { ProductReplacements } from '../../features/catalogue/components/product-replacements.tsx';
import { ProductVersions } from '../../features/catalogue/components/product-versions.tsx';
import { isProductId } from '../../features/catalogue/product-path.ts';
import { ProductBlocking } from '../../features/collective/components/product-blocking.tsx';
import { ProductCoalitions } from '../../features/collective/components/product-coalitions.tsx';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { PRODUCTS_PATH } from '../paths.ts';
import { useOwnMunicipalities } from './use-own-municipalities.ts';

/**
 * One product (PRODUCT §9): who makes it, its versions with their judgements and users, and what peers replaced it
 * with, how much it still holds municipalities back, and the coalitions replacing it together. Each part is a
 * feature's component.
 */
export function ProductPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const { pathname } = useLocation();
  // An address whose id cannot be a product's is not asked for: for the reader it is simply not there.
  const missing = !isProductId(id);
  const product = useProduct(id, { enabled: !missing });
  const session = useSession();
  const { signedIn, userId, own } = useOwnMunicipalities();
  usePageTitle(product.data?.name);
  if (missing || (product.isError && product.error instanceof ApiError && product.error.status === 404))
    return (
      <>
        <Heading1>{t('catalogue.product.notFoundTitle')}</Heading1>
        <Paragraph>
          {t('catalogue.product.notFound')} <AppLink href={PRODUCTS_PATH}>{t('catalogue.product.search')}</AppLink>
        </Paragraph>
      </>
    );
  if (product.isPending) return <Skeleton lines={8} />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data;
  return (
    <>
      <Heading1>{p.name}</Heading1>
      <ProductFacts product={p} />
      {!p.mergedInto && <ProductBlocking productId={p.id} />}
      <ProductVersions product={p} assessLevel={assessmentLevelOf(session.data)} returnTo={pathname} />
      <ProductReplacements product={p} />
      {!p.mergedInto && <ProductCoalitions productId={p.id} signedIn={signedIn} own={own} userId={userId} />}
    </>
  );
}
