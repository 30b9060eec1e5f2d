import { deferredChart } from '../../../components/charts/deferred-chart.tsx';

/** The dashboards' charts, each drawn when it comes into view (see deferredChart), in the box it fills. */
export const ShareChart = deferredChart(() => import('./share-chart.tsx').then((m) => m.ShareChart), () => ({ className: 'tm-chart' }));
export const DistributionChart = deferredChart(() => import('./distribution-chart.tsx').then((m) => m.DistributionChart), () => ({
  className: 'tm-chart tm-chart--small',
}));
export const LayerChart = deferredChart(() => import('./layer-chart.tsx').then((m) => m.LayerChart), () => ({ className: 'tm-chart tm-chart--small' }));
export const PlanChart = deferredChart(() => import('./plan-chart.tsx').then((m) => m.PlanChart), () => ({ className: 'tm-chart tm-chart--small' }));
