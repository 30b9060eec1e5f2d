/**
 * Whether mergers fit the register (PRODUCT §12, issue 18 "Bad input"), as a pure function of what the register
 * knows about the municipalities involved. The server asks it before registering; a request lists several mergers
 * when it applies a register update, and they are checked in date order, each against the register as the earlier
 * ones leave it, so that a chain over years in one update is judged as if registered one by one.
 */
import type { MunicipalityMergerInput } from '../schemas/municipality-merger.ts';

export type RegisterFacts = {
  code: string;
  /** First day; null when it existed before the register's first list. */
  validFrom: string | null;
  /** The day it merged away, and into what; null while it exists. */
  validTo: string | null;
  mergedInto: string | null;
  /** The start of its latest version (a merger, a rename, a population update); null when it has only its first. */
  lastChange: string | null;
  /** Whether it has applications of its own. */
  hasLandscape: boolean;
};

export type MergerProblem = {
  /** Which of the mergers, in the order given. */
  merger: number;
  /** The field within that merger, as `errors[].path` names it. */
  path: string;
  /** 400 for what no register could accept; 409 for what conflicts with this register. */
  status: 400 | 409;
  message: string;
};

const yearOf = (date: string) => date.slice(0, 4);

/** Every problem of every merger; none when all of them can be registered, in date order, as they are. */
export function mergerProblems(
  mergers: readonly MunicipalityMergerInput[],
  register: ReadonlyMap<string, RegisterFacts>,
  today: string,
): MergerProblem[] {
  const state = new Map(register);
  const problems: MergerProblem[] = [];
  const order = mergers.map((m, i) => ({ m, i })).sort((a, b) => a.m.date.localeCompare(b.m.date) || a.i - b.i);
  order.forEach(({ m, i }, position) => {
    const found = (path: string, status: 400 | 409, message: string) => problems.push({ merger: i, path, status, message });
    if (m.date > today) found('date', 400, 'Must not be in the future: a merger is registered from its date on');

    m.from.forEach((code, j) => {
      const facts = state.get(code);
      if (!facts) return found(`from.${j}`, 400, `There is no municipality ${code} in the register`);
      if (facts.validTo) return found(`from.${j}`, 409, `${code} already merged into ${facts.mergedInto} on ${facts.validTo}`);
      if (facts.validFrom && m.date <= facts.validFrom)
        return found('date', 400, `Must be after ${facts.validFrom}, the day ${code} began`);
      if (facts.lastChange && m.date < facts.lastChange)
        found('date', 409, `${code} changed in the register on ${facts.lastChange}; a merger cannot go before its latest change`);
    });

    const target = state.get(m.into.code);
    if (target && !m.from.includes(m.into.code))
      found(
        'into.code',
        409,
        target.validTo
          ? `${m.into.code} merged into ${target.mergedInto} on ${target.validTo}; a code is not used again`
          : target.hasLandscape
            ? `${m.into.code} exists with a landscape of its own; list it in from to absorb the others into it`
            : `${m.into.code} exists in the register; list it in from to absorb the others into it`,
      );

    const earlier = order.slice(0, position).filter((e) => yearOf(e.m.date) === yearOf(m.date));
    for (const e of earlier) {
      const theirs = new Set([...e.m.from, e.m.into.code]);
      const shared = [...m.from, m.into.code].filter((c) => theirs.has(c));
      if (shared.length > 0)
        found('from', 409, `Overlaps merger ${e.i + 1} of the same year in ${[...new Set(shared)].join(', ')}; register that one first, then this one`);
    }

    if (!problems.some((p) => p.merger === i)) apply(state, m);
  });
  return problems.sort((a, b) => a.merger - b.merger);
}

/** The register as it is once `merger` is registered. */
function apply(state: Map<string, RegisterFacts>, merger: MunicipalityMergerInput): void {
  for (const code of merger.from)
    if (code !== merger.into.code) state.set(code, { ...state.get(code)!, validTo: merger.date, mergedInto: merger.into.code });
  const target = state.get(merger.into.code);
  const hasLandscape = merger.from.some((c) => state.get(c)!.hasLandscape);
  state.set(
    merger.into.code,
    target
      ? { ...target, lastChange: merger.date, hasLandscape }
      : { code: merger.into.code, validFrom: merger.date, validTo: null, mergedInto: null, lastChange: null, hasLandscape },
  );
}
