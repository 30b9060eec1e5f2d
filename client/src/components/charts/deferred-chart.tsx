import { type ComponentType, useEffect, useState } from 'react';
import { whenReaderActs } from '../../lib/when-reader-acts.ts';
import { WhenVisible } from '../ui/when-visible.tsx';

export type ChartFrame = { className: string; blockSize?: number };

/**
 * A chart whose drawing code (Recharts, most of the dashboards' JavaScript) runs only when the chart comes into the
 * window or the page is printed. `frame` sizes the box the drawing fills, the same before and after, so nothing
 * shifts. The code itself loads before it is asked for, at the reader's first scroll, tap or key or a few seconds
 * after the start: printing gives no time to fetch it, and a chart whose code is there draws in the very render that
 * the print request causes. Not at once when the page is idle: evaluating Recharts is one long task, which a
 * phone's first seconds are better without.
 */
export function deferredChart<P extends object>(load: () => Promise<ComponentType<P>>, frame: (props: P) => ChartFrame) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const loadOnce = () => (loading ??= load().then((drawing) => (loaded = drawing)));

  /** The drawing, as soon as its code is there (at once when it was loaded before). */
  function Drawing(props: P) {
    const [Chart, setChart] = useState(() => loaded);
    useEffect(() => {
      if (Chart) return;
      let current = true;
      void loadOnce().then((drawing) => current && setChart(() => drawing));
      return () => {
        current = false;
      };
    }, [Chart]);
    return Chart ? <Chart {...props} /> : null;
  }

  return function DeferredChart(props: P) {
    useEffect(() => (loaded ? undefined : whenReaderActs(() => void loadOnce())), []);
    const { className, blockSize } = frame(props);
    const style = blockSize === undefined ? undefined : { blockSize };
    return (
      <WhenVisible placeholder={(ref) => <div ref={ref} className={className} style={style} />}>
        <div className={className} style={style}>
          <Drawing {...props} />
        </div>
      </WhenVisible>
    );
  };
}
