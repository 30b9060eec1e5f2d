/**
 * How much of the server one kind of request may take (from the configuration). Figures "as known at" an earlier
 * moment are computed from the raw history, seconds of database time each, and every distinct moment is a new
 * computation: they are the one read a caller can make expensive at will.
 */
export type LoadLimits = {
  /** Figures from the history computed at the same time, each on one database connection. */
  historyReadsAtOnce: number;
  /** More that may wait for a place; beyond that a read is refused with 503 and Retry-After. */
  historyReadsWaiting: number;
  /** The statement timeout of such a computation. */
  historyReadSeconds: number;
  /** Figures from the history an anonymous client (one address) may ask per minute. */
  anonymousHistoryReadsPerMinute: number;
};

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  historyReadsAtOnce: 2,
  historyReadsWaiting: 8,
  historyReadSeconds: 15,
  anonymousHistoryReadsPerMinute: 20,
};
