import type { Application } from '@tm/shared/schemas/application';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, E2E_PASSWORD, api, expectAccessible, launch, loggedInPage, logInApi, newPage, screenshot } from '../support/browser.ts';

const CODE = 'GM0546';

describe('a CIO keeps the inventory current', () => {
  let browser: Browser;
  let zaaksysteem: Application;
  beforeAll(async () => {
    browser = await launch();
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    const suffix = Date.now().toString(36);
    const made = await api<Application>(`/municipalities/${CODE}/applications`, {
      method: 'POST',
      session,
      body: {
        name: `Zaaksysteem ${suffix}`, vendor: 'Leverancier A', layer: 'process', status: 'legacy',
        plannedReplacementYear: 2027, annualCost: 12000, inUseSince: '2019-01-01',
      },
    });
    expect(made.status).toBe(201);
    zaaksysteem = made.body;
    await api(`/municipalities/${CODE}/applications`, { method: 'POST', session, body: { name: `Burgerzaken ${suffix}`, vendor: 'Leverancier B', status: 'compliant' } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when they log in and change a status in the table, then it asks since when, saves it and the history shows it', async () => {
    const page = await newPage(browser);
    await page.goto(`/gemeenten/${CODE}/inventaris?q=${encodeURIComponent(zaaksysteem.name)}`);
    await page.getByRole('link', { name: 'Log in om de inventaris te zien.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('E-mailadres').fill(E2E_ACCOUNTS.editor.email);
    await page.getByLabel('Wachtwoord').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText(`Ingelogd als ${E2E_ACCOUNTS.editor.name}`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Inventaris Leiden' }).waitFor();
    const status = page.getByRole('combobox', { name: `Status van ${zaaksysteem.name}` });
    await status.waitFor();
    await expectAccessible(page);

    await status.selectOption({ label: 'Common Ground' });
    const dialog = page.getByRole('dialog', { name: /Status van .* wijzigen naar Common Ground/ });
    await dialog.waitFor();
    await dialog.getByLabel('Sinds wanneer?').fill('2025-06-15');
    await expectAccessible(page, dialog);
    await dialog.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByText(`Status van ${zaaksysteem.name} gewijzigd naar Common Ground per 15 juni 2025.`).waitFor();
    expect(await status.inputValue()).toBe('compliant');

    await page.getByRole('button', { name: zaaksysteem.name }).click();
    const panel = page.getByRole('complementary', { name: `${zaaksysteem.name} bewerken` });
    await panel.getByText(/per 15 juni 2025/).waitFor();
    await panel.getByText('Status: Legacy → Common Ground').waitFor();
    expect(page.url()).toContain('applicatie=');
    await screenshot(page, 'inventory-panel');
    await expectAccessible(page, panel);
  });

  it('when they save the form with an empty name, then the error is in Dutch at the field and in the summary', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.goto(`/gemeenten/${CODE}/inventaris?applicatie=${zaaksysteem.id}`);
    const panel = page.getByRole('complementary', { name: `${zaaksysteem.name} bewerken` });
    const name = panel.getByLabel('Naam', { exact: true });
    await name.waitFor();
    await name.fill('');
    await panel.getByLabel('Kosten per jaar (EUR)').fill('veel');
    await panel.getByRole('button', { name: 'Opslaan' }).click();
    const summary = panel.getByRole('alert').filter({ hasText: 'Controleer de volgende velden:' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Naam: Vul dit veld in.');
    expect(await summary.textContent()).toContain('Kosten per jaar (EUR): Vul een getal in.');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'inventory-form-errors');
    await expectAccessible(page, panel);
  });

  it('when they filter, sort and page, then the address holds it and a reload shows the same view', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.viewer.email);
    await page.goto(`/gemeenten/${CODE}/inventaris`);
    // The box follows the address, so it turns checked once the address has changed.
    await page.getByRole('checkbox', { name: 'Common Ground' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('compliant');
    await page.getByRole('button', { name: /^Naam/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-name');
    expect(new URL(page.url()).searchParams.get('status')).toBe('compliant');
    await page.reload();
    expect(await page.getByRole('checkbox', { name: 'Common Ground' }).isChecked()).toBe(true);
    expect(await page.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('descending');
    await expectAccessible(page);
  });

  it('when they add an application, then it opens with its history', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.goto(`/gemeenten/${CODE}/inventaris`);
    await page.getByRole('button', { name: 'Applicatie toevoegen' }).click();
    const panel = page.getByRole('complementary', { name: 'Applicatie toevoegen' });
    await panel.getByLabel('Naam', { exact: true }).fill('Nieuwe portal');
    await panel.getByLabel('Laag').selectOption({ label: 'Interactie' });
    await panel.getByRole('button', { name: 'Toevoegen' }).click();
    await page.getByRole('complementary', { name: 'Nieuwe portal bewerken' }).getByText(/aangemaakt door/).waitFor();
    await expectAccessible(page);
  });
});

describe('a viewer reads an inventory', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when a viewer opens an inventory, then statuses read as text and nothing offers a change', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.viewer.email);
    await page.goto(`/gemeenten/${CODE}/inventaris`);
    await page.getByText('U kunt deze inventaris bekijken, maar niet bewerken.').waitFor();
    expect(await page.getByRole('button', { name: 'Applicatie toevoegen' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: /^Status van/ }).count()).toBe(0);
    await expectAccessible(page);
  });
});
