import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CompliantProductUse, topCompliantOf } from './usage-rollups.ts';

/** Few products, municipalities and names, so that counts and names tie as they do in a real catalogue. */
const useArb: fc.Arbitrary<CompliantProductUse> = fc.record({
  municipalityCode: fc.constantFrom('GM0001', 'GM0002', 'GM0003', 'GM0004', 'GM0005'),
  productId: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11', 'p12'),
  product: fc.constantFrom('Zaaksysteem', 'zaaksysteem', 'Ëxcel', 'Archief', 'Archief'),
  vendor: fc.constantFrom(null, 'Kwakkel', 'Émile', 'Atos'),
  applicationCount: fc.integer({ min: 1, max: 3 }),
  level: fc.constantFrom(null, 'claimed', 'verified'),
});

const bytes = (s: string) => Buffer.from(s);

describe('the top compliant products', () => {
  it('are the first of every product in the order of most municipalities, most applications, then name, vendor (none last) and id as bytes', () => {
    fc.assert(
      fc.property(fc.array(useArb, { maxLength: 60 }), fc.integer({ min: 1, max: 14 }), (uses, limit) => {
        // A product is named as its first use names it.
        const firsts = new Map<string, CompliantProductUse>();
        for (const u of uses) if (!firsts.has(u.productId)) firsts.set(u.productId, u);
        const all = [...firsts.values()].map((first) => {
          const own = uses.filter((u) => u.productId === first.productId);
          return {
            productId: first.productId,
            product: first.product,
            vendor: first.vendor,
            municipalityCount: new Set(own.map((u) => u.municipalityCode)).size,
            applicationCount: own.reduce((n, u) => n + u.applicationCount, 0),
          };
        });
        all.sort(
          (a, b) =>
            b.municipalityCount - a.municipalityCount ||
            b.applicationCount - a.applicationCount ||
            Buffer.compare(bytes(a.product), bytes(b.product)) ||
            (a.vendor === null ? (b.vendor === null ? 0 : 1) : b.vendor === null ? -1 : Buffer.compare(bytes(a.vendor), bytes(b.vendor))) ||
            Buffer.compare(bytes(a.productId), bytes(b.productId)),
        );
        const top = topCompliantOf(uses, limit);
        expect(top.map(({ productId, product, vendor, municipalityCount, applicationCount }) => ({ productId, product, vendor, municipalityCount, applicationCount }))).toEqual(
          all.slice(0, limit),
        );
      }),
      { numRuns: 500 },
    );
  });
});
