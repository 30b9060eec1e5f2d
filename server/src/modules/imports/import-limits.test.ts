import { describe, expect, it } from 'vitest';
import { csv, xlsxRowBomb } from '../../../test/spreadsheets.ts';
import { useTestApp } from '../../../test/harness.ts';

const { signIn } = useTestApp();

describe('what an import may cost', () => {
  it('when a row bomb is uploaded, then a 413 problem document says why and the next import is read', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const res = await editor.agent.post('/api/v1/municipalities/GM0546/imports?mode=dry-run').attach('file', await xlsxRowBomb(100_000), 'inventaris.xlsx').expect(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, title: 'Te groot', code: 'imports.tooManyRows', detail: 'Het bestand heeft meer dan 20.000 rijen; importeer er ten hoogste zoveel tegelijk.' });
    const good = await editor.agent.post('/api/v1/municipalities/GM0546/imports?mode=dry-run')
      .attach('file', Buffer.from(csv([['Naam'], ['Zaaksysteem']])), 'inventaris.csv').expect(200);
    expect(good.body.created).toBe(1);
  });

  it('when one account sends a second import while its first is still running, then 429 with Retry-After; another account is not held up', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const colleague = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    const big = Buffer.from(csv([['Naam', 'Leverancier'], ...Array.from({ length: 8_000 }, (_, i) => [`Toepassing ${i}`, `Leverancier ${i % 40}`])]));
    const small = Buffer.from(csv([['Naam'], ['Eén']]));
    const send = (agent: typeof editor.agent, file: Buffer) => agent.post('/api/v1/municipalities/GM0546/imports?mode=dry-run').attach('file', file, 'inventaris.csv');
    // Both the same size, so that whichever arrives first is still running when the other arrives.
    const [first, second, other] = await Promise.all([send(editor.agent, big), send(editor.agent, big), send(colleague.agent, small)]);
    const mine = [first, second].map((r) => r.status).sort();
    expect(mine).toEqual([200, 429]);
    const refused = [first, second].find((r) => r.status === 429)!;
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body.detail).toMatch(/vorige import wordt nog gelezen/);
    expect(other.status).toBe(200);
    // Once the first has answered, the account may import again.
    await send(editor.agent, small).expect(200);
  });
});
