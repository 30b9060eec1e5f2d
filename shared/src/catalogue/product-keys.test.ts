import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { productNameKey, productNameOf, productVersionKeys, searchableName, searchableVendor, vendorKey, versionKey } from './product-keys.ts';

/** Names as inventories spell them: Latin letters, Dutch diacritics, digits, and whatever sits between words. */
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZëïöüéèáóúçÉÖÏ'];
const DIGITS = [...'0123456789'];
const SEPARATORS = [' ', '  ', '-', '_', '/', '&', ',', '.', '(', ')', "'", '\t', ' - '];
const LEGAL_FORMS = ['B.V.', 'BV', 'bv', 'b.v', 'N.V.', 'NV', 'Ltd', 'Ltd.', 'GmbH', 'U.A.', 'Inc.', 'V.O.F.', 'SE'];

// Single letters are left to the examples: "b.v" is an abbreviation, "b v" two words, and no rule can tell which a
// respelling meant.
const wordArb = fc.array(fc.constantFrom(...LETTERS, ...DIGITS), { minLength: 2, maxLength: 12 }).map((cs) => cs.join(''));
const nameArb = fc.array(wordArb, { minLength: 1, maxLength: 5 });
const separatorArb = fc.constantFrom(...SEPARATORS);

/** The same words, written with other separators, in other case, with stray spaces and punctuation around. */
function respell(ws: string[], seps: string[], upper: boolean[]): string {
  const cased = ws.map((w, i) => (upper[i % upper.length] ? w.toUpperCase() : w.toLowerCase()));
  return `${seps[0] ?? ''}${cased.map((w, i) => (i === 0 ? w : `${seps[i % seps.length]}${w}`)).join('')} `;
}
const respelledArb = fc.tuple(nameArb, fc.array(separatorArb, { minLength: 1, maxLength: 5 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }));

/** Only letters and digits, folded as far as Dutch names need: what must tell two names apart. */
const letters = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

