import { lastKnownInstant } from '@tm/shared/measure/known-at';
import type { Measure } from '@tm/shared/schemas/progress';
import type { ReadOptions } from './progress.service.ts';

/**
 * What a validated dashboard query asks the service for. The cache keys on the normalised `knownAt`, so every
 * spelling of one moment is one question; the service reads it as the last instant it covers, inclusive.
 */
export function readOptions(query: { measure: Measure; knownAt?: string | undefined }): ReadOptions {
  return { measure: query.measure, knownAt: query.knownAt === undefined ? undefined : lastKnownInstant(query.knownAt) };
}
