/** The measure's words as plain values, without their zod schemas (`schemas/progress.ts`); see `municipality.ts`. */
export const MEASURES = ['count', 'cost'] as const;
export const PROGRESS_STATUSES = ['ahead', 'on_track', 'behind'] as const;
