import type { Municipality } from '@tm/shared/schemas/municipality';
import type { MunicipalityShare, ProgressStatus } from '@tm/shared/schemas/progress';
import { dutchOrder } from '@tm/shared/dutch-order';

export const MUNICIPALITY_SORT_KEYS = ['name', 'code', 'province', 'population', 'sizeClass', 'share', 'status', 'attestedAt'] as const;
export type MunicipalitySortKey = (typeof MUNICIPALITY_SORT_KEYS)[number];
export type MunicipalitySort = { key: MunicipalitySortKey; descending: boolean };

/** A municipality of the register with its figures of today, when the national figures have it. */
export type MunicipalityRow = Municipality & { figures: MunicipalityShare | undefined };

/** From furthest behind to furthest ahead; without figures before all. */
const STATUS_RANK: Record<ProgressStatus, number> = { behind: 1, on_track: 2, ahead: 3 };

const byName = (a: MunicipalityRow, b: MunicipalityRow) => dutchOrder(a.name, b.name);

/** What each column sorts by; a missing figure (no landscape, never attested) sorts as the lowest. */
const COMPARE: Record<MunicipalitySortKey, (a: MunicipalityRow, b: MunicipalityRow) => number> = {
  name: byName,
  code: (a, b) => a.code.localeCompare(b.code),
  province: (a, b) => dutchOrder(a.province, b.province),
  population: (a, b) => a.population - b.population,
  sizeClass: (a, b) => a.sizeClass - b.sizeClass,
  share: (a, b) => (a.figures?.share ?? -1) - (b.figures?.share ?? -1),
  status: (a, b) => (a.figures?.status ? STATUS_RANK[a.figures.status] : 0) - (b.figures?.status ? STATUS_RANK[b.figures.status] : 0),
  attestedAt: (a, b) => (a.figures?.attestedAt ?? '').localeCompare(b.figures?.attestedAt ?? ''),
};

/** The register's municipalities with their figures, filtered by name or code, in the order asked (ties by name). */
export function municipalityRows(
  items: readonly Municipality[],
  figures: readonly MunicipalityShare[] | undefined,
  query: string,
  sort: MunicipalitySort,
): MunicipalityRow[] {
  const byCode = new Map(figures?.map((f) => [f.code, f]));
  const q = query.trim().toLowerCase();
  const found = q ? items.filter((m) => m.name.toLowerCase().includes(q) || m.code.toLowerCase().includes(q)) : items;
  const direction = sort.descending ? -1 : 1;
  return found
    .map((m) => ({ ...m, figures: byCode.get(m.code) }))
    .sort((a, b) => direction * COMPARE[sort.key](a, b) || byName(a, b));
}

/** `?sort=share` or `?sort=-share` (descending), as the inventory's sort reads; anything else is by name. */
export function parseMunicipalitySort(value: string | null): MunicipalitySort {
  const descending = value?.startsWith('-') ?? false;
  const key = MUNICIPALITY_SORT_KEYS.find((k) => k === value?.replace(/^-/, ''));
  return key ? { key, descending } : { key: 'name', descending: false };
}

export function formatMunicipalitySort(sort: MunicipalitySort): string | undefined {
  if (sort.key === 'name' && !sort.descending) return undefined;
  return `${sort.descending ? '-' : ''}${sort.key}`;
}
