import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { peers } from '../../../test/fixtures/progress.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { PeersOverview } from './peers-overview.tsx';

describe('PeersOverview', () => {
  it('when peers are known, then the ranking marks my row and the recommendation reads as a sentence', () => {
    renderWithProviders(<PeersOverview peers={peers} />);
    const mine = screen.getAllByRole('row').find((r) => r.getAttribute('aria-current') === 'true');
    expect(mine?.textContent).toContain('Leiden');
    expect(screen.getByText('Plaats 2 van 3 in Grootteklasse 6; mediaan 23,4%, kwartielen 20,0% – 41,0%.')).toBeTruthy();
    expect(
      screen.getByText('Voor de Zaakregistratiecomponent gebruiken 12 vergelijkbare gemeenten al een Common Ground-oplossing: Product A (7), Product B (5).'),
    ).toBeTruthy();
    // Once in the ranking, once among the municipalities that use Product A.
    expect(screen.getAllByRole('link', { name: 'Leiderdorp', hidden: true })).toHaveLength(2);
  });
});
