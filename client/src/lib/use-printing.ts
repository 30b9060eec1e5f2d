import { useSyncExternalStore } from 'react';

/**
 * Whether the page is being printed: from `beforeprint` to `afterprint`, or while the print media query matches (print
 * preview, emulation). A printout is never scrolled, so whatever draws only on approach must draw then. React renders a
 * store's change synchronously (in the microtask after the event), before the browser lays the page out for print.
 */
let printRequested = false;
const listeners = new Set<() => void>();
const printQuery = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;

function notify() {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => {
    printRequested = true;
    notify();
  });
  window.addEventListener('afterprint', () => {
    printRequested = false;
    notify();
  });
  printQuery?.addEventListener('change', notify);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const isPrinting = () => printRequested || (printQuery?.matches ?? false);

export function usePrinting(): boolean {
  return useSyncExternalStore(subscribe, isPrinting, () => false);
}
