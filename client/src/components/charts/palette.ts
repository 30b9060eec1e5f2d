/**
 * The charts' colours (Okabe–Ito, safe for the common colour-vision deficiencies). They are values, not CSS custom
 * properties, because the same charts are also drawn outside the page: in the PDF report, where no stylesheet applies.
 */
export const PALETTE = {
  actual: '#0072b2',
  target: '#d55e00',
  forecast: '#0072b2',
  compliant: '#009e73',
  transition: '#e69f00',
  legacy: '#6d6d6d',
} as const;
