import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { peers } from '../../../test/fixtures/progress.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { PeersOverview } from './peers-overview.tsx';

const recommendationHeadings = () =>
  screen
    .getAllByRole('article')
    .map((a) => within(a).getByRole('heading', { level: 3 }).textContent);

describe('PeersOverview', () => {
  it('when peers are known, then the ranking marks my row and each recommendation lists its products once', () => {
    renderWithProviders(<PeersOverview peers={peers} />);
    const mine = screen.getAllByRole('row').find((r) => r.getAttribute('aria-current') === 'true');
    expect(mine?.textContent).toContain('Leiden');
    expect(screen.getByText('Plaats 2 van 21 in Grootteklasse 6; mediaan 23,4%, kwartielen 20,0% – 41,0%.')).toBeTruthy();
    const card = screen.getByRole('article', { name: 'Zaakregistratiecomponent' });
    expect(within(card).getByText('Voor de Zaakregistratiecomponent gebruiken 12 van de 20 andere gemeenten in de groep al een Common Ground-oplossing:')).toBeTruthy();
    // Each product once, with how the catalogue judges it; one legacy here and compliant at the peers is marked where
    // it is listed, and explained once.
    expect([...card.querySelectorAll('summary')].map((s) => s.textContent)).toEqual([
      'Product A · Leverancier A (7 gemeenten) ? Geclaimd Common Ground',
      'Product B (5 gemeenten) – Niet beoordeeld – bij u legacy',
    ]);
    expect(within(card).getByRole('link', { name: 'Productpagina van Product A: versies en oordelen', hidden: true }).getAttribute('href')).toBe(
      '/producten/00000000-0000-4000-8000-00000000f00a',
    );
    // The answer lists the products most peers use; the card says how many more there are and where to find them.
    expect(within(card).getByText(/^En 12 andere producten, door minder gemeenten gebruikt\./)).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Zoek in de productcatalogus' }).getAttribute('href')).toBe('/producten');
    expect(within(card).getByText(/^Product B gebruikt u ook, maar telt u als legacy, terwijl andere gemeenten het als Common Ground tellen/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Zaaksysteem' }).getAttribute('href')).toBe(
      '/gemeenten/GM0546/inventaris?applicatie=00000000-0000-4000-8000-0000000000a1',
    );
    // Once in the ranking, once among the municipalities that use Product A.
    expect(screen.getAllByRole('link', { name: 'Leiderdorp', hidden: true })).toHaveLength(2);
  });

  it('when there are more recommendations than the top few, then the most-moved come first and "Toon alle" shows the rest', () => {
    renderWithProviders(<PeersOverview peers={peers} />);
    expect(recommendationHeadings()).toEqual(['Zaakregistratiecomponent', 'Component 1', 'Component 2', 'Component 3', 'Component 4', 'Component 5']);
    const toggle = screen.getByRole('button', { name: 'Toon alle 8' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(recommendationHeadings()).toHaveLength(8);
    expect(toggle.textContent).toBe('Toon alleen de eerste 6');
    // No peer moved on yet: named in one line, not as a card.
    expect(screen.getByText('Voor 1 legacy-referentiecomponent gebruikt nog geen andere gemeente in de groep een Common Ground-oplossing: Archiefcomponent.')).toBeTruthy();
  });

  it('when a layer is chosen, then only the components of my applications in that layer remain, and the address keeps it', () => {
    renderWithProviders(<PeersOverview peers={peers} />, { path: '/gemeenten/GM0546/vergelijken?laag=data' });
    const filter = screen.getByLabelText<HTMLSelectElement>('Laag van uw applicatie');
    expect(filter.value).toBe('data');
    expect([...filter.options].map((o) => o.textContent)).toEqual(['Alle lagen (8)', 'Proces (1)', 'Data (2)', 'Geen laag (5)']);
    expect(recommendationHeadings()).toEqual(['Component 1', 'Component 2']);
    expect(screen.queryByRole('button', { name: /Toon alle/ })).toBeNull();
    fireEvent.change(filter, { target: { value: 'process' } });
    expect(recommendationHeadings()).toEqual(['Zaakregistratiecomponent']);
    expect(screen.queryByText(/Archiefcomponent/)).toBeNull();
  });
});
