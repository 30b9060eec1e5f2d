import { cloneElement, createContext, type ReactElement, useContext } from 'react';
import { ResponsiveContainer } from 'recharts';

/** A fixed drawing size for every chart inside: the report draws the charts at the size they take on paper. */
export const FixedChartSize = createContext<{ width: number; height: number } | null>(null);

/**
 * The box a Recharts chart fills: on a page the box its panel gives it, measured as the window changes; in the report
 * (FixedChartSize) the size on paper, as nothing is measured there.
 */
export function ChartBox({ children }: { children: ReactElement<{ width?: number; height?: number }> }) {
  const fixed = useContext(FixedChartSize);
  if (fixed) return cloneElement(children, fixed);
  return (
    <ResponsiveContainer width="100%" height="100%">
      {children}
    </ResponsiveContainer>
  );
}
