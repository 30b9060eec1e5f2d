import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { ApiTokenForm } from './api-token-form.tsx';

function renderForm(props: Partial<Parameters<typeof ApiTokenForm>[0]> = {}) {
  const onCreate = vi.fn();
  renderWithProviders(<ApiTokenForm canAdmin={false} maxDays={365} serverErrors={{}} busy={false} onCreate={onCreate} {...props} />);
  return { onCreate };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('ApiTokenForm', () => {
  it('when a token is made with a name only, then it may read, and lives as long as allowed', () => {
    const { onCreate } = renderForm();
    fireEvent.change(screen.getByLabelText('Naam'), { target: { value: 'Nachtelijke export' } });
    fireEvent.click(screen.getByRole('button', { name: 'Token maken' }));
    expect(onCreate).toHaveBeenCalledWith({ name: 'Nachtelijke export', scopes: ['read'] });
  });

  it('when writing is ticked and an end chosen, then both go with it; the admin scope is offered to admins only', () => {
    const { onCreate } = renderForm();
    expect(screen.queryByLabelText(/Beheer/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Naam'), { target: { value: 'Import' } });
    fireEvent.click(screen.getByLabelText('Schrijven: gegevens wijzigen, importeren'));
    fireEvent.change(screen.getByLabelText('Verloopt op'), { target: { value: day(30) } });
    fireEvent.click(screen.getByRole('button', { name: 'Token maken' }));
    expect(onCreate).toHaveBeenCalledWith({ name: 'Import', scopes: ['read', 'write'], expiresAt: `${day(30)}T00:00:00.000Z` });
  });

  it('when nothing may be done, the name is missing and the end lies past the maximum, then each field says why in Dutch and nothing is sent', () => {
    const { onCreate } = renderForm({ canAdmin: true });
    fireEvent.click(screen.getByLabelText('Lezen: gegevens opvragen'));
    fireEvent.change(screen.getByLabelText('Verloopt op'), { target: { value: day(400) } });
    fireEvent.click(screen.getByRole('button', { name: 'Token maken' }));
    expect(onCreate).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert').textContent;
    expect(summary).toContain('Naam: Vul dit veld in.');
    expect(summary).toContain('Wat mag het token?: Kies ten minste één: lezen, schrijven of beheer.');
    expect(summary).toContain('Verloopt op: Een token geldt ten hoogste 365 dagen.');
    expect(screen.getByLabelText('Beheer: gebruikers, instellingen en het register (alleen voor beheerders)')).toBeTruthy();
  });
});
