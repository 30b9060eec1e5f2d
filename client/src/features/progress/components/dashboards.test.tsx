import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { municipalityProgress, nationalProgress } from '../../../test/fixtures/progress.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { MunicipalityDashboard } from './municipality-dashboard.tsx';
import { NationalDashboard } from './national-dashboard.tsx';

describe('MunicipalityDashboard', () => {
  it('when progress is known, then the KPIs show share with its base, completeness, gap in words and status with text', () => {
    renderWithProviders(<MunicipalityDashboard data={municipalityProgress} targetLabel="Doel (10% per jaar)" />);
    const kpis = screen.getByRole('list', { name: 'Aandeel Common Ground' });
    expect(kpis.textContent).toContain('23,4%');
    expect(kpis.textContent).toContain('112 van 479 applicaties');
    expect(kpis.textContent).toContain('gebaseerd op 87% volledige gegevens');
    expect(kpis.textContent).toContain('nog 14 applicaties vervangen om op schema te komen');
    expect(kpis.textContent).toContain('Achter op schema');
    expect(kpis.textContent).toContain('2042');
  });

  it('when "Toon als tabel" is pressed, then the chart’s rows appear as a table in the same order', () => {
    renderWithProviders(<MunicipalityDashboard data={municipalityProgress} targetLabel="Doel (10% per jaar)" />);
    const panel = screen.getByRole('region', { name: 'Plan tegenover wat nodig is, per jaar' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Toon als tabel' }));
    const rows = within(panel).getAllByRole('row').map((r) => r.textContent);
    expect(rows).toEqual(['JaarGeplandNodigTekort', '20261048tekort van 38', '20276048']);
  });

  it('when data is missing, then the completeness panel links to the inventory filtered on it', () => {
    renderWithProviders(<MunicipalityDashboard data={municipalityProgress} targetLabel="Doel" />);
    const link = screen.getByRole('link', { name: 'Bekijk wat ontbreekt in de inventaris' });
    expect(link.getAttribute('href')).toBe('/gemeenten/GM0546/inventaris?missing=referenceComponent,layer,plannedReplacementYear');
  });
});

describe('NationalDashboard', () => {
  it('when the national figures are known, then the KPI row gives share, target, status counts and completion year', () => {
    renderWithProviders(<NationalDashboard data={nationalProgress} mapShapes={undefined} targetLabel="Doel (10% per jaar)" />);
    const kpis = screen.getByRole('list', { name: 'Landelijk beeld' });
    expect(kpis.textContent).toContain('23,4%');
    expect(kpis.textContent).toContain('50,0%');
    expect(kpis.textContent).toContain('40 / 100 / 190');
    expect(kpis.textContent).toContain('12 zonder gegevens');
  });

  it('when the map has no boundaries (or the list is asked for), then every municipality is a link in a sortable list', () => {
    renderWithProviders(<NationalDashboard data={nationalProgress} mapShapes={undefined} targetLabel="Doel" />);
    const [list] = screen.getAllByRole('region', { name: 'Kaart: aandeel per gemeente' });
    if (!list) throw new Error('no map panel');
    expect(within(list).getByRole('link', { name: 'Leiden' }).getAttribute('href')).toBe('/gemeenten/GM0546');
    // Rotterdam has no landscape: its share and its status both say so in words.
    expect(within(list).getAllByText('geen gegevens')).toHaveLength(2);
    fireEvent.click(within(list).getByRole('button', { name: /Aandeel/ }));
    expect(within(list).getAllByRole('link').map((a) => a.textContent)).toEqual(['Leiderdorp', 'Leiden', 'Rotterdam']);
  });
});
