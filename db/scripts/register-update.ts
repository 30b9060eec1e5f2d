/**
 * What a newer municipality list implies for the register. A CBS list names the municipalities of its date but not
 * where the vanished ones went, so the mergers are inferred: within a province, the vanished municipalities are
 * shared out over the new codes and over the existing ones that grew by about as much as they would absorb, in
 * the way that leaves the least population unexplained. The reasoning goes into the file beside each merger, for
 * an admin to check before applying it (PRODUCT §12).
 */
import type { MunicipalityMergerInput, RegisterUpdate } from '@tm/shared/schemas/municipality-merger';
import type { RegisterEntry } from './municipality-list.ts';

/** Existing municipalities considered as absorbing one that vanished: those whose growth comes closest to it. */
const ABSORBING_CANDIDATES = 3;
/** An existing municipality absorbed another only if it grew by at least this part of the other's population. */
const MIN_ABSORBED_GROWTH = 0.5;
/** Above this part of the moved population left unexplained, a merger is marked for a closer look. */
const DOUBTFUL = 0.1;
/** Another way of sharing out within this much of the best is named as an alternative. */
const AMBIGUOUS = 0.05;
/** More ways of sharing out than this in one province (a wholesale reorganisation) are left to the admin. */
const MAX_WAYS = 200_000;

/** Both lists by code, and how much everyone grew between them. */
type Populations = { before: ReadonlyMap<string, RegisterEntry>; after: ReadonlyMap<string, RegisterEntry>; growth: number };
/** Per code merged into, the vanished codes that went into it. */
type Groups = Map<string, string[]>;
type Scored = { groups: Groups; worst: number; total: number };

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
const sumOf = (list: readonly RegisterEntry[]) => list.reduce((sum, m) => sum + m.population, 0);
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

export function inferRegisterUpdate(
  previous: readonly RegisterEntry[],
  next: readonly RegisterEntry[],
  meta: { date: string; source: string },
): RegisterUpdate {
  const population: Populations = {
    before: new Map(previous.map((m) => [m.code, m])),
    after: new Map(next.map((m) => [m.code, m])),
    // Everyone's growth, so that an absorbing municipality's own growth is not taken for what it absorbed.
    growth: sumOf(next) / sumOf(previous),
  };
  const { before, after } = population;
  const vanished = previous.filter((m) => !after.has(m.code)).sort(byCode);
  const appeared = next.filter((m) => !before.has(m.code)).sort(byCode);

  const mergers: MunicipalityMergerInput[] = [];
  const review: string[] = [];
  const unresolved: string[] = [];
  for (const province of new Set([...vanished, ...appeared].map((m) => m.province))) {
    const gone = vanished.filter((m) => m.province === province);
    const fresh = appeared.filter((m) => m.province === province);
    if (gone.length === 0) {
      for (const m of fresh)
        unresolved.push(`${m.code} ${m.name} is new, but no municipality of ${province} left the list: a split or a move across provinces; register it by hand`);
      continue;
    }
    const options = new Map(gone.map((g) => [g.code, [...fresh.map((f) => f.code), ...absorbingCandidates(g, next, population)]]));
    for (const g of gone.filter((m) => options.get(m.code)!.length === 0))
      unresolved.push(`${g.code} ${g.name} left the list, and nothing in ${province} is new or grew enough to have absorbed it; register it by hand`);
    const placeable = gone.filter((m) => options.get(m.code)!.length > 0);
    const [best, second] = bestSharingOut(placeable, options, fresh, population);
    if (!best) {
      const listed = [...placeable, ...fresh].map((m) => `${m.code} ${m.name} (${m.population})`).join(', ');
      if (listed) unresolved.push(`The list does not tell which of these merged in ${province}; register them by hand: ${listed}`);
      continue;
    }
    for (const [into, from] of best.groups) {
      const target = after.get(into)!;
      const codes = before.has(into) ? [...from, into] : from;
      mergers.push({ date: meta.date, from: codes.sort(), into: { code: into, name: target.name, province: target.province } });
      review.push(explain(target, codes, unexplained(into, from, population), population));
    }
    if (second && second.worst - best.worst < AMBIGUOUS)
      review.push(
        `CHECK ${province}: ${describe(second.groups)} fits nearly as well (${percent(second.worst)} unexplained against ${percent(best.worst)})`,
      );
  }

  const mergedInto = new Set(mergers.map((m) => m.into.code));
  const kept = next.filter((m) => before.has(m.code)).sort(byCode);
  for (const m of kept.filter((k) => before.get(k.code)!.province !== k.province))
    unresolved.push(`${m.code} ${m.name} moved from ${before.get(m.code)!.province} to ${m.province}; the register update does not move municipalities between provinces`);

  return {
    date: meta.date,
    source: meta.source,
    mergers: mergers.sort((a, b) => a.into.code.localeCompare(b.into.code)),
    renames: kept
      .filter((m) => !mergedInto.has(m.code) && before.get(m.code)!.name !== m.name)
      .map((m) => ({ date: meta.date, code: m.code, name: m.name })),
    populations: [...next].sort(byCode).map((m) => ({ code: m.code, population: m.population })),
    review,
    unresolved,
  };
}

