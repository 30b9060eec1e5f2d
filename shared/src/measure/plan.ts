import type { PlanYear } from '../schemas/progress.ts';
import { yearOf } from './calendar.ts';
import { deadline, type TargetSettings, targetAt } from './target.ts';

const EPSILON = 1e-9;
/** A plan further ahead than this is not a plan. */
const MAX_PLAN_YEARS = 30;

export type PlanInput = {
  today: string;
  settings: TargetSettings;
  startShare: number | null;
  landscapeCount: number;
  compliantCount: number;
  /** Legacy applications in the landscape by planned replacement year; years already past count as this year. */
  plannedByYear: ReadonlyMap<number, number>;
};

/**
 * For this year and every year up to the deadline: replacements planned vs replacements needed so that at the end
 * of that year the count share is on target (at today's landscape size). `gap` = planned − needed: negative means
 * short of the target.
 */
export function plan(input: PlanInput): PlanYear[] {
  const thisYear = yearOf(input.today);
  const lastYear = Math.min(thisYear + MAX_PLAN_YEARS - 1, Math.max(thisYear, yearOf(deadline(input.settings, input.startShare))));
  const overdue = [...input.plannedByYear].filter(([y]) => y < thisYear).reduce((sum, [, n]) => sum + n, 0);
  const years: PlanYear[] = [];
  let covered = input.compliantCount;
  for (let year = thisYear; year <= lastYear; year++) {
    const required = Math.ceil(targetAt(input.settings, input.startShare, `${year}-12-31`) * input.landscapeCount - EPSILON);
    const needed = Math.max(0, required - covered);
    covered = Math.max(covered, required);
    const planned = (input.plannedByYear.get(year) ?? 0) + (year === thisYear ? overdue : 0);
    years.push({ year, planned, needed, gap: planned - needed });
  }
  return years;
}
