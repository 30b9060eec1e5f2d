import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

/** Charts draw without animation for people who asked their system for less motion. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const media = globalThis.matchMedia?.(QUERY);
      media?.addEventListener('change', notify);
      return () => media?.removeEventListener('change', notify);
    },
    () => globalThis.matchMedia?.(QUERY).matches ?? true,
    () => true,
  );
}
