import type { AssessmentLevel } from '../schemas/assessment.ts';

/**
 * How the versions of a catalogue product that a top list or a recommendation counts are judged, taken together
 * (PRODUCT §9): `verified` when a steward verified each, `claimed` when each is judged but some only by an editor's
 * claim, null when some are not judged at all and count as their users report them.
 */
export function judgementOf(levels: readonly (AssessmentLevel | null)[]): AssessmentLevel | null {
  if (levels.every((l) => l === 'verified')) return 'verified';
  return levels.every((l) => l !== null) ? 'claimed' : null;
}
