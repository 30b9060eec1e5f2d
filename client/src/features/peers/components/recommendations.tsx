import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { Peers } from '@tm/shared/schemas/peers';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { layerChoices, recommendationsIn, TOP_RECOMMENDATIONS, type LayerChoice } from '../hooks/recommendation-layers.ts';
import { useRecommendationLayer } from '../hooks/use-recommendation-layer.ts';
import { RecommendationCards } from './recommendation-cards.tsx';

const LIST_ID = 'recommendation-list';

/**
 * What the other members already use for my legacy components: the components most of them moved on first, the top
 * few until the reader asks for all, filtered by the layer of my applications; those nobody moved on yet in a line.
 */
export function Recommendations({ peers }: { peers: Peers }) {
  const { t } = useTranslation();
  const [layer, setLayer] = useRecommendationLayer();
  const [showAll, setShowAll] = useState(false);
  const { ranked, unmoved } = recommendationsIn(peers.recommendations, layer);
  const shown = showAll ? ranked : ranked.slice(0, TOP_RECOMMENDATIONS);
  const choose = (choice: LayerChoice) => {
    setLayer(choice);
    setShowAll(false);
  };
  return (
    <section aria-labelledby="recommendations">
      <Heading2 id="recommendations">{t('peers.recommendationsTitle')}</Heading2>
      {peers.recommendations.length === 0 ? (
        <Paragraph>{t('peers.noLegacy')}</Paragraph>
      ) : (
        <>
          <div className="tm-toolbar">
            <SelectField
              id="recommendation-layer"
              label={t('peers.layerFilter')}
              value={layer}
              options={layerChoices(peers.recommendations, layer).map(({ choice, count }) => ({
                value: choice,
                label: `${choice === 'all' ? t('peers.allLayers') : t(`layers.${choice}`)} (${count})`,
              }))}
              onChange={choose}
            />
          </div>
          <Paragraph>
            {ranked.length === 0 ? t('peers.noRecommendations') : t('peers.ranking', { shown: shown.length, count: ranked.length })}
          </Paragraph>
          <RecommendationCards id={LIST_ID} items={shown} code={peers.municipalityCode} peers={peers.group.size - 1} />
          {ranked.length > TOP_RECOMMENDATIONS && (
            <Button appearance="secondary-action-button" aria-expanded={showAll} aria-controls={LIST_ID} onClick={() => setShowAll(!showAll)}>
              {showAll ? t('peers.showTop', { count: TOP_RECOMMENDATIONS }) : t('peers.showAll', { count: ranked.length })}
            </Button>
          )}
          {unmoved.length > 0 && (
            <Paragraph className="tm-muted">
              {t('peers.unmoved', { count: unmoved.length, names: unmoved.map((r) => r.referenceComponentName).join(', ') })}
            </Paragraph>
          )}
        </>
      )}
    </section>
  );
}
