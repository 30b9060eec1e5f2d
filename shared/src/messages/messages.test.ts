import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { isMessageKey, message, translate } from './messages.ts';
import { nl } from './nl.ts';

type Texts = { [key: string]: string | Texts };

function flatten(node: Texts, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  const dutch = flatten(nl as unknown as Texts);
  const english = flatten(en as unknown as Texts);

  it('when a key is in one language, then it is in the other', () => {
    expect(Object.keys(english).sort()).toEqual(Object.keys(dutch).sort());
  });

  it('when a message has parameters, then both languages fill in the same ones', () => {
    const differing = Object.keys(dutch).filter((k) => placeholders(dutch[k]!).join() !== placeholders(english[k] ?? '').join());
    expect(differing).toEqual([]);
  });

  it('when a message is empty or left untranslated, then this fails', () => {
    expect(Object.entries({ ...dutch }).filter(([, text]) => text.trim() === '')).toEqual([]);
    const same = Object.keys(dutch).filter((k) => dutch[k] === english[k] && !/^(problem\.409)$/.test(k));
    expect(same).toEqual([]);
  });

  it('when a shared schema writes its own message, then it is a key of the catalogue', () => {
    const dir = new URL('../schemas/', import.meta.url);
    const written = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((file) =>
        [...readFileSync(new URL(file, dir), 'utf8').matchAll(/\b(?:message|error):\s*(['"`])((?:(?!\1).)*)\1/g)].map((m) => `${file}: ${m[2]}`),
      );
    expect(written.length).toBeGreaterThan(10);
    // Add a new message to shared/src/messages/nl.ts and en.ts and write its key here (see TEAM.md).
    expect(written.filter((w) => !isMessageKey(w.slice(w.indexOf(': ') + 2)))).toEqual([]);
  });
});

describe('translate', () => {
  it('when a message has a count, then each language chooses its plural form', () => {
    expect(translate('nl', message('validation.invalidFields', { count: 1 }))).toBe('1 veld is ongeldig.');
    expect(translate('nl', message('validation.invalidFields', { count: 3 }))).toBe('3 velden zijn ongeldig.');
    expect(translate('en', message('validation.invalidFields', { count: 3 }))).toBe('3 fields are invalid.');
  });

  it('when a parameter is a list of messages, then each is translated and the list written as the language does', () => {
    const roles = message('auth.roleRequired', { roles: [message('roles.board'), message('roles.admin')] });
    expect(translate('nl', roles)).toBe('Hiervoor is de rol programmabestuur of beheerder nodig.');
    expect(translate('en', roles)).toBe('This needs the role programme board or administrator.');
  });

  it('when a parameter holds text that looks like markup or a nested key, then it is written as given', () => {
    const path = '/x/{{path}}/$t(http.internal)/<b>';
    expect(translate('en', message('http.notFound', { path }))).toBe(`No resource at ${path}.`);
  });
});
