import { AppError, type Detail } from './app-error.ts';

export type OneAtATime = {
  /** Runs `work` unless work for the same key is still running here; then 429 with Retry-After at once. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
};

/**
 * One piece of work per key (an account, say) at a time on this server, held until the work itself ends, not the
 * request: a caller who gives up waiting and asks again does not get a second one going beside the first.
 */
export function oneAtATime(busy: Detail): OneAtATime {
  const running = new Set<string>();
  return {
    async run(key, work) {
      if (running.has(key)) throw AppError.withStatus(429, busy, { 'Retry-After': '5' });
      running.add(key);
      try {
        return await work();
      } finally {
        running.delete(key);
      }
    },
  };
}
