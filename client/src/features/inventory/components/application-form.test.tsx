import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Application } from '@tm/shared/schemas/application';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { ApplicationForm } from './application-form.tsx';

const ZAAK = '00000000-0000-4000-8000-0000000000aa';
const referenceComponents = [
  { id: ZAAK, name: 'Zaakregistratiecomponent', description: '', group: '', gemmaStatus: '' },
  { id: '00000000-0000-4000-8000-0000000000bb', name: 'Zaakafhandelcomponent', description: '', group: '', gemmaStatus: '' },
  { id: '00000000-0000-4000-8000-0000000000cc', name: 'Burgerzakencomponent', description: '', group: '', gemmaStatus: '' },
];

const legacyApp: Application = {
  id: '00000000-0000-4000-8000-000000000001', municipalityCode: 'GM0546', name: 'Zaaksysteem', vendor: null, product: null, version: null,
  referenceComponentIds: [], layer: 'process', status: 'legacy', lifecycle: 'in_production', criteria: {}, inUseSince: '2019-01-01',
  retiredAt: null, replacedBy: null, plannedReplacementYear: 2030, annualCost: null, notes: null, productVersionId: null,
  createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('ApplicationForm', () => {
  it('when a new application is saved without a name, then the field and the summary say so in Dutch and nothing is sent', () => {
    const onCreate = vi.fn();
    renderWithProviders(
      <ApplicationForm municipalityCode="GM0546" original={null} referenceComponents={referenceComponents} serverErrors={{}} busy={false} onCreate={onCreate} onUpdate={vi.fn()} />,
    );
    fireEvent.change(screen.getByLabelText('Gepland vervangjaar', { exact: false }), { target: { value: '20x7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));

    expect(onCreate).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(summary.textContent).toContain('Naam: Vul dit veld in.');
    expect(summary.textContent).toContain('Gepland vervangjaar: Vul een getal in.');
    expect(screen.getByLabelText('Naam').getAttribute('aria-invalid')).toBe('true');
  });

  it('when the fields are valid, then the parsed create body is handed on', () => {
    const onCreate = vi.fn();
    renderWithProviders(
      <ApplicationForm municipalityCode="GM0546" original={null} referenceComponents={referenceComponents} serverErrors={{}} busy={false} onCreate={onCreate} onUpdate={vi.fn()} />,
    );
    fireEvent.change(screen.getByLabelText('Naam'), { target: { value: 'Zaaksysteem' } });
    fireEvent.change(screen.getByLabelText('Kosten per jaar (EUR)'), { target: { value: '1.234,50' } });
    fireEvent.change(screen.getByLabelText('Laag'), { target: { value: 'process' } });
    fireEvent.click(screen.getByRole('button', { name: 'Toevoegen' }));

    expect(onCreate).toHaveBeenCalledTimes(1);
    expect(onCreate.mock.calls[0]![0]).toMatchObject({ name: 'Zaaksysteem', annualCost: 1234.5, layer: 'process', status: 'legacy' });
  });

  it('when the server rejects a field, then its message shows at that field', () => {
    renderWithProviders(
      <ApplicationForm
        municipalityCode="GM0546"
        original={null}
        referenceComponents={referenceComponents}
        serverErrors={{ referenceComponentIds: 'Unknown reference component x' }}
        busy={false}
        onCreate={vi.fn()}
        onUpdate={vi.fn()}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Referentiecomponenten: Unknown reference component x');
  });

  it('when a CIO types "Zaakreg" in the reference components, then the combobox offers Zaakregistratiecomponent and Enter adds it as a removable tag', async () => {
    const user = userEvent.setup();
    const onCreate = vi.fn();
    renderWithProviders(
      <ApplicationForm municipalityCode="GM0546" original={null} referenceComponents={referenceComponents} serverErrors={{}} busy={false} onCreate={onCreate} onUpdate={vi.fn()} />,
    );
    const box = screen.getByRole('combobox', { name: 'Referentiecomponenten' });
    await user.type(box, 'Zaakreg');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const options = within(screen.getByRole('listbox', { name: 'Referentiecomponenten' })).getAllByRole('option');
    expect(options.map((o) => o.textContent?.trim())).toEqual(['Zaakregistratiecomponent']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    const chosen = screen.getByRole('list', { name: 'Gekozen Referentiecomponenten' });
    expect(chosen.textContent).toContain('Zaakregistratiecomponent');

    await user.type(box, 'zaak');
    expect(within(screen.getByRole('listbox', { name: 'Referentiecomponenten' })).getAllByRole('option').map((o) => o.textContent?.trim())).toEqual(['Zaakafhandelcomponent']);
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');

    await user.type(screen.getByLabelText('Naam'), 'Zaaksysteem');
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));
    expect(onCreate.mock.calls[0]![0]).toMatchObject({ referenceComponentIds: [ZAAK] });

    await user.click(within(chosen).getByRole('button', { name: 'Zaakregistratiecomponent verwijderen' }));
    expect(screen.queryByRole('list', { name: 'Gekozen Referentiecomponenten' })).toBeNull();
  });

  it('when an application is marked Common Ground, then the form offers to clear its planned year and asks for the criteria', async () => {
    const user = userEvent.setup();
    const onUpdate = vi.fn();
    renderWithProviders(
      <ApplicationForm municipalityCode="GM0546" original={legacyApp} referenceComponents={referenceComponents} serverErrors={{}} busy={false} onCreate={vi.fn()} onUpdate={onUpdate} />,
    );
    expect(screen.queryByText(/gepland vervangjaar 2030/)).toBeNull();
    await user.selectOptions(screen.getByLabelText('Status'), 'compliant');
    expect(screen.getByText(/Deze applicatie heeft nog gepland vervangjaar 2030/)).toBeTruthy();
    expect(screen.getByText('Aan welke Common Ground-criteria voldoet ze?')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Vervangjaar leegmaken' }));
    expect((screen.getByLabelText('Gepland vervangjaar', { exact: false }) as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('button', { name: 'Vervangjaar leegmaken' })).toBeNull();
    await user.click(screen.getByLabelText('Gegevens gescheiden van de applicatie', { exact: false }));
    expect(screen.queryByText('Aan welke Common Ground-criteria voldoet ze?')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(onUpdate.mock.calls[0]![0]).toMatchObject({ status: 'compliant', plannedReplacementYear: null, criteria: { dataSeparated: true } });
  });
});
