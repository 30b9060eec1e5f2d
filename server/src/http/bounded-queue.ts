import pLimit from 'p-limit';
import { AppError, type Detail } from './app-error.ts';

export type BoundedQueue = {
  /** Runs `work` when a place is free; refuses at once (503 with Retry-After) when the waiting line is full. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
};

/**
 * At most `concurrency` pieces of work at a time and at most `waiting` more in line: a burst costs the database a
 * fixed share of its connections and cores, and whoever comes after a full line hears so at once instead of
 * waiting behind it.
 */
export function boundedQueue({ concurrency, waiting, retryAfterSeconds, busy }: { concurrency: number; waiting: number; retryAfterSeconds: number; busy: Detail }): BoundedQueue {
  const limit = pLimit(concurrency);
  return {
    run(work) {
      if (limit.activeCount + limit.pendingCount >= concurrency + waiting)
        return Promise.reject(AppError.withStatus(503, busy, { 'Retry-After': String(retryAfterSeconds) }));
      return limit(work);
    },
    get running() {
      return limit.activeCount;
    },
    get waiting() {
      return limit.pendingCount;
    },
  };
}