/** The existing municipalities of the province whose growth beyond everyone's comes closest to what `gone` had. */
function absorbingCandidates(gone: RegisterEntry, next: readonly RegisterEntry[], population: Populations): string[] {
  return next
    .filter((m) => m.province === gone.province && population.before.has(m.code))
    .map((m) => ({ code: m.code, extra: m.population - population.before.get(m.code)!.population * population.growth }))
    .filter((m) => m.extra >= MIN_ABSORBED_GROWTH * gone.population)
    .sort((a, b) => Math.abs(a.extra - gone.population) - Math.abs(b.extra - gone.population))
    .slice(0, ABSORBING_CANDIDATES)
    .map((m) => m.code);
}

/**
 * The two best ways of sending each vanished municipality to one of its options such that every new code gets at
 * least one: best by the largest part of a merger's moved population left unexplained, then by their sum. None when
 * there are too many ways to try.
 */
function bestSharingOut(
  gone: readonly RegisterEntry[],
  options: ReadonlyMap<string, readonly string[]>,
  fresh: readonly RegisterEntry[],
  population: Populations,
): Scored[] {
  const ways = gone.reduce((n, g) => n * options.get(g.code)!.length, 1);
  if (gone.length === 0 || ways > MAX_WAYS) return [];
  const top: Scored[] = [];
  const chosen: string[] = [];
  const walk = (i: number) => {
    if (i === gone.length) {
      const groups: Groups = new Map();
      gone.forEach((g, j) => groups.set(chosen[j]!, [...(groups.get(chosen[j]!) ?? []), g.code]));
      if (!fresh.every((f) => groups.has(f.code))) return;
      const errors = [...groups].map(([into, from]) => unexplained(into, from, population));
      top.push({ groups, worst: Math.max(...errors), total: errors.reduce((a, b) => a + b, 0) });
      top.sort((a, b) => a.worst - b.worst || a.total - b.total).splice(2);
      return;
    }
    for (const into of options.get(gone[i]!.code)!) {
      chosen[i] = into;
      walk(i + 1);
    }
  };
  walk(0);
  return top;
}

/** The population `codes` would have on the newer list had they grown as everyone did. */
function expected(codes: readonly string[], population: Populations): number {
  return codes.reduce((sum, c) => sum + population.before.get(c)!.population, 0) * population.growth;
}

/** The part of the population moved from `from` that the newer list's figure for `into` does not account for. */
function unexplained(into: string, from: readonly string[], population: Populations): number {
  const all = population.before.has(into) ? [...from, into] : from;
  return Math.abs(population.after.get(into)!.population - expected(all, population)) / expected(from, population);
}

function describe(groups: Groups): string {
  return [...groups].map(([into, from]) => `${from.join(' + ')} → ${into}`).join(', ');
}

function explain(target: RegisterEntry, codes: readonly string[], off: number, population: Populations): string {
  const parts = codes.map((c) => `${c} ${population.before.get(c)!.name} (${population.before.get(c)!.population})`).join(' + ');
  const kind = population.before.has(target.code) ? 'keeps its code' : 'new code';
  const doubt = off > DOUBTFUL ? '; CHECK: more than expected is unexplained' : '';
  return `${target.code} ${target.name} (${kind}) ← ${parts}: ${target.population} on the newer list, ${percent(off)} of the moved population unexplained${doubt}`;
}
