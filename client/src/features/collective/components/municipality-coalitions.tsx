import { useTranslation } from 'react-i18next';
import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useCoalitions } from '../api/get-coalitions.ts';

/** "Leiden doet mee aan …": the coalitions a municipality takes part in, each leading to its product (PRODUCT §10). */
export function MunicipalityCoalitions({ code, name, signedIn, productHref }: { code: string; name: string; signedIn: boolean; productHref: (id: string) => string }) {
  const { t } = useTranslation();
  const coalitions = useCoalitions({ municipalityCode: code, pageSize: 50 }, { enabled: signedIn });
  if (!signedIn || !coalitions.data || coalitions.data.items.length === 0) return null;
  return (
    <section aria-labelledby="municipality-coalitions">
      <Paragraph id="municipality-coalitions">{t('collective.municipality.takesPart', { name })}</Paragraph>
      <UnorderedList>
        {coalitions.data.items.map((c) => (
          <UnorderedListItem key={c.id}>
            <AppLink href={productHref(c.productId)}>{c.name}</AppLink>{' '}
            {t('collective.municipality.coalition', { product: c.product.name, year: c.targetYear, replaced: c.replacedCount, count: c.members.length })}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </section>
  );
}
