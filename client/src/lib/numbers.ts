/** Accepts "1.234,56" as well as "1234.56": Dutch users type Dutch numbers. Text that is no number stays NaN. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (!trimmed) return null;
  // Dots are thousands separators beside a decimal comma, and where they group by three ("12.000" in a Dutch form).
  const grouped = trimmed.includes(',') || /^-?\d{1,3}(\.\d{3})+$/.test(trimmed);
  const normalised = grouped ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}
