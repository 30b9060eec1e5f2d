import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { User } from '@tm/shared/schemas/account';
import { renderWithProviders } from '../../../test/render.tsx';
import { UserForm } from './user-form.tsx';

const municipalities = [
  { value: 'GM0546', label: 'Leiden', description: 'Zuid-Holland' },
  { value: 'GM0547', label: 'Leiderdorp', description: 'Zuid-Holland' },
  { value: 'GM0363', label: 'Amsterdam', description: 'Noord-Holland' },
];

const editor: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'cio@leiden.nl',
  name: 'CIO Leiden',
  role: 'editor',
  municipalityCodes: ['GM0546'],
  active: true,
  hasPassword: true,
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function renderForm(props: Partial<Parameters<typeof UserForm>[0]> = {}) {
  const onCreate = vi.fn();
  const onUpdate = vi.fn();
  renderWithProviders(
    <UserForm original={null} municipalities={municipalities} serverErrors={{}} busy={false} onCreate={onCreate} onUpdate={onUpdate} {...props} />,
  );
  return { onCreate, onUpdate };
}

describe('UserForm', () => {
  it('when a new account is saved empty, then every field says in Dutch what is missing and nothing is sent', () => {
    const { onCreate } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Gebruiker toevoegen' }));

    expect(onCreate).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('E-mailadres: Vul een e-mailadres in, zoals naam@gemeente.nl.');
    expect(summary.textContent).toContain('Naam: Vul dit veld in.');
    expect(screen.getByLabelText('E-mailadres').getAttribute('aria-invalid')).toBe('true');
  });

  it('when a new account has no password, then the form says it can only log in through single sign-on, until one is typed', () => {
    renderForm();
    const sso = 'Zonder wachtwoord kan deze gebruiker alleen inloggen via single sign-on van de organisatie.';
    expect(screen.getByRole('status').textContent).toContain(sso);
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'een-lang-wachtwoord' } });
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('when an account without a password is edited, then the form says it logs in through single sign-on only', () => {
    renderForm({ original: { ...editor, hasPassword: false } });
    expect(screen.getByRole('status').textContent).toContain('logt alleen in via single sign-on');
  });

  it('when an editor gets no municipality and a short password, then both fields say why', () => {
    const { onCreate } = renderForm();
    fireEvent.change(screen.getByLabelText('E-mailadres'), { target: { value: 'cio@leiden.nl' } });
    fireEvent.change(screen.getByLabelText('Naam'), { target: { value: 'CIO Leiden' } });
    fireEvent.change(screen.getByLabelText('Rol'), { target: { value: 'editor' } });
    fireEvent.change(screen.getByLabelText('Wachtwoord'), { target: { value: 'kort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gebruiker toevoegen' }));

    expect(onCreate).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert').textContent;
    expect(summary).toContain('Gemeenten: Kies ten minste één gemeente voor een bewerker.');
    expect(summary).toContain('Wachtwoord: Gebruik ten minste 12 tekens.');
  });

  it('when the admin picks municipalities with the keyboard only, then the editor is created for them', async () => {
    const user = userEvent.setup();
    const { onCreate } = renderForm();
    await user.type(screen.getByLabelText('E-mailadres'), 'CIO@Leiden.nl');
    await user.type(screen.getByLabelText('Naam'), 'CIO Leiden');
    await user.selectOptions(screen.getByLabelText('Rol'), 'editor');
    const picker = screen.getByRole('combobox', { name: 'Gemeenten' });
    await user.type(picker, 'lei');
    expect(within(screen.getByRole('listbox', { name: 'Gemeenten' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['Leiden Zuid-Holland', 'Leiderdorp Zuid-Holland']);
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await user.type(picker, 'ams{Enter}');
    expect(screen.getByRole('list', { name: 'Gekozen Gemeenten' }).textContent).toContain('Leiderdorp');
    await user.click(screen.getByRole('button', { name: 'Amsterdam verwijderen' }));
    await user.type(picker, 'leid{Enter}');
    await user.type(screen.getByLabelText('Wachtwoord'), 'een-lang-wachtwoord');
    await user.click(screen.getByRole('button', { name: 'Gebruiker toevoegen' }));

    expect(onCreate).toHaveBeenCalledWith({
      email: 'cio@leiden.nl',
      name: 'CIO Leiden',
      role: 'editor',
      municipalityCodes: ['GM0547', 'GM0546'],
      password: 'een-lang-wachtwoord',
    });
  });

  it('when the server says the e-mail address is taken, then it shows at that field', () => {
    renderForm({ serverErrors: { email: 'Er bestaat al een account met dit e-mailadres.' } });
    expect(screen.getByRole('alert').textContent).toContain('E-mailadres: Er bestaat al een account met dit e-mailadres.');
    expect(screen.getByLabelText('E-mailadres').getAttribute('aria-invalid')).toBe('true');
  });

  it('when an editor becomes a viewer, then the role goes with no municipalities, and an unchanged form sends nothing', () => {
    const { onUpdate } = renderForm({ original: editor });
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(onUpdate).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Er is niets gewijzigd.');

    fireEvent.change(screen.getByLabelText('Rol'), { target: { value: 'viewer' } });
    expect(screen.queryByRole('combobox', { name: 'Gemeenten' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(onUpdate).toHaveBeenCalledWith({ role: 'viewer', municipalityCodes: [] });
  });
});
