export type BlockingBar = { key: string; label: string; share: number; value: string };

/**
 * One bar per product, its full name above it: names wrap rather than being cut off, however long, and the bars
 * draw as plain boxes, so they print as they show. The share runs 0–100% of the municipalities in the filter.
 */
export function BlockingBars({ rows }: { rows: readonly BlockingBar[] }) {
  return (
    <ol className="tm-bars">
      {rows.map((r) => (
        <li key={r.key} className="tm-bars__row">
          <span className="tm-bars__label">{r.label}</span>
          <span className="tm-bars__track">
            <span className="tm-bars__bar" style={{ inlineSize: `${Math.max(0.5, r.share * 100)}%` }} />
          </span>
          <span className="tm-bars__value">{r.value}</span>
        </li>
      ))}
    </ol>
  );
}
