import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, E2E_PASSWORD, expectAccessible, launch, loggedInPage, newPage, screenshot } from '../support/browser.ts';

const CODE = 'GM0546';
const HEADERS = ['Naam', 'Leverancier', 'Laag', 'Status', 'Gebruiksstatus', 'Jaarlijkse kosten'];

/** What a CIO's Dutch Excel saves as CSV: semicolons, a byte-order mark, Dutch numbers. */
function dutchCsv(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${[HEADERS, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
}

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Applicaties');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The share KPI's base on the dashboard, "12 van 40 applicaties"; a municipality without applications has none yet. */
async function shareBase(page: Page): Promise<{ compliant: number; landscape: number }> {
  const kpis = page.getByRole('list', { name: 'Aandeel Common Ground' });
  const empty = page.getByText('Nog geen applicaties voor deze gemeente.');
  await kpis.or(empty).waitFor();
  if (await empty.isVisible()) return { compliant: 0, landscape: 0 };
  const match = /(\d+) van (\d+) applicaties/.exec((await kpis.textContent()) ?? '');
  expect(match, 'the share KPI names its base').not.toBeNull();
  return { compliant: Number(match![1]), landscape: Number(match![2]) };
}

describe('a CIO imports a spreadsheet into the inventory', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when the first file has an error, then the report names its row and column; the corrected file imports and the dashboard moves', async () => {
    const suffix = Date.now().toString(36);
    const portal = `Importportaal ${suffix}`;
    const zaken = `Importzaken ${suffix}`;
    const page = await newPage(browser);

    await page.goto(`/inloggen?terug=${encodeURIComponent(`/gemeenten/${CODE}`)}`);
    await page.getByLabel('E-mailadres').fill(E2E_ACCOUNTS.editor.email);
    await page.getByLabel('Wachtwoord').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leiden' }).waitFor();
    const before = await shareBase(page);

    await page.getByRole('link', { name: 'Inventaris', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Inventaris Leiden' }).waitFor();
    await page.getByRole('link', { name: 'Download als CSV' }).waitFor();
    expect(await page.getByRole('link', { name: 'Download als Excel (XLSX)' }).getAttribute('href')).toBe(`/api/v1/municipalities/${CODE}/applications?format=xlsx`);
    await page.getByRole('button', { name: 'Spreadsheet importeren' }).click();
    const wizard = page.getByRole('region', { name: 'Spreadsheet importeren' });
    const step1 = wizard.getByRole('heading', { name: 'Stap 1 van 3: kies een bestand' });
    await step1.waitFor();
    expect(await step1.evaluate((h) => h === document.activeElement)).toBe(true);
    await expectAccessible(page);

    await wizard.getByLabel('Bestand').setInputFiles({
      name: 'inventaris-leiden.csv',
      mimeType: 'text/csv',
      buffer: dutchCsv([
        [portal, 'Leverancier Import', 'Interactie', 'Common Ground', 'In productie', '1.234,50'],
        [zaken, 'Leverancier Import', 'Proces', 'Misschien', 'In productie', '2.000'],
      ]),
    });
    await wizard.getByRole('button', { name: 'Controleren' }).click();
    await wizard.getByRole('heading', { name: 'Stap 2 van 3: controleer wat er verandert' }).waitFor();
    await wizard.getByRole('status').filter({ hasText: 'Controle klaar: 1 fout gevonden.' }).waitFor();
    const errors = wizard.getByRole('table', { name: /Fouten per rij/ });
    const errorRow = errors.getByRole('row').filter({ hasText: 'Misschien' });
    expect(await errorRow.getByRole('rowheader').textContent()).toBe('3');
    expect(await errorRow.getByRole('cell').first().textContent()).toBe('Status');
    // In the interface's language, the server's own words included.
    expect(await errorRow.getByRole('cell').last().textContent()).toBe('Onbekende waarde "Misschien"; kies Legacy, In transitie of Common Ground.');
    // The valid row is previewed; the bad one is not counted as "zonder status".
    const preview = wizard.getByRole('table', { name: /voor → na/ });
    expect(await preview.getByRole('row').filter({ hasText: portal }).textContent()).toContain('Status: Common Ground');
    expect(await wizard.getByLabel('Uitkomst van de controle').textContent()).not.toContain('Zonder status');
    expect(await wizard.getByRole('radio', { name: /Alles of niets/ }).isChecked()).toBe(true);
    expect(await wizard.getByRole('button', { name: 'Importeren' }).isDisabled()).toBe(true);
    await screenshot(page, 'import-report-errors');
    await expectAccessible(page, wizard);

    await wizard.getByRole('button', { name: 'Ander bestand kiezen' }).click();
    await step1.waitFor();
    await wizard.getByLabel('Bestand').setInputFiles({
      name: 'inventaris-leiden.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook([
        [portal, 'Leverancier Import', 'Interactie', 'Common Ground', 'In productie', 1234.5],
        [zaken, 'Leverancier Import', 'Proces', 'Legacy', 'In productie', 2000],
      ]),
    });
    await wizard.getByRole('button', { name: 'Controleren' }).click();
    await wizard.getByRole('status').filter({ hasText: 'Controle klaar: 0 fouten gevonden.' }).waitFor();
    const counts = wizard.getByLabel('Uitkomst van de controle');
    expect(await counts.textContent()).toContain('Nieuw toe te voegen2');
    expect(await wizard.getByRole('table', { name: /Fouten per rij/ }).count()).toBe(0);
    expect(await wizard.getByRole('table', { name: /voor → na/ }).getByRole('row').count()).toBe(3);
    await expectAccessible(page, wizard);

    await wizard.getByRole('button', { name: 'Importeren' }).click();
    const step3 = wizard.getByRole('heading', { name: 'Stap 3 van 3: geïmporteerd' });
    await step3.waitFor();
    expect(await step3.evaluate((h) => h === document.activeElement)).toBe(true);
    await wizard.getByRole('status').filter({ hasText: 'Import klaar.' }).waitFor();
    expect(await wizard.getByLabel('Uitkomst van de controle').textContent()).toContain('Toegevoegd2');
    await screenshot(page, 'import-done');
    await expectAccessible(page, wizard);

    // The table below refreshed on its own: both new applications are in the inventory.
    await page.getByLabel('Zoek op naam, leverancier of product').fill(suffix);
    await page.getByRole('button', { name: portal }).waitFor();
    await page.getByRole('button', { name: zaken }).waitFor();
    expect(await page.getByRole('combobox', { name: `Status van ${portal}` }).inputValue()).toBe('compliant');

    await wizard.getByRole('link', { name: 'Bekijk de voortgang van Leiden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Leiden' }).waitFor();
    await expect.poll(() => shareBase(page)).toEqual({ compliant: before.compliant + 1, landscape: before.landscape + 2 });
  });

  it('when the inventory is downloaded as ArchiMate and an edited copy comes back, then a wrong element is named and the rest reads as unchanged', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.goto(`/gemeenten/${CODE}/inventaris`);
    const link = page.getByRole('link', { name: 'Download als ArchiMate (AMEFF)' });
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(`/api/v1/municipalities/${CODE}/applications?format=archimate`);
    const download = await page.request.get(href);
    expect(download.headers()['content-type']).toBe('application/xml; charset=utf-8');
    const model = await download.text();
    const applications = (model.match(/<element identifier="app-/g) ?? []).length;
    // The first application's status made unreadable, as an architect's typing mistake in Archi would.
    const first = /<element identifier="(app-[^"]+)"/.exec(model)![1]!;
    const statusValue = new RegExp(`(<element identifier="${first}"[\\s\\S]*?propertyDefinitionRef="propid-status">\\s*<value xml:lang="nl">)[^<]*`);
    const broken = model.replace(statusValue, '$1Misschien');

    await page.getByRole('button', { name: 'Spreadsheet importeren' }).click();
    const wizard = page.getByRole('region', { name: 'Spreadsheet importeren' });
    await wizard.getByLabel('Bestand').setInputFiles({ name: 'leiden.xml', mimeType: 'application/xml', buffer: Buffer.from(broken, 'utf8') });
    await wizard.getByRole('button', { name: 'Controleren' }).click();
    await wizard.getByRole('status').filter({ hasText: 'Controle klaar: 1 fout gevonden.' }).waitFor();
    const errorRow = wizard.getByRole('table', { name: /Fouten per element/ }).getByRole('row').filter({ hasText: 'Misschien' });
    expect(await errorRow.getByRole('rowheader').textContent()).toBe(first);
    expect(await errorRow.getByRole('cell').first().textContent()).toBe('Status');
    await expectAccessible(page, wizard);

    await wizard.getByRole('button', { name: 'Ander bestand kiezen' }).click();
    await wizard.getByLabel('Bestand').setInputFiles({ name: 'leiden.xml', mimeType: 'application/xml', buffer: Buffer.from(model, 'utf8') });
    await wizard.getByRole('button', { name: 'Controleren' }).click();
    await wizard.getByRole('status').filter({ hasText: 'Controle klaar: 0 fouten gevonden.' }).waitFor();
    expect(await wizard.getByLabel('Uitkomst van de controle').textContent()).toContain(`Ongewijzigd${applications}`);
    expect(await wizard.getByText('Dit bestand verandert niets aan de inventaris.').count()).toBe(1);
  });

  it('when a file changes an application, then the preview shows before → after, and the import can be undone as one step', async () => {
    const suffix = Date.now().toString(36);
    const name = `Ongedaan ${suffix}`;
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.goto(`/gemeenten/${CODE}/inventaris`);
    await page.getByRole('button', { name: 'Spreadsheet importeren' }).click();
    const wizard = page.getByRole('region', { name: 'Spreadsheet importeren' });
    const importFile = async (status: string, cost: string) => {
      await wizard.getByLabel('Bestand').setInputFiles({ name: 'wijziging.csv', mimeType: 'text/csv', buffer: dutchCsv([[name, 'Leverancier Undo', 'Proces', status, 'In productie', cost]]) });
      await wizard.getByRole('button', { name: 'Controleren' }).click();
      await wizard.getByRole('status').filter({ hasText: 'Controle klaar: 0 fouten gevonden.' }).waitFor();
    };
    await importFile('Legacy', '1.000');
    await wizard.getByRole('button', { name: 'Importeren' }).click();
    await wizard.getByRole('status').filter({ hasText: 'Import klaar.' }).waitFor();
    await wizard.getByRole('button', { name: 'Nog een bestand importeren' }).click();

    await importFile('Common Ground', '1.500');
    const change = wizard.getByRole('table', { name: /voor → na/ }).getByRole('row').filter({ hasText: name });
    const fields = ((await change.textContent()) ?? '').replace(/\s/g, ' ');
    expect(fields).toContain('Gewijzigd');
    expect(fields).toContain('Status: Legacy → Common Ground');
    expect(fields).toContain('Kosten per jaar (EUR): € 1.000 → € 1.500');
    await screenshot(page, 'import-preview-before-after');
    await expectAccessible(page, wizard);
    await wizard.getByRole('button', { name: 'Importeren' }).click();
    await wizard.getByRole('status').filter({ hasText: 'Import klaar.' }).waitFor();
    await page.getByLabel('Zoek op naam, leverancier of product').fill(suffix);
    await expect.poll(() => page.getByRole('combobox', { name: `Status van ${name}` }).inputValue()).toBe('compliant');

    await wizard.getByRole('button', { name: 'Import ongedaan maken' }).click();
    await wizard.getByText('De import is ongedaan gemaakt. Nieuwe applicaties verwijderd: 0; gewijzigde teruggezet: 1.').waitFor();
    expect(await wizard.getByRole('button', { name: 'Import ongedaan maken' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('combobox', { name: `Status van ${name}` }).inputValue()).toBe('legacy');
    await screenshot(page, 'import-undone');
    await expectAccessible(page, wizard);
  });

  it('when the file is not a spreadsheet, then the wizard says so in Dutch and nothing is imported', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email, { width: 360 });
    await page.goto(`/gemeenten/${CODE}/inventaris`);
    await page.getByRole('button', { name: 'Spreadsheet importeren' }).click();
    const wizard = page.getByRole('region', { name: 'Spreadsheet importeren' });
    await wizard.getByLabel('Bestand').setInputFiles({ name: 'notulen.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n') });
    await wizard.getByRole('button', { name: 'Controleren' }).click();
    const alert = wizard.getByRole('alert');
    await alert.filter({ hasText: 'Dit soort bestand kan niet worden ingelezen.' }).waitFor();
    expect(await alert.textContent()).toContain('Dit is een PDF');
    expect(await wizard.getByRole('heading', { name: 'Stap 1 van 3: kies een bestand' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
  });
});
