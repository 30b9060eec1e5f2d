/**
 * How the catalogue recognises one product under the many spellings municipalities type (PRODUCT §9): case,
 * spacing, punctuation and diacritics never tell two products apart, and neither does a vendor's legal form
 * ("Kwakkel B.V.", "kwakkel bv" and "KWAKKEL" are one vendor). Letters and digits always do: two names that differ
 * in a letter or a digit get different keys, and bringing those together is a steward's decision (merge, alias).
 */

/** Legal forms that may close a vendor's name, written without dots, as `words` leaves them. */
const LEGAL_FORMS = new Set([
  'bv', 'nv', 'vof', 'cv', 'ua', 'wa', 'bvba', 'ltd', 'limited', 'llc', 'inc', 'gmbh', 'ag', 'kg', 'sa', 'sarl', 'plc', 'se',
]);

/**
 * Case and diacritics folded: upper case, then lower case character by character (the whole-string conversion
 * depends on the neighbours: Greek final sigma), decomposed and stripped of marks ("Coöperatie" is "cooperatie").
 * Repeated until nothing changes, since one step may reveal what another must still treat ("ẞ" lowers to "ß",
 * which uppers to "SS").
 */
function fold(text: string): string {
  let current = text;
  for (let pass = 0; pass < 4; pass++) {
    const next = Array.from(current.normalize('NFKD').toUpperCase(), (c) => c.toLowerCase())
      .join('')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '');
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * The words of a name, folded. A dot after a single letter belongs to an abbreviation and goes ("B.V." is "bv");
 * every other character that is not a letter or a digit separates words.
 */
function words(text: string | null | undefined): string[] {
  if (!text) return [];
  return fold(text)
    .replace(/(?<![\p{L}\p{N}])(\p{L})\./gu, '$1')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** A vendor's words without the legal forms that close it; a name that is only a legal form keeps it. */
function vendorWords(vendor: string | null | undefined): string[] {
  const w = words(vendor);
  while (w.length > 1 && LEGAL_FORMS.has(w[w.length - 1]!)) w.pop();
  return w;
}

/** The key of a vendor; empty when there is none. */
export function vendorKey(vendor: string | null | undefined): string {
  return vendorWords(vendor).join('');
}

/** The key of a product's name. */
export function productNameKey(name: string | null | undefined): string {
  return words(name).join('');
}

/**
 * The key of a version. Unlike a name, the places where a version is split count ("1.12" is not "11.2"); which
 * separator splits it does not ("5.2", "5,2", "5-2" and "v5.2" are one version). Empty when there is none.
 */
export function versionKey(version: string | null | undefined): string {
  const w = words(version?.replace(/\./g, ' '));
  if (w.length > 0 && /^(?:versie|version|release|v)$/.test(w[0]!) && w.length > 1 && /^\d/.test(w[1]!)) w.shift();
  if (w.length > 0 && /^v\d/.test(w[0]!)) w[0] = w[0]!.slice(1);
  return w.join('.');
}

/**
 * The product an application names: its own product field, or, when that is empty, the application's name (an
 * inventory often names an application after the package and leaves the product field blank).
 */
export function productNameOf(application: { product?: string | null | undefined; name: string }): string {
  const product = application.product?.trim();
  return product ? product : application.name.trim();
}

/** What identifies a product version in the catalogue. */
export type ProductVersionKeys = { vendorKey: string; nameKey: string; versionKey: string };

export function productVersionKeys(application: {
  vendor?: string | null | undefined;
  product?: string | null | undefined;
  name: string;
  version?: string | null | undefined;
}): ProductVersionKeys {
  return {
    vendorKey: vendorKey(application.vendor),
    nameKey: productNameKey(productNameOf(application)),
    versionKey: versionKey(application.version),
  };
}

/**
 * Vendor and name as words separated by single spaces, for the database's trigram similarity (pg_trgm compares
 * words, so the separations are kept here while the keys drop them).
 */
export function searchableVendor(vendor: string | null | undefined): string {
  return vendorWords(vendor).join(' ');
}

export function searchableName(name: string | null | undefined): string {
  return words(name).join(' ');
}
