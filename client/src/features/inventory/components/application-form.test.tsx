import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { ApplicationForm } from './application-form.tsx';

const referenceComponents = [
  { id: '00000000-0000-4000-8000-0000000000aa', name: 'Zaakregistratiecomponent', description: '', group: '', gemmaStatus: '' },
];

describe('ApplicationForm', () => {
  it('when a new application is saved without a name, then the field and the summary say so in Dutch and nothing is sent', () => {
    const onCreate = vi.fn();
    renderWithProviders(
      <ApplicationForm original={null} referenceComponents={referenceComponents} serverErrors={{}} busy={false} onCreate={onCreate} onUpdate={vi.fn()} />,
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
      <ApplicationForm original={null} referenceComponents={referenceComponents} serverErrors={{}} busy={false} onCreate={onCreate} onUpdate={vi.fn()} />,
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
});
