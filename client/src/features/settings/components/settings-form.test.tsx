import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render.tsx';
import { SettingsForm, fractionOf, percentText } from './settings-form.tsx';

describe('SettingsForm', () => {
  it('when it opens, then the stored fraction reads as a percentage', () => {
    renderWithProviders(<SettingsForm current={{ programmeStart: '2021-01-01', annualRate: 0.07, staleAfterMonths: 6 }} serverErrors={{}} busy={false} onSave={vi.fn()} />);
    expect((screen.getByLabelText(/Jaarlijks tempo/) as HTMLInputElement).value).toBe('7');
    expect((screen.getByLabelText('Programmastart') as HTMLInputElement).value).toBe('2021-01-01');
  });

  it('when a Dutch percentage is typed, then the fraction is saved', () => {
    const onSave = vi.fn();
    renderWithProviders(<SettingsForm current={{ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 }} serverErrors={{}} busy={false} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText(/Jaarlijks tempo/), { target: { value: '12,5' } });
    fireEvent.change(screen.getByLabelText('Programmastart'), { target: { value: '2022-03-01' } });
    fireEvent.change(screen.getByLabelText(/verouderd na/), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    expect(onSave).toHaveBeenCalledWith({ programmeStart: '2022-03-01', annualRate: 0.125, staleAfterMonths: 12 });
  });

  it.each([
    ['0', 'Vul een waarde groter dan 0 in.'],
    ['150', 'Ten hoogste 100% per jaar.'],
    ['veel', 'Vul een getal in.'],
  ])('when the rate is %j, then the field says %j and nothing is saved', (typed, message) => {
    const onSave = vi.fn();
    renderWithProviders(<SettingsForm current={{ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 }} serverErrors={{}} busy={false} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText(/Jaarlijks tempo/), { target: { value: typed } });
    fireEvent.change(screen.getByLabelText('Programmastart'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    expect(onSave).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert').textContent;
    expect(summary).toContain(`Jaarlijks tempo (% van het landschap per jaar): ${message}`);
    expect(summary).toContain('Programmastart: Vul een datum in als JJJJ-MM-DD.');
  });

  it.each([
    ['0', 'Vul een waarde van minstens 1 in.'],
    ['61', 'Vul een waarde van ten hoogste 60 in.'],
    ['6,5', 'Vul een heel getal in.'],
  ])('when the months are %j, then the field says %j and nothing is saved', (typed, message) => {
    const onSave = vi.fn();
    renderWithProviders(<SettingsForm current={{ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 }} serverErrors={{}} busy={false} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText(/verouderd na/), { target: { value: typed } });
    fireEvent.click(screen.getByRole('button', { name: 'Instellingen opslaan' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain(`Inventaris verouderd na (maanden): ${message}`);
  });
});

describe('percent ⇄ fraction', () => {
  it.each([
    [0.1, '10', 0.1],
    [0.07, '7', 0.07],
    [0.125, '12,5', 0.125],
    [0.0333, '3,33', 0.0333],
  ])('when the fraction is %d, then it reads %j and reads back as the same fraction', (fraction, text, back) => {
    expect(percentText(fraction, 'nl')).toBe(text);
    expect(fractionOf(text)).toBe(back);
  });

  it('when nothing or no number is typed, then there is no fraction', () => {
    expect(fractionOf('  ')).toBeUndefined();
    expect(fractionOf('tien')).toBeNaN();
  });
});
