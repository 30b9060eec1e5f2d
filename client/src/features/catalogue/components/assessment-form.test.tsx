import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { AssessmentForm } from './assessment-form.tsx';

const form = (props: Partial<Parameters<typeof AssessmentForm>[0]> = {}) => (
  <AssessmentForm idPrefix="assess-v1" level="verified" serverErrors={{}} busy={false} onSubmit={vi.fn()} onCancel={vi.fn()} {...props} />
);

describe('AssessmentForm', () => {
  it('when a steward sends it without a verdict or evidence and with a future date, then each field and the summary say so in Dutch and nothing is sent', () => {
    const onSubmit = vi.fn();
    renderWithProviders(form({ onSubmit }));
    fireEvent.change(screen.getByLabelText('Geldt vanaf'), { target: { value: '2999-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Oordeel verifiëren' }));

    expect(onSubmit).not.toHaveBeenCalled();
    const summary = within(screen.getByRole('alert'));
    expect(summary.getByRole('link', { name: 'Oordeel: Kies of de versie Common Ground is of niet.' }).getAttribute('href')).toBe('#assess-v1-verdict-compliant');
    expect(summary.getByRole('link', { name: 'Onderbouwing: Geef een link of een tekst die het oordeel onderbouwt.' })).toBeTruthy();
    expect(summary.getByRole('link', { name: 'Geldt vanaf: Een datum in de toekomst kan niet.' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Oordeel' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Onderbouwing').getAttribute('aria-invalid')).toBe('true');
  });

  it('when the fields are valid, then the parsed judgement is handed on with only the criteria ticked', () => {
    const onSubmit = vi.fn();
    renderWithProviders(form({ onSubmit, level: 'claimed' }));
    fireEvent.click(screen.getByLabelText('Common Ground'));
    fireEvent.click(screen.getByLabelText('Standaard-API’s (zoals ZGW)'));
    fireEvent.click(screen.getByLabelText('Open source / publiccode.yml'));
    fireEvent.click(screen.getByLabelText('Open source / publiccode.yml'));
    fireEvent.change(screen.getByLabelText('Onderbouwing'), { target: { value: '  https://example.org/release-7.2  ' } });
    fireEvent.change(screen.getByLabelText('Geldt vanaf'), { target: { value: '2025-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Oordeel claimen' }));

    expect(onSubmit).toHaveBeenCalledWith({
      verdict: 'compliant',
      criteria: { standardApis: true },
      evidence: 'https://example.org/release-7.2',
      effectiveDate: '2025-03-01',
    });
  });

  it('when the server refuses a field, then its message shows at that field', () => {
    renderWithProviders(form({ serverErrors: { evidence: 'Gebruik ten hoogste 4000 tekens.' } }));
    expect(screen.getByLabelText('Onderbouwing').getAttribute('aria-describedby')).toContain('assess-v1-evidence-error');
    expect(screen.getAllByText('Gebruik ten hoogste 4000 tekens.', { exact: false }).length).toBeGreaterThan(0);
  });
});
