import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, launch, loggedInPage, logInApi, newPage, screenshot } from '../support/browser.ts';

const CODE = 'GM0546';

describe('a municipality reads its dashboard by count or cost, as known at a date', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    for (const [name, status, annualCost] of [['Kostbaar zaaksysteem', 'legacy', 90000], ['Zuinig portaal', 'compliant', 10000]] as const) {
      const made = await api(`/municipalities/${CODE}/applications`, {
        method: 'POST',
        session,
        body: { name: `${name} ${Date.now().toString(36)}`, status, annualCost, layer: 'process', inUseSince: '2020-01-01' },
      });
      expect(made.status).toBe(201);
    }
    // In the inventory but outside the landscape: one not yet in use, one retired. And a replacement planned this year:
    // the plan runs from this year to Leiden's deadline, which depends on what the journeys before this one added, so
    // only this year is sure to be drawn.
    for (const body of [
      { name: 'Nieuw zaaksysteem', status: 'compliant', lifecycle: 'planned' },
      { name: 'Oud archief', status: 'legacy', lifecycle: 'phased_out', inUseSince: '2019-01-01' },
      { name: 'Te vervangen portaal', status: 'legacy', layer: 'interaction', plannedReplacementYear: new Date().getFullYear(), inUseSince: '2020-01-01' },
    ]) {
      const made = await api(`/municipalities/${CODE}/applications`, { method: 'POST', session, body: { ...body, name: `${body.name} ${Date.now().toString(36)}` } });
      expect(made.status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when they switch to cost and pick a past "stand per" date, then the address keeps both and the figures follow', async () => {
    const page = await newPage(browser);
    await page.goto(`/gemeenten/${CODE}`);
    const kpis = page.getByRole('list', { name: 'Aandeel Common Ground' });
    await kpis.waitFor();
    expect(await kpis.textContent()).toMatch(/\d+ van \d+ applicaties/);

    // The inventory's count and the landscape's are told apart, and they add up.
    const landscape = Number((await kpis.textContent())!.match(/\d+ van ([\d.]+) applicaties/)![1]!.replace('.', ''));
    const note = (await page.getByText(/applicaties in de inventaris tellen er/).textContent())!;
    const [, total, counted, planned, retired] = note.match(
      /Van de ([\d.]+) applicaties in de inventaris tellen er ([\d.]+) mee.*Niet in het landschap: ([\d.]+) gepland \(nog niet in gebruik\) en ([\d.]+) uitgefaseerd\./,
    )!.map((n) => Number(n.replace('.', '')));
    expect(counted).toBe(landscape);
    expect(total).toBe(counted! + planned! + retired!);

    // Target and status explained: the own start, the own deadline, each status word.
    await page.getByText('Hoe werken doel en status?').click();
    const explanation = page.locator('details', { hasText: 'Hoe werken doel en status?' });
    expect(await explanation.textContent()).toMatch(/Het doel van Leiden begint bij haar eigen aandeel bij de start van het programma \([\d,]+% op 1 januari 2021\).*100% op \d+ \w+ \d{4}/);
    expect(await explanation.textContent()).toContain('Op schema: het aandeel ligt minder dan 5 procentpunt boven of onder het doel.');
    // The required pace is said once, with the date it aims at; once that date has passed (Leiden's start share, and
    // so its deadline, depends on what the journeys before this one added), what is left to do instead.
    expect(await kpis.getByText(/procentpunt per jaar om op .* 100% te halen|^het doel was 100% op .*; nog [\d,]+ procentpunt te gaan$/).count()).toBe(1);

    // The plan's legend shows the colours its bars have, and the "Nodig" dots are drawn whole.
    const plan = page.getByRole('img', { name: 'Plan tegenover wat nodig is, per jaar' });
    await plan.scrollIntoViewIfNeeded();
    await plan.locator('.recharts-bar-rectangle path').first().waitFor();
    const barColours = new Set(await plan.locator('.recharts-bar-rectangle path').evaluateAll((bars) => bars.map((b) => getComputedStyle(b).fill)));
    const swatchColours = new Set(await plan.locator('.tm-legend__swatch').evaluateAll((s) => s.map((e) => getComputedStyle(e).backgroundColor)));
    expect(swatchColours).toEqual(barColours);
    const dashes = await plan.locator('.recharts-line-dots circle').evaluateAll((dots) => dots.map((d) => getComputedStyle(d).strokeDasharray));
    expect(dashes.length).toBeGreaterThan(0);
    expect(new Set(dashes)).toEqual(new Set(['none']));

    // The "vandaag" marker's label lies wholly inside the drawing, not cut off at its edge.
    const figure = page.getByRole('img', { name: 'Aandeel Common Ground tegen het doel' });
    await figure.scrollIntoViewIfNeeded();
    const chart = figure.getByRole('application');
    const label = chart.locator('text', { hasText: 'vandaag' });
    await label.waitFor();
    const [box, frame] = await Promise.all([label.boundingBox(), chart.boundingBox()]);
    expect(box!.x).toBeGreaterThanOrEqual(frame!.x);
    expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
    expect(box!.y).toBeGreaterThanOrEqual(frame!.y);

    await page.getByLabel('Maatstaf').selectOption({ label: 'Jaarlijkse kosten' });
    await expect.poll(() => new URL(page.url()).searchParams.get('maatstaf')).toBe('kosten');
    await kpis.filter({ hasText: /van €\s[\d.]+ aan jaarlijkse kosten/ }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Stand per').fill('2025-01-01');
    await expect.poll(() => new URL(page.url()).searchParams.get('stand')).toBe('2025-01-01');
    // Nothing of this landscape had been recorded yet on that date.
    await page.getByText('Nog geen applicaties voor deze gemeente.').waitFor();
    await page.reload();
    expect(await page.getByLabel('Maatstaf').inputValue()).toBe('cost');
    expect(await page.getByLabel('Stand per').inputValue()).toBe('2025-01-01');
    await page.getByText('Nog geen applicaties voor deze gemeente.').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Stand per').fill('');
    await expect.poll(() => new URL(page.url()).searchParams.has('stand')).toBe(false);
    await kpis.filter({ hasText: /aan jaarlijkse kosten/ }).waitFor();
  });
});

