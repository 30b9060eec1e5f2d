import { describe, expect, it } from 'vitest';
import type { Municipality } from '@tm/shared/schemas/municipality';
import type { MunicipalityShare } from '@tm/shared/schemas/progress';
import { formatMunicipalitySort, municipalityRows, parseMunicipalitySort } from './municipality-order.ts';

const municipality = (code: string, name: string, population: number): Municipality =>
  ({ code, name, province: 'Zuid-Holland', population, sizeClass: population > 100_000 ? 6 : 4, predecessors: [] }) as unknown as Municipality;
const figures = (code: string, share: number | null, status: MunicipalityShare['status'], attestedAt: string | null) =>
  ({ code, share, status, attestedAt, stale: attestedAt === null }) as MunicipalityShare;

const items = [municipality('GM0546', 'Leiden', 130_000), municipality('GM0547', 'Leiderdorp', 27_000), municipality('GM0599', 'Rotterdam', 670_000), municipality('GM0505', 'Dordrecht', 120_000)];
const shares = [
  figures('GM0546', 0.4, 'ahead', '2026-03-01T10:00:00Z'),
  figures('GM0547', 0.1, 'behind', null),
  figures('GM0599', null, null, '2025-01-01T10:00:00Z'),
  figures('GM0505', 0.4, 'on_track', '2026-01-01T10:00:00Z'),
];
const codes = (sort: string | null, query = '') => municipalityRows(items, shares, query, parseMunicipalitySort(sort)).map((r) => r.code);

describe('municipalityRows', () => {
  it.each([
    [null, ['GM0505', 'GM0546', 'GM0547', 'GM0599']],
    ['-name', ['GM0599', 'GM0547', 'GM0546', 'GM0505']],
    // Equal shares fall back to the name; no landscape sorts lowest.
    ['share', ['GM0599', 'GM0547', 'GM0505', 'GM0546']],
    ['-share', ['GM0505', 'GM0546', 'GM0547', 'GM0599']],
    ['status', ['GM0599', 'GM0547', 'GM0505', 'GM0546']],
    ['-attestedAt', ['GM0546', 'GM0505', 'GM0599', 'GM0547']],
    ['population', ['GM0547', 'GM0505', 'GM0546', 'GM0599']],
    ['nonsense', ['GM0505', 'GM0546', 'GM0547', 'GM0599']],
  ])('when sorted by %s, then the order is %j', (sort, expected) => {
    expect(codes(sort)).toEqual(expected);
  });

  it('when filtered by part of a name or a code, then only those remain, each with its figures', () => {
    expect(codes('-share', 'leid')).toEqual(['GM0546', 'GM0547']);
    expect(codes(null, 'gm0599')).toEqual(['GM0599']);
    expect(municipalityRows(items, undefined, '', parseMunicipalitySort(null)).every((r) => r.figures === undefined)).toBe(true);
  });
});

describe('the sort in the address', () => {
  it.each([
    ['share', { key: 'share', descending: false }],
    ['-attestedAt', { key: 'attestedAt', descending: true }],
  ] as const)('when the address says %s, then it reads back the same', (value, sort) => {
    expect(parseMunicipalitySort(value)).toEqual(sort);
    expect(formatMunicipalitySort(sort)).toBe(value);
  });

  it('when sorted by name ascending, the default, then the address says nothing', () => {
    expect(formatMunicipalitySort({ key: 'name', descending: false })).toBeUndefined();
  });
});
