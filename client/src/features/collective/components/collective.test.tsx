import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BlockingProduct } from '@tm/shared/schemas/blocking-product';
import type { CoalitionDetail } from '@tm/shared/schemas/coalition';
import { renderWithProviders } from '../../../test/render.tsx';
import { BlockingProductsTable } from './blocking-products-table.tsx';
import { CoalitionCard } from './coalition-card.tsx';

const LONG_NAME = 'Samenzaak Suite met een lange productnaam die nergens wordt afgekapt';
const blocker: BlockingProduct = {
  productId: '00000000-0000-4000-8000-000000000001',
  vendor: 'Samenwerk B.V.',
  name: LONG_NAME,
  municipalityCount: 12,
  municipalityShare: 0.24,
  applicationCount: 15,
  annualCost: 123456,
  plannedReplacementYears: [
    { year: 2027, municipalityCount: 3 },
    { year: 2029, municipalityCount: 1 },
  ],
};

const coalition: CoalitionDetail = {
  id: '00000000-0000-4000-8000-000000000002',
  name: 'Samen zaakgericht',
  productId: blocker.productId,
  product: { id: blocker.productId, vendor: blocker.vendor, name: blocker.name },
  targetYear: 2028,
  description: 'Eén aanbesteding.',
  coordinator: { id: 'coordinator', name: 'CIO Holland Rijnland' },
  createdAt: '2026-12-01T10:00:00.000Z',
  members: [
    { municipalityCode: 'GM0546', name: 'Leiden', joinedAt: '2026-12-01T10:00:00.000Z', replaced: true },
    { municipalityCode: 'GM0547', name: 'Leiderdorp', joinedAt: '2026-12-01T10:00:00.000Z', replaced: false },
  ],
  replacedCount: 1,
  candidates: [{ municipalityCode: 'GM0363', name: 'Amsterdam', plannedReplacementYear: 2029 }],
};

describe('BlockingProductsTable', () => {
  it('when products hold municipalities back, then each row names the whole product, links to it and gives its figures in words', () => {
    renderWithProviders(<BlockingProductsTable items={[blocker]} caption="Blokkerende producten" productHref={(id) => `/producten/${id}`} />);
    const row = screen.getByRole('row', { name: new RegExp(LONG_NAME) });
    expect(within(row).getByRole('link', { name: `${LONG_NAME} (Samenwerk B.V.)` }).getAttribute('href')).toBe(`/producten/${blocker.productId}`);
    expect(row.textContent).toContain('24,0%');
    expect(row.textContent).toContain('2027: 3, 2029: 1');
    expect(row.textContent).toMatch(/€\s?123\.456/);
  });
});

describe('CoalitionCard', () => {
  it("when an editor reads a coalition, then progress, members and candidates show, with a button per own municipality to join or leave", () => {
    renderWithProviders(
      <CoalitionCard coalition={coalition} own={[{ code: 'GM0546', name: 'Leiden' }, { code: 'GM0363', name: 'Amsterdam' }]} userId="someone else" />,
    );
    const card = screen.getByRole('article', { name: 'Samen zaakgericht' });
    expect(card.textContent).toContain('1 van 2 leden hebben het product vervangen (doeljaar 2028)');
    expect(within(card).getByRole('list', { name: 'Leden' }).textContent).toBe('Leiden: vervangenLeiderdorp: nog niet vervangen');
    expect(card.textContent).toContain('Amsterdam (2029)');
    expect(within(card).getByRole('button', { name: 'Leiden stapt uit' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Amsterdam doet mee' })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Beschrijving aanpassen' })).toBeNull();
  });

  it('when its coordinator reads it, then the description can be changed', () => {
    renderWithProviders(<CoalitionCard coalition={coalition} own={[]} userId="coordinator" />);
    expect(screen.getByRole('button', { name: 'Beschrijving aanpassen' })).toBeTruthy();
  });
});
