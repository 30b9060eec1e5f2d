/**
 * The words of the municipal register as plain values, without their zod schemas (`schemas/municipality.ts`): a
 * screen that only lists them need not load and build every schema before it paints.
 */
export const PROVINCES = [
  'Groningen', 'Fryslân', 'Drenthe', 'Overijssel', 'Flevoland', 'Gelderland',
  'Utrecht', 'Noord-Holland', 'Zuid-Holland', 'Zeeland', 'Noord-Brabant', 'Limburg',
] as const;
export type Province = (typeof PROVINCES)[number];
