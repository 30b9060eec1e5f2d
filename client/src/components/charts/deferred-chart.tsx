import { type ComponentType, lazy, Suspense } from 'react';
import { WhenVisible } from '../ui/when-visible.tsx';

export type ChartFrame = { className: string; blockSize?: number };

/**
 * A chart whose drawing code (Recharts, most of the dashboards' JavaScript) loads and runs only when the chart
 * comes into the window. `frame` sizes the box the drawing fills, the same before and after, so nothing shifts.
 */
export function deferredChart<P extends object>(load: () => Promise<ComponentType<P>>, frame: (props: P) => ChartFrame) {
  const Drawing = lazy(async () => ({ default: await load() }));
  return function DeferredChart(props: P) {
    const { className, blockSize } = frame(props);
    const style = blockSize === undefined ? undefined : { blockSize };
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
