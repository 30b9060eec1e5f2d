import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { municipalityProgress, nationalProgress } from '../../../test/fixtures/progress.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { MunicipalityDashboard } from './municipality-dashboard.tsx';
import { NationalDashboard } from './national-dashboard.tsx';

describe('MunicipalityDashboard', () => {
  it('when progress is known, then the KPIs show share with its base, completeness, gap in words and status with text', () => {
    renderWithProviders(<MunicipalityDashboard data={municipalityProgress} targetLabel="Doel (10% per jaar)" name="Leiden" />);
    const kpis = screen.getByRole('list', { name: 'Aandeel Common Ground' });
    expect(kpis.textContent).toContain('23,4%');
    expect(kpis.textContent).toContain('112 van 479 applicaties');
    expect(kpis.textContent).toContain('gebaseerd op 87% volledige gegevens');
    expect(kpis.textContent).toContain('nog 14 applicaties vervangen om op schema te komen');
    expect(kpis.textContent).toContain('Achter op schema');
    expect(kpis.textContent).toContain('2042');
  });

  it('when the figures are of a past date, then the cards say so, the status says how far from the target, and the pace is said once', () => {
    renderWithProviders(<MunicipalityDashboard data={municipalityProgress} targetLabel="Doel" name="Leiden" />);
    const kpis = screen.getByRole('list', { name: 'Aandeel Common Ground' });
    expect(kpis.textContent).toContain('Doel per 15 maart 2026');
    expect(kpis.textContent).not.toContain('Doel vandaag');
    expect(kpis.textContent).toContain('26,6 procentpunt onder het doel');
    expect(kpis.textContent).toContain('12,5procentpunt per jaar om op 1 januari 2031 100% te halen');
    expect(kpis.textContent?.match(/12,5/g)).toHaveLength(1);
  });

  it('when the deadline has passed short of 100%, then no pace is asked for and what is left to do is said', () => {
    const overdue = { ...municipalityProgress, summary: { ...municipalityProgress.summary, deadline: '2026-01-01', requiredPace: null } };
    renderWithProviders(<MunicipalityDashboard data={overdue} targetLabel="Doel" name="Leiden" />);
    const kpis = screen.getByRole('list', { name: 'Aandeel Common Ground' });
    expect(kpis.textContent).toContain('Nodig tempoTermijn verstrekenhet doel was 100% op 1 januari 2026; nog 76,6 procentpunt te gaan');
  });

  it('when the inventory holds planned and retired applications, then the page says they are outside the landscape', () => {
    renderWithProviders(<MunicipalityDashboard data={municipalityProgress} targetLabel="Doel" name="Leiden" />);
    expect(screen.getByText(/Van de 521 applicaties in de inventaris tellen er 479 mee/).textContent).toContain(
      'Niet in het landschap: 12 gepland (nog niet in gebruik) en 30 uitgefaseerd.',
    );
  });

  it('when someone opens the explanation, then each status word is explained, 100% included', () => {
    renderWithProviders(<MunicipalityDashboard data={municipalityProgress} targetLabel="Doel" name="Leiden" />);
    const explanation = screen.getByText('Hoe werken doel en status?').closest('details')!;
    expect(explanation.textContent).toContain('Op schema: het aandeel ligt minder dan 5 procentpunt boven of onder het doel.');
    expect(explanation.textContent).toContain('zodra haar doel boven 95% komt');
  });

  it('when "Toon als tabel" is pressed, then the chart’s rows appear as a table in the same order', () => {
    renderWithProviders(<MunicipalityDashboard data={municipalityProgress} targetLabel="Doel (10% per jaar)" name="Leiden" />);
    const panel = screen.getByRole('region', { name: 'Plan tegenover wat nodig is, per jaar' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Toon als tabel' }));
    const rows = within(panel).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['JaarGeplandNodigTekort', '20261048tekort van 38', '20276048']);
  });

  it('when data is missing, then the completeness panel links to the inventory filtered on it', () => {
    renderWithProviders(<MunicipalityDashboard data={municipalityProgress} targetLabel="Doel" name="Leiden" />);
    const link = screen.getByRole('link', { name: 'Bekijk wat ontbreekt in de inventaris' });
    expect(link.getAttribute('href')).toBe('/gemeenten/GM0546/inventaris?missing=referenceComponent,layer,plannedReplacementYear');
  });
});

describe('NationalDashboard', () => {
  it('when the national figures are known, then the KPI row gives share, target, status counts and completion year', () => {
    renderWithProviders(<NationalDashboard data={nationalProgress} mapShapes={undefined} targetLabel="Doel (10% per jaar)" title="Landelijk beeld" />);
    const kpis = screen.getByRole('list', { name: 'Landelijk beeld' });
    expect(kpis.textContent).toContain('23,4%');
    expect(kpis.textContent).toContain('50,0%');
    expect(kpis.textContent).toContain('40 / 100 / 190');
    expect(kpis.textContent).toContain('12 zonder gegevens');
  });

  it('when the map has no boundaries (or the list is asked for), then every municipality is a link in a sortable list', async () => {
    renderWithProviders(<NationalDashboard data={nationalProgress} mapShapes={undefined} targetLabel="Doel" title="Landelijk beeld" />);
    const [list] = await screen.findAllByRole('region', { name: 'Kaart: aandeel per gemeente' });
    if (!list) throw new Error('no map panel');
    expect(within(list).getByRole('link', { name: 'Leiden' }).getAttribute('href')).toBe('/gemeenten/GM0546');
    // Rotterdam has no landscape: its share and its status both say so in words.
    expect(within(list).getAllByText('geen gegevens')).toHaveLength(2);
    fireEvent.click(within(list).getByRole('button', { name: /Aandeel/ }));
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(['Leiderdorp', 'Leiden', 'Rotterdam']);
  });

  it('when the board reads the province and size-class rows, then each opens that group\'s dashboard, keeping the measure', async () => {
    renderWithProviders(<NationalDashboard data={nationalProgress} mapShapes={undefined} targetLabel="Doel" title="Landelijk beeld" />, { path: '/?maatstaf=kosten' });
    const provinces = await screen.findByRole('region', { name: 'Per provincie' });
    expect(within(provinces).getByRole('link', { name: 'Zuid-Holland' }).getAttribute('href')).toBe('/?maatstaf=kosten&provincie=Zuid-Holland');
    const sizes = screen.getByRole('region', { name: 'Per grootteklasse' });
    expect(within(sizes).getByRole('link', { name: '100.000 tot 150.000' }).getAttribute('href')).toBe('/?maatstaf=kosten&grootteklasse=6');
  });

  it('when the boundaries are still on their way, then the map keeps its place and no list is drawn meanwhile', async () => {
    renderWithProviders(<NationalDashboard data={nationalProgress} mapShapes={undefined} mapPending targetLabel="Doel" title="Landelijk beeld" />);
    const [panel] = await screen.findAllByRole('region', { name: 'Kaart: aandeel per gemeente' });
    if (!panel) throw new Error('no map panel');
    expect(within(panel).queryByRole('link')).toBeNull();
    expect(panel.querySelector('.tm-map--placeholder')).not.toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Toon als lijst' }));
    expect(within(panel).getByRole('link', { name: 'Leiden' })).toBeDefined();
  });

  it('when the dashboard is of a province already, then its own row leads nowhere, and the size classes narrow it further', async () => {
    renderWithProviders(<NationalDashboard data={nationalProgress} mapShapes={undefined} targetLabel="Doel" title="Gemeenten in Zuid-Holland" />, { path: '/?provincie=Zuid-Holland' });
    expect(within(await screen.findByRole('region', { name: 'Per provincie' })).queryByRole('link')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Per grootteklasse' })).getByRole('link').getAttribute('href')).toBe('/?provincie=Zuid-Holland&grootteklasse=6');
    screen.getByRole('list', { name: 'Gemeenten in Zuid-Holland' });
  });

  it('when the measure is cost, then the share is of euros, not of applications', () => {
    const summary = { ...nationalProgress.summary, measure: 'cost' as const, landscapeCost: 2_000_000, compliantCost: 500_000 };
    renderWithProviders(<NationalDashboard data={{ ...nationalProgress, summary }} mapShapes={undefined} targetLabel="Doel" title="Landelijk beeld" />);
    const kpis = screen.getByRole('list', { name: 'Landelijk beeld' });
    expect(kpis.textContent).toMatch(/€\s500\.000 van €\s2\.000\.000 aan jaarlijkse kosten/);
    expect(kpis.textContent).not.toMatch(/applicaties/);
  });
});
