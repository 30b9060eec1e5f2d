import { type ComponentType, lazy, Suspense, useEffect } from 'react';
import { whenIdle } from '../../lib/when-idle.ts';
import { WhenVisible } from '../ui/when-visible.tsx';

export type ChartFrame = { className: string; blockSize?: number };

/**
 * A chart whose drawing code (Recharts, most of the dashboards' JavaScript) runs only when the chart comes into the
 * window or the page is printed. `frame` sizes the box the drawing fills, the same before and after, so nothing
 * shifts. The code itself loads when the browser is idle: printing gives no time to fetch it, and a chart whose code
 * is there draws in the same render as the print request.
 */
export function deferredChart<P extends object>(load: () => Promise<ComponentType<P>>, frame: (props: P) => ChartFrame) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const loadOnce = () => (loading ??= load().then((drawing) => (loaded = drawing)));
  const Lazy = lazy(async () => ({ default: await loadOnce() }));
  return function DeferredChart(props: P) {
    useEffect(() => (loaded ? undefined : whenIdle(() => void loadOnce())), []);
    const { className, blockSize } = frame(props);
    const style = blockSize === undefined ? undefined : { blockSize };
    const Drawing = loaded ?? Lazy;
    return (
      <WhenVisible placeholder={(ref) => <div ref={ref} className={className} style={style} />}>
        <div className={className} style={style}>
          <Suspense fallback={null}>
            <Drawing {...props} />
          </Suspense>
        </div>
      </WhenVisible>
    );
  };
}
