/**
 * Resolves in a task of its own, after the browser has had the chance to paint and to answer input. A page's start
 * is a row of such steps: each long task counts against it whole, two shorter ones much less.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
