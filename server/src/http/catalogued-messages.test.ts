import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The modules whose every message is a key of the catalogue (shared/src/messages), answered in the caller's
 * language. Add a module here once its messages are swept; a plain sentence creeping back in then fails.
 */
const SWEPT = ['imports', 'inventory', 'peers', 'events', 'accounts', 'catalogue', 'subscriptions', 'reports', 'archimate', 'mergers', 'municipalities'];

/** An error or field message written as a sentence instead of `message('key', …)`. */
const PLAIN = /AppError\.\w+\(\s*['"`]|new AppError\(|\bmessage: ['"`]/;

describe('messages in the swept modules', () => {
  it('when a swept module raises an error, then its words come from the catalogue, not a literal', () => {
    const plain = SWEPT.flatMap((module) => {
      const dir = new URL(`../modules/${module}/`, import.meta.url);
      return readdirSync(dir)
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .flatMap((file) =>
          readFileSync(new URL(file, dir), 'utf8')
            .split('\n')
            .map((line, i) => ({ line, at: `${module}/${file}:${i + 1}` }))
            .filter(({ line }) => PLAIN.test(line))
            .map(({ at, line }) => `${at}: ${line.trim()}`),
        );
    });
    expect(plain).toEqual([]);
  });
});
