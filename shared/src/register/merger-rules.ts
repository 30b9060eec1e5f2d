/**
 * Whether mergers fit the register (PRODUCT §12, issue 18 "Bad input"), as a pure function of what the register
 * knows about the municipalities involved. The server asks it before registering; a request lists several mergers
 * when it applies a register update, and they are checked in date order, each against the register as the earlier
 * ones leave it, so that a chain over years in one update is judged as if registered one by one.
 */
import { type Message, message } from '../messages/messages.ts';
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
  message: Message;
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
    const found = (path: string, status: 400 | 409, said: Message) => problems.push({ merger: i, path, status, message: said });
    if (m.date > today) found('date', 400, message('mergers.inFuture'));

    m.from.forEach((code, j) => {
      const facts = state.get(code);
      if (!facts) return found(`from.${j}`, 400, message('mergers.unknownMunicipality', { code }));
      if (facts.validTo) return found(`from.${j}`, 409, message('mergers.mergedAlready', { code, into: facts.mergedInto ?? '', date: facts.validTo }));
      if (facts.validFrom && m.date <= facts.validFrom)
        return found('date', 400, message('mergers.beforeStart', { start: facts.validFrom, code }));
      if (facts.lastChange && m.date < facts.lastChange)
        found('date', 409, message('mergers.beforeLastChange', { code, date: facts.lastChange }));
    });

    const target = state.get(m.into.code);
    if (target && !m.from.includes(m.into.code))
      found(
        'into.code',
        409,
        target.validTo
          ? message('mergers.codeUsed', { code: m.into.code, into: target.mergedInto ?? '', date: target.validTo })
          : message(target.hasLandscape ? 'mergers.targetHasLandscape' : 'mergers.targetExists', { code: m.into.code }),
      );

    const earlier = order.slice(0, position).filter((e) => yearOf(e.m.date) === yearOf(m.date));
    for (const e of earlier) {
      const theirs = new Set([...e.m.from, e.m.into.code]);
      const shared = [...m.from, m.into.code].filter((c) => theirs.has(c));
      if (shared.length > 0)
        found('from', 409, message('mergers.overlaps', { number: e.i + 1, codes: [...new Set(shared)] }));
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
