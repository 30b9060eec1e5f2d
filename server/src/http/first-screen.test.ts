import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

const clientDist = mkdtempSync(join(tmpdir(), 'tm-first-screen-'));
writeFileSync(join(clientDist, 'index.html'), '<!doctype html><html lang="nl"><body><div id="root"></div><script type="module" src="/assets/x.js"></script></body></html>');
const { api, signIn } = useTestApp({ clientDist });

const rootOf = (html: string) => /<div id="root">(.*)<\/div><script/s.exec(html)?.[1] ?? '';

beforeAll(async () => {
  const { agent } = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
  for (const status of ['compliant', 'legacy', 'legacy'])
    await agent.post('/api/v1/municipalities/GM0546/applications').send({ name: `Applicatie ${status}`, status, inUseSince: '2020-01-01' }).expect(201);
});

describe('the first screen the server sends inside index.html', () => {
  it('when someone opens the national page, then its heading and the share of the national figures paint before the client runs', async () => {
    const res = await api().get('/').expect(200).expect('Content-Type', /html/).expect('Cache-Control', 'no-cache');
    const root = rootOf(res.text);
    expect(root).toContain('data-first-screen');
    expect(root).toContain('<h1 class="utrecht-heading-1">Landelijk beeld</h1>');
    const national = (await api().get('/api/v1/progress/national').expect(200)).body.summary;
    expect(national.compliantCount).toBe(1);
    expect(root).toContain(`${national.compliantCount} van ${national.landscapeCount} applicaties`);
  });

  it('when someone opens a municipality or its inventory, then its name and figures come first', async () => {
    const municipality = rootOf((await api().get('/gemeenten/GM0546').expect(200)).text);
    expect(municipality).toContain('<h1 class="utrecht-heading-1">Leiden</h1>');
    expect(municipality).toContain('1 van 3 applicaties');
    expect(municipality).toContain('33,3%');
    expect(rootOf((await api().get('/gemeenten/GM0546/inventaris').expect(200)).text)).toContain('Inventaris Leiden');
  });

  it('when the URL asks for other figures, names no municipality or another screen, then the page comes without a first screen', async () => {
    for (const path of ['/?measure=cost', '/gemeenten/GM9999', '/gemeenten/leiden', '/producten', '/beheer'])
      expect(rootOf((await api().get(path).expect(200)).text), path).toBe('');
  });
});
