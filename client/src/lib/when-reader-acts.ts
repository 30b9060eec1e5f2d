import { whenIdle } from './when-idle.ts';

const FIRST_ACTS = ['scroll', 'pointerdown', 'keydown'] as const;

/**
 * Runs `task` once, at the reader's first scroll, tap or key press, or when the browser is idle a while after the
 * page started (`afterMs`): work the first screen does not need stays out of a phone's first seconds, where each long
 * task delays the page's answer to the reader, yet is done before the reader is likely to want it. Returns how to
 * call it off.
 */
export function whenReaderActs(task: () => void, afterMs = 5000): () => void {
  let cancelIdle: (() => void) | undefined;
  const run = () => {
    stop();
    task();
  };
  const timer = window.setTimeout(() => (cancelIdle = whenIdle(run)), afterMs);
  function stop() {
    window.clearTimeout(timer);
    cancelIdle?.();
    for (const type of FIRST_ACTS) window.removeEventListener(type, run, { capture: true });
  }
  for (const type of FIRST_ACTS) window.addEventListener(type, run, { capture: true, passive: true });
  return stop;
}
