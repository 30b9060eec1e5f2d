import type { ReactNode } from 'react';

/** One figure of a KPI row: label, the figure, and the base or context under it. */
export function Kpi({ label, value, base }: { label: string; value: ReactNode; base?: ReactNode }) {
  return (
    <li className="tm-kpi">
      <p className="tm-kpi__label">{label}</p>
      <div className="tm-kpi__value">{value}</div>
      {base && <p className="tm-kpi__base">{base}</p>}
    </li>
  );
}
