import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type SignedIn } from '../../test/harness.ts';

const { api, signIn } = useTestApp();
let admin: SignedIn;
let viewer: SignedIn;
beforeAll(async () => {
  admin = await signIn({ role: 'admin' });
  viewer = await signIn({ role: 'viewer' });
});

type Ask = (language?: string) => supertest.Test;

/** The same request without `Accept-Language` and with English asked for. */
async function inBothLanguages(ask: Ask) {
  const dutch = await ask();
  const english = await ask('en');
  for (const [res, language] of [[dutch, 'nl'], [english, 'en']] as const) {
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.headers['content-language']).toBe(language);
    expect(res.headers.vary).toMatch(/Accept-Language/);
  }
  expect(english.status).toBe(dutch.status);
  expect(english.body.code).toBe(dutch.body.code);
  return { dutch: dutch.body, english: english.body };
}

const withLanguage = (test: supertest.Test, language?: string) => (language ? test.set('Accept-Language', language) : test);

describe('problem documents in the caller’s language', () => {
  it('when a form is sent with invalid fields, then every field is named in Dutch by default and in English on request, with the same codes', async () => {
    const { dutch, english } = await inBothLanguages((language) =>
      withLanguage(admin.agent.put('/api/v1/settings'), language).send({ programmeStart: '2021-13-01', annualRate: 0, colour: 'red' }),
    );
    expect(dutch).toMatchObject({ status: 400, title: 'Ongeldig verzoek', code: 'validation.invalidFields', detail: '3 velden zijn ongeldig.' });
    expect(english).toMatchObject({ status: 400, title: 'Invalid request', code: 'validation.invalidFields', detail: '3 fields are invalid.' });
    expect(dutch.errors).toEqual([
      { path: 'programmeStart', code: 'validation.invalidDate', message: 'Vul een datum in als JJJJ-MM-DD.' },
      { path: 'annualRate', code: 'validation.greaterThan', message: 'Vul een waarde groter dan 0 in.' },
      { path: 'colour', code: 'validation.unknownField', message: 'Onbekend veld.' },
    ]);
    expect(english.errors).toEqual([
      { path: 'programmeStart', code: 'validation.invalidDate', message: 'Enter a date as YYYY-MM-DD.' },
      { path: 'annualRate', code: 'validation.greaterThan', message: 'Enter a value greater than 0.' },
      { path: 'colour', code: 'validation.unknownField', message: 'Unknown field.' },
    ]);
  });

  it('when a query value is not one of the choices, then the message lists them in the language asked for', async () => {
    const { dutch, english } = await inBothLanguages((language) => withLanguage(api().get('/api/v1/municipalities?province=Atlantis'), language));
    expect(dutch.errors).toEqual([{ path: 'province', code: 'validation.invalidChoice', message: expect.stringMatching(/^Kies een van de mogelijkheden: .+ of .+\.$/) }]);
    expect(english.errors).toEqual([{ path: 'province', code: 'validation.invalidChoice', message: expect.stringMatching(/^Choose one of the options: .+, or .+\.$/) }]);
  });

  it.each<[string, number, string, (language?: string) => supertest.Test, string, string]>([
    ['no resource', 404, 'http.notFound', (l) => withLanguage(api().get('/api/v1/nergens'), l), 'Op /nergens is niets te vinden.', 'No resource at /nergens.'],
    ['an unknown municipality', 404, 'municipalities.notFound', (l) => withLanguage(api().get('/api/v1/municipalities/GM9999'), l), 'Er is geen gemeente met code GM9999.', 'There is no municipality with code GM9999.'],
    ['a body that is not JSON', 415, 'http.jsonOnly', (l) => withLanguage(api().put('/api/v1/settings'), l).set('Content-Type', 'text/plain').send('rate=1'), 'Stuur de inhoud als application/json.', 'Send the body as application/json.'],
    ['broken JSON', 400, 'http.invalidJson', (l) => withLanguage(api().put('/api/v1/settings'), l).set('Content-Type', 'application/json').send('{"annualRate":'), 'De inhoud van het verzoek is geen geldige JSON.', 'The request body is not valid JSON.'],
    ['a body over 1 MB', 413, 'http.bodyTooLarge', (l) => withLanguage(api().put('/api/v1/settings'), l).set('Content-Type', 'application/json').send(JSON.stringify({ notes: 'x'.repeat(1_100_000) })), 'De inhoud van het verzoek is te groot.', 'The request body is too large.'],
    ['a write without logging in', 401, 'auth.notLoggedIn', (l) => withLanguage(api().put('/api/v1/settings'), l).send({}), 'Log in, of stuur een persoonlijk API-token als Authorization: Bearer.', 'Log in, or send a personal API token as Authorization: Bearer.'],
    ['an unknown API token', 401, 'auth.tokenInvalid', (l) => withLanguage(api().get('/api/v1/settings'), l).set('Authorization', 'Bearer onbekend-token-123'), 'Het API-token is onbekend, ingetrokken of verlopen.', 'The API token is unknown, revoked or expired.'],
    ['a write of the wrong role', 403, 'auth.roleRequired', (l) => withLanguage(viewer.agent.put('/api/v1/settings'), l).send({}), 'Hiervoor is de rol beheerder nodig.', 'This needs the role administrator.'],
    ['a cookie write without its CSRF token', 403, 'auth.csrfMissing', (l) => withLanguage(admin.agent.put('/api/v1/settings'), l).set('X-CSRF-Token', '').send({}), 'Stuur bij elke wijziging het csrfToken van uw sessie mee als kopregel X-CSRF-Token.', 'Send the csrfToken of your session as the X-CSRF-Token header with every write.'],
    ['an editor of another municipality', 403, 'auth.editorOf', (l) => withLanguage(admin.agent.post('/api/v1/municipalities/GM0546/applications'), l).send({ name: 'Elders' }), 'Alleen een bewerker van GM0546 mag de inventaris wijzigen.', 'Only an editor of GM0546 may change its inventory.'],
  ])('when %s, then %i with code %s in either language', async (_case, status, code, ask, dutchDetail, englishDetail) => {
    const { dutch, english } = await inBothLanguages(ask);
    expect(dutch).toMatchObject({ status, code, detail: dutchDetail });
    expect(english).toMatchObject({ status, code, detail: englishDetail });
    expect(dutch.title).not.toBe(english.title);
  });

  it.each([
    ['en-GB,en;q=0.9', 'en'],
    ['EN', 'en'],
    ['nl-BE', 'nl'],
    ['en;q=0.2, nl;q=0.8', 'nl'],
    ['fr, de;q=0.5', 'nl'],
    ['*', 'nl'],
    ['nl;q=0, en', 'en'],
    [';;;q=x,', 'nl'],
  ])('when Accept-Language is %j, then the answer is in %s', async (header, language) => {
    const res = await api().get('/api/v1/municipalities/GM9999').set('Accept-Language', header).expect(404);
    expect(res.headers['content-language']).toBe(language);
  });

  it('when the headers are too large to be read at all, then the answer is in Dutch, with its code', async () => {
    const res = await api().get('/api/v1/health').set('Accept-Language', 'en').set('X-Padding', 'x'.repeat(20_000));
    expect(res.status).toBe(431);
    expect(res.headers['content-language']).toBe('nl');
    expect(JSON.parse(res.text)).toMatchObject({ title: 'Kopregels te groot', code: 'http.headersTooLarge' });
  });
});
