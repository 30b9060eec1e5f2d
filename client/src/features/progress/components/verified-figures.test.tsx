import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { VerifiedFigures } from './verified-figures.tsx';

const figures = (verifiedShare: number | null, verifiedCoverage: number | null, disagreementCount = 0) => ({ share: 0.3, verifiedShare, verifiedCoverage, disagreementCount });

describe('VerifiedFigures', () => {
  it('when more is reported compliant than the catalogue verifies, then both shares, the coverage and the disagreements show, and the sentence says lower by how much', () => {
    renderWithProviders(<VerifiedFigures summary={figures(0.268, 0.45, 1234)} />);
    const kpis = screen.getByRole('list', { name: 'Gemeld en geverifieerd' });
    expect(kpis.textContent).toContain('Gemeld aandeel30,0%');
    expect(kpis.textContent).toContain('Geverifieerd aandeel26,8%');
    expect(kpis.textContent).toContain('Met geverifieerd oordeel45,0%1.234 applicaties wijken af van het oordeel');
    screen.getByText(/Het geverifieerde aandeel ligt 3,2 procentpunt lager: er wordt meer als Common Ground gemeld dan de catalogus verifieert\.$/);
  });

  it('when the catalogue verifies more than is reported, or nothing yet, or the same on balance, then the sentence says so', () => {
    const { unmount } = renderWithProviders(<VerifiedFigures summary={figures(0.31, 0.2, 3)} />);
    screen.getByText(/ligt 1 procentpunt hoger: de catalogus verifieert meer/);
    unmount();
    const none = renderWithProviders(<VerifiedFigures summary={figures(0.3, 0)} />);
    screen.getByText(/Nog geen applicatie hier draait een versie met een geverifieerd oordeel/);
    none.unmount();
    renderWithProviders(<VerifiedFigures summary={figures(0.3002, 0.5, 2)} />);
    screen.getByText(/Beide aandelen zijn gelijk/);
  });
});
