import { dutchOrder } from '@tm/shared/dutch-order';

/** Case and accents do not matter when someone types a name ("fryslan" finds "Fryslân"). */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * Items whose name starts with the query (or whose code is the query) first, then names containing it, each
 * alphabetically; at most `limit`.
 */
export function matchNames<T>(items: readonly T[], query: string, name: (item: T) => string, code: (item: T) => string, limit: number): T[] {
  const q = foldName(query.trim());
  if (!q) return [];
  const starts: T[] = [];
  const contains: T[] = [];
  for (const item of items) {
    const folded = foldName(name(item));
    if (folded.startsWith(q) || code(item).toLowerCase() === q) starts.push(item);
    else if (folded.includes(q)) contains.push(item);
  }
  const byName = (a: T, b: T) => dutchOrder(name(a), name(b));
  return [...starts.sort(byName), ...contains.sort(byName)].slice(0, limit);
}