/** A receiver of webhooks on this machine, as a municipality's architecture repository would run one. */
async function webhookReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Standard Webhooks, written here from the specification: HMAC-SHA256 of "id.timestamp.body" under the secret's key. */
function signatureOf(secret: string, headers: IncomingHttpHeaders, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest('base64')}`;
}

describe('an editor keeps Leiden current and lets its own systems hear of it', () => {
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  beforeAll(async () => {
    browser = await launch();
    receiver = await webhookReceiver();
    // The receiver runs on this machine: an admin allows the loopback network, as our tests may.
    const admin = await logInApi(E2E_ACCOUNTS.admin.email);
    expect((await api('/subscription-settings', { method: 'PUT', session: admin, body: { allowedPrivateNetworks: ['127.0.0.0/8'] } })).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
  });

  it('when the CIO subscribes a receiver and attests the inventory, then the secret shows once, the page says "Bevestigd op … door …" and the receiver gets the signed event', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    await page.getByLabel('Adres (URL)').fill(receiver.url);
    await page.getByLabel('Inventaris bevestigd').check();
    await page.getByRole('button', { name: 'Melding aanmaken' }).click();
    await page.getByRole('heading', { name: 'Melding aangemaakt: bewaar het geheim' }).waitFor();
    const secret = (await page.getByLabel('Geheim').textContent())!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await page.getByRole('button', { name: 'Kopieer geheim' }).click();
    await page.getByText('Het geheim staat op het klembord.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const mine = page.getByRole('listitem', { name: receiver.url });
    await mine.getByText('Nog geen afleveringen.').waitFor();
    expect(await mine.textContent()).toContain('Inventaris bevestigd');
    await screenshot(page, 'subscriptions-secret');
    await expectAccessible(page);

    // Shown once: after a reload the subscription is there, its secret is not.
    await page.reload();
    await mine.waitFor();
    expect(await page.getByLabel('Geheim').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    await page.goto(`/gemeenten/${CODE}`);
    await page.getByRole('button', { name: 'Bevestig inventaris' }).click();
    const dialog = page.getByRole('dialog', { name: 'Inventaris van Leiden bevestigen' });
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText(/^De inventaris van Leiden is bevestigd op \d+ \w+ \d{4}\.$/).waitFor();
    const today = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
    // In words beside the icon, never colour alone: current, when, by whom, until when.
    const attested = new RegExp(`Actueel · Bevestigd op ${today} door ${E2E_ACCOUNTS.editor.email}; actueel tot \\d+ \\w+ \\d{4}\\.$`);
    await page.getByText(attested).waitFor();
    await screenshot(page, 'municipality-attested');
    await expectAccessible(page);
    // The inventory page says the same under its heading.
    await page.getByRole('link', { name: 'Inventaris', exact: true }).click();
    await page.getByText(attested).waitFor();

    // The receiver got the attestation, signed with the secret the page showed once.
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const [delivery] = receiver.received;
    expect(delivery!.headers['content-type']).toContain('application/cloudevents+json');
    expect(delivery!.headers['webhook-signature']).toBe(signatureOf(secret, delivery!.headers, delivery!.body));
    expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'nl.transitiemonitor.attestation.created', municipalitycode: CODE, data: { actor: { name: E2E_ACCOUNTS.editor.email } } });

    // And the delivery log says so, in either language.
    await page.goto('/meldingen');
    await mine.getByRole('table').getByText('Afgeleverd').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await mine.getByRole('table').getByText('Delivered').waitFor();
    await screenshot(page, 'subscriptions-deliveries-en');
    await expectAccessible(page);

    // The reminder mails link to the user's own settings, where they can be turned off.
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My settings' }).click();
    await page.getByLabel('Reminders to confirm the inventory').uncheck();
    await page.getByLabel('Language of the e-mails').selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: reminders off; language of the e-mails: English.').waitFor();
    await screenshot(page, 'my-settings-en');
    await expectAccessible(page);
    const editor = await logInApi(E2E_ACCOUNTS.editor.email);
    expect((await api('/users/current/notification-preferences', { session: editor })).body).toEqual({ reminders: false, language: 'en' });
  });
});
