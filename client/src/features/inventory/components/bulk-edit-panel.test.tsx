import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { BulkEditPanel } from './bulk-edit-panel.tsx';

const ZAAK = '00000000-0000-4000-8000-0000000000aa';
const DMS = '00000000-0000-4000-8000-0000000000bb';
const referenceComponents = [
  { id: ZAAK, name: 'Zaakregistratiecomponent', description: '', group: '', gemmaStatus: '' },
  { id: DMS, name: 'Documentregistratiecomponent', description: '', group: '', gemmaStatus: '' },
];

function renderPanel(props: Partial<Parameters<typeof BulkEditPanel>[0]> = {}) {
  const onApply = vi.fn();
  const onSelectAllMatching = vi.fn();
  renderWithProviders(
    <BulkEditPanel selectedCount={3} referenceComponents={referenceComponents} selectableMatching={40} busy={false} onSelectAllMatching={onSelectAllMatching} onClear={vi.fn()} onApply={onApply} {...props} />,
  );
  return { onApply, onSelectAllMatching };
}

describe('BulkEditPanel', () => {
  it('when nothing is chosen, then the summary asks for a value and nothing is sent', () => {
    const { onApply } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: '3 applicaties wijzigen…' }));
    expect(screen.getByRole('alert').textContent).toContain('Kies ten minste één waarde om te wijzigen.');
    expect(onApply).not.toHaveBeenCalled();
  });

  it('when the year is no number, then the field and the summary say so in Dutch', () => {
    const { onApply } = renderPanel();
    fireEvent.change(screen.getByLabelText('Gepland vervangjaar'), { target: { value: '20x8' } });
    fireEvent.click(screen.getByRole('button', { name: '3 applicaties wijzigen…' }));
    expect(screen.getByRole('alert').textContent).toContain('Gepland vervangjaar: Vul een getal in.');
    expect(screen.getByLabelText('Gepland vervangjaar').getAttribute('aria-invalid')).toBe('true');
    expect(onApply).not.toHaveBeenCalled();
  });

  it('when a status with its date is chosen, then a confirmation says how many change to what, and confirming sends it', () => {
    const { onApply } = renderPanel();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'compliant' } });
    fireEvent.change(screen.getByLabelText('Ingangsdatum van de wijziging'), { target: { value: '2025-06-15' } });
    fireEvent.click(screen.getByRole('button', { name: '3 applicaties wijzigen…' }));

    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(within(dialog).getByRole('heading', { hidden: true }).textContent).toBe('3 applicaties wijzigen?');
    expect(dialog.textContent).toContain('Status: Common Ground per 15 juni 2025');
    expect(onApply).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ja, 3 applicaties wijzigen', hidden: true }));
    expect(onApply).toHaveBeenCalledWith({ status: 'compliant', effectiveDate: '2025-06-15' });
  });

  it('when reference components are chosen by typing to take the place of the old ones, and a cost is typed, then the confirmation names them and confirming sends them', async () => {
    const user = userEvent.setup();
    const { onApply } = renderPanel();
    expect(screen.queryByRole('group', { name: /referentiecomponenten die een applicatie al heeft/ })).toBeNull();
    const box = screen.getByRole('combobox', { name: 'Referentiecomponenten' });
    await user.type(box, 'Zaakreg');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.type(box, 'Documentreg');
    await user.keyboard('{ArrowDown}{Enter}');
    const how = screen.getByRole('group', { name: 'Wat gebeurt er met de referentiecomponenten die een applicatie al heeft?' });
    expect((within(how).getByLabelText('Die blijven; de gekozen komen erbij') as HTMLInputElement).checked).toBe(true);
    await user.click(within(how).getByLabelText('De gekozen komen ervoor in de plaats'));
    await user.type(screen.getByLabelText('Kosten per jaar (EUR)'), '12.000');
    await user.click(screen.getByRole('button', { name: '3 applicaties wijzigen…' }));

    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(dialog.textContent).toContain('Referentiecomponenten worden: Zaakregistratiecomponent en Documentregistratiecomponent');
    expect(dialog.textContent).toMatch(/Kosten per jaar \(EUR\): €\s12\.000/);
    await user.click(within(dialog).getByRole('button', { name: 'Ja, 3 applicaties wijzigen', hidden: true }));
    expect(onApply).toHaveBeenCalledWith({ referenceComponents: { mode: 'replace', ids: [ZAAK, DMS] }, annualCost: 12000 });
  });

  it('when the cost is not a number, then the field and the summary say so in Dutch', () => {
    const { onApply } = renderPanel();
    fireEvent.change(screen.getByLabelText('Kosten per jaar (EUR)'), { target: { value: 'veel' } });
    fireEvent.click(screen.getByRole('button', { name: '3 applicaties wijzigen…' }));
    expect(screen.getByRole('alert').textContent).toContain('Kosten per jaar (EUR): Vul een getal in.');
    expect(onApply).not.toHaveBeenCalled();
  });

  it('when more match the filters than are selected, then all of them can be selected at once', () => {
    const { onSelectAllMatching } = renderPanel();
    fireEvent.click(screen.getByRole('button', { name: 'Alle 40 applicaties die aan de filters voldoen selecteren' }));
    expect(onSelectAllMatching).toHaveBeenCalledTimes(1);
  });

  it('when more match than one bulk update may change, then it says to narrow the filters instead of offering them all', () => {
    renderPanel({ selectableMatching: null });
    expect(screen.queryByRole('button', { name: /die aan de filters voldoen selecteren/ })).toBeNull();
    expect(screen.getByText(/Meer dan 1\.000 applicaties voldoen aan de filters/)).toBeTruthy();
  });
});