describe('product keys', () => {
  it.each([
    ['Kwakkel B.V.', 'kwakkel bv', 'kwakkel'],
    ['Kwakkelhuis Gemeentesoftware B.V.', 'KWAKKELHUIS GEMEENTE-SOFTWARE', 'kwakkelhuisgemeentesoftware'],
    ['Kievitsbloem Coöperatie U.A.', 'kievitsbloem cooperatie', 'kievitsbloemcooperatie'],
    ['Dijkgraaf & Kievit Bestuurssystemen', 'Dijkgraaf Kievit Bestuurssystemen N.V.', 'dijkgraafkievitbestuurssystemen'],
    ['Slootwater ICT Ltd.', 'slootwater ict', 'slootwaterict'],
    ['Molenwiek GmbH', 'Molenwiek, gmbh', 'molenwiek'],
  ])('when vendors are spelled "%s" and "%s", then both have the key %s', (a, b, key) => {
    expect(vendorKey(a)).toBe(key);
    expect(vendorKey(b)).toBe(key);
  });

  it.each([
    ['BV', 'bv'],
    ['B.V.', 'bv'],
    ['', ''],
    [null, ''],
    ['   ', ''],
  ])('when a vendor is only "%s", then its key is "%s": a name is never emptied', (vendor, key) => {
    expect(vendorKey(vendor)).toBe(key);
  });

  it('when a product name ends in what looks like a legal form, then it is kept: only vendors have legal forms', () => {
    expect(productNameKey('Zaken SE')).toBe('zakense');
    expect(productNameKey('Zaken SE')).not.toBe(productNameKey('Zaken'));
  });

  it.each([
    ['5.2', '5,2', '5.2'],
    ['v5.2', 'Versie 5.2', '5.2'],
    ['Release 2024-R1', '2024 r1', '2024.r1'],
    ['V 3', 'version 3', '3'],
    ['', null, ''],
  ])('when versions are written "%s" and "%s", then both have the key "%s"', (a, b, key) => {
    expect(versionKey(a)).toBe(key);
    expect(versionKey(b)).toBe(key);
  });

  it('when versions differ in where they are split, then they stay apart', () => {
    expect(versionKey('1.12')).not.toBe(versionKey('11.2'));
    expect(versionKey('5.2')).not.toBe(versionKey('5.2.1'));
    expect(versionKey('5.2')).not.toBe(versionKey('52'));
  });

  it('when an application has no product, then its name stands for it', () => {
    expect(productNameOf({ product: '  ', name: ' Zaaksysteem ' })).toBe('Zaaksysteem');
    expect(productNameOf({ product: 'Grutto Zaken', name: 'Zaaksysteem' })).toBe('Grutto Zaken');
    expect(productVersionKeys({ vendor: 'Grutto B.V.', product: null, name: 'Grutto Zaken', version: 'v2.1' })).toEqual({
      vendorKey: 'grutto', nameKey: 'gruttozaken', versionKey: '2.1',
    });
  });

  it('when searchable text is made, then words stay apart and legal forms go', () => {
    expect(searchableVendor('Kwakkelhuis  Gemeentesoftware B.V.')).toBe('kwakkelhuis gemeentesoftware');
    expect(searchableName('Kwakkel Klant-contact Suite')).toBe('kwakkel klant contact suite');
  });

  describe('for any text', () => {
    it('when a key is keyed again, then it does not change', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
          expect(vendorKey(vendorKey(text))).toBe(vendorKey(text));
          expect(productNameKey(productNameKey(text))).toBe(productNameKey(text));
          expect(versionKey(versionKey(text))).toBe(versionKey(text));
        }),
        { numRuns: 2000 },
      );
    });

    it('when a name is respelled in case, spacing and punctuation, then its keys do not change', () => {
      fc.assert(
        fc.property(respelledArb, respelledArb, ([ws, sepsA, upperA], [, sepsB, upperB]) => {
          const [a, b] = [respell(ws, sepsA, upperA), respell(ws, sepsB, upperB)];
          expect(vendorKey(a)).toBe(vendorKey(b));
          expect(productNameKey(a)).toBe(productNameKey(b));
        }),
        { numRuns: 2000 },
      );
    });

    it('when a vendor gains a legal form, then its key does not change', () => {
      fc.assert(
        fc.property(nameArb, fc.constantFrom(...LEGAL_FORMS), separatorArb, (ws, form, sep) => {
          const vendor = ws.join(' ');
          expect(vendorKey(`${vendor}${sep === '.' ? ' ' : sep}${form}`)).toBe(vendorKey(vendor));
        }),
        { numRuns: 2000 },
      );
    });

    it('when two names differ in their letters or digits, then their keys differ', () => {
      fc.assert(
        fc.property(nameArb, nameArb, separatorArb, (a, b, sep) => {
          const [x, y] = [a.join(sep), b.join(' ')];
          fc.pre(letters(x) !== letters(y));
          expect(productNameKey(x)).not.toBe(productNameKey(y));
        }),
        { numRuns: 2000 },
      );
    });

    it('when two vendors differ in their letters or digits, then their keys differ', () => {
      fc.assert(
        fc.property(nameArb, nameArb, separatorArb, (a, b, sep) => {
          // Closed by a word that is no legal form, so that only the letters and digits remain to compare.
          const [x, y] = [`${a.join(sep)} Software`, `${b.join(' ')} Software`];
          fc.pre(letters(x) !== letters(y));
          expect(vendorKey(x)).not.toBe(vendorKey(y));
        }),
        { numRuns: 2000 },
      );
    });

    it('when two versions differ in a letter or digit, then their keys differ', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 3 }), (parts, at) => {
          const i = at % parts.length;
          const other = parts.map((p, j) => (j === i ? p + 1 : p));
          expect(versionKey(parts.join('.'))).not.toBe(versionKey(other.join('.')));
        }),
        { numRuns: 1000 },
      );
    });
  });
});
