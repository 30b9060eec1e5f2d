import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Every message a caller can receive is a key of the catalogue (shared/src/messages), answered in the caller's
 * language (issue 16). The sweep has reached every module, so the whole server is checked, new modules included.
 */
const SOURCE = new URL('../', import.meta.url);

/** Files that may write sentences: the error type's own constructors, and the operator's configuration errors, which go to the log at startup and never to a caller. */
const EXEMPT = new Set(['http/app-error.ts', 'config.ts']);

/** An error or field message written as a sentence instead of `message('key', …)`. */
const PLAIN = /AppError\.\w+\(\s*['"`]|new AppError\(|\bmessage: ['"`]/;

describe('messages of the server', () => {
  it('when any module raises an error, then its words come from the catalogue, not a literal', () => {
    const plain = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' })
      .map((file) => file.split('\\').join('/'))
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !EXEMPT.has(file))
      .flatMap((file) =>
        readFileSync(new URL(file, SOURCE), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
          .filter(({ line }) => PLAIN.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(plain).toEqual([]);
  });

  it('when the check runs, then it reads the modules, so that it cannot pass by reading nothing', () => {
    const files = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).map((file) => file.split('\\').join('/'));
    expect(files).toEqual(expect.arrayContaining(['modules/mergers/mergers.service.ts', 'modules/catalogue/aliases.service.ts', 'http/authorize.ts']));
  });
});
