/** The first retry comes within 10 s (PRODUCT §11); later ones each three times further off, at most two hours apart. */
const FIRST_MS = 5_000;
const FACTOR = 3;
const MAX_MS = 2 * 60 * 60 * 1000;

/** Retries go on for a day; then the subscription is disabled and its owner told. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * How long to wait after the n-th failed attempt of an event (n from 1): exponential, with "equal jitter" (half
 * fixed, half random) so that receivers coming back are not hit by every server at the same moment.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, FIRST_MS * FACTOR ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
