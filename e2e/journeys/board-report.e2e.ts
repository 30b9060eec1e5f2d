import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, launch, logInApi, newPage, screenshot } from '../support/browser.ts';

/** Clicks the page's "Rapport (PDF)" and reads the file the browser saved, as a person opening it would. */
async function downloadReport(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Rapport (PDF)' }).click()]);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return { name: download.suggestedFilename(), text: text.replace(/\s+/g, ' ') };
}

describe('the board takes the national picture into a meeting', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    for (const [name, status] of [['Rapportportaal', 'compliant'], ['Rapportzaken', 'legacy']] as const) {
      const made = await api('/municipalities/GM0546/applications', { method: 'POST', session, body: { name, status, inUseSince: '2020-01-01' } });
      expect(made.status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when the board downloads the report beside "stand per", then the PDF holds the share the page shows, dated', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    const share = page.getByRole('list', { name: 'Landelijk beeld' }).getByRole('listitem').first();
    await share.waitFor();
    const shown = (await share.textContent())!.match(/\d+,\d%/)![0];
    await page.getByLabel('Stand per').waitFor();
    await screenshot(page, 'national-report-button');
    await expectAccessible(page);

    const national = await downloadReport(page);
    expect(national.name).toMatch(/^transitiemonitor-landelijk-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(national.text).toContain('Landelijk beeld');
    expect(national.text).toContain(shown);
    expect(national.text).toMatch(/Stand per \d+ \w+ \d{4}/);

    const leiden = await newPage(browser, { locale: 'nl-NL' });
    await leiden.goto('/gemeenten/GM0546');
    await leiden.getByRole('heading', { level: 1, name: 'Leiden' }).waitFor();
    const municipal = await downloadReport(leiden);
    expect(municipal.name).toMatch(/^transitiemonitor-GM0546-/);
    expect(municipal.text).toContain('Leiden');
    expect(municipal.text).toMatch(/Deze inventaris is nog nooit bevestigd|Bevestigd op \d+ \w+ \d{4}/);
  });
});
