import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MunicipalityMergerRecord } from '@tm/shared/schemas/municipality-merger';
import { fieldErrorsFromProblem } from '../../../lib/field-errors.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { MergerForm, mergerFieldOf } from './merger-form.tsx';
import { MergerTimeline } from './merger-timeline.tsx';

const merger = (overrides: Partial<MunicipalityMergerRecord>): MunicipalityMergerRecord => ({
  id: '00000000-0000-4000-8000-000000000001',
  date: '2025-01-01',
  from: ['GM0060', 'GM0096'],
  fromMunicipalities: [
    { code: 'GM0060', name: 'Ameland' },
    { code: 'GM0096', name: 'Vlieland' },
  ],
  into: { code: 'GM9101', name: 'Wadden-Oost', province: 'Fryslân' },
  movedApplications: 3,
  registeredAt: '2026-12-01T10:00:00.000Z',
  registeredBy: { id: 'u1', name: 'admin@demo.local' },
  undoneAt: null,
  undoneBy: null,
  undoable: false,
  ...overrides,
});

describe('the timeline of mergers', () => {
  it('when mergers of several years are listed, then they stand by year, newest first, and only the latest offers undo', () => {
    const onUndo = vi.fn();
    const latest = merger({ id: '00000000-0000-4000-8000-000000000003', date: '2026-01-01', into: { code: 'GM9102', name: 'Noordkust', province: 'Fryslân' }, undoable: true });
    const undone = merger({
      id: '00000000-0000-4000-8000-000000000002',
      date: '2026-01-01',
      registeredAt: '2026-11-01T10:00:00.000Z',
      into: { code: 'GM9103', name: 'Vergeten', province: 'Fryslân' },
      undoneAt: '2026-11-02T10:00:00.000Z',
      undoneBy: { id: 'u1', name: 'admin@demo.local' },
    });
    renderWithProviders(<MergerTimeline mergers={[merger({}), undone, latest]} onUndo={onUndo} />);
    const years = screen.getAllByRole('list', { name: /^Herindelingen in/ });
    expect(years.map((y) => y.getAttribute('aria-label'))).toEqual(['Herindelingen in 2026', 'Herindelingen in 2025']);
    expect(within(years[1]!).getByText(/Ameland \(GM0060\), Vlieland \(GM0096\) gingen op in/)).toBeTruthy();
    expect(within(years[1]!).getByRole('link', { name: 'Wadden-Oost (GM9101)' }).getAttribute('href')).toBe('/gemeenten/GM9101');
    expect(within(years[0]!).getByText(/Teruggedraaid door admin@demo.local/)).toBeTruthy();
    // An undone merger formed nothing that still exists: no link to it.
    expect(within(years[0]!).queryByRole('link', { name: 'Vergeten (GM9103)' })).toBeNull();
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Noordkust terugdraaien']);
    fireEvent.click(buttons[0]!);
    expect(onUndo).toHaveBeenCalledWith(latest);
  });

  it('when there are none, then it says so', () => {
    renderWithProviders(<MergerTimeline mergers={[]} onUndo={vi.fn()} />);
    expect(screen.getByText('Er zijn nog geen herindelingen geregistreerd.')).toBeTruthy();
  });
});

describe('registering a merger', () => {
  const municipalities = [
    { value: 'GM0060', label: 'Ameland', description: 'Fryslân' },
    { value: 'GM0096', label: 'Vlieland', description: 'Fryslân' },
  ];

  it('when the form is sent incomplete, then every missing field is named in the summary and nothing is sent', () => {
    const onSubmit = vi.fn();
    renderWithProviders(<MergerForm municipalities={municipalities} serverErrors={{}} busy={false} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Ingangsdatum'), { target: { value: '2025-01-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Herindeling registreren' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const summary = screen.getByText('De herindeling is nog niet geregistreerd:').parentElement!;
    const items = within(summary).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toBe('Ingangsdatum: Een herindeling gaat in op de eerste dag van een maand (meestal op 1 januari).');
    expect(items.map((i) => i!.split(':')[0])).toEqual(['Ingangsdatum', 'Gemeenten die samengaan', 'CBS-code van de nieuwe gemeente', 'Naam van de nieuwe gemeente', 'Provincie']);
  });

  it('when it is filled in, then the merger is handed on as the API takes it, the new code in capitals', () => {
    const onSubmit = vi.fn();
    renderWithProviders(<MergerForm municipalities={municipalities} serverErrors={{}} busy={false} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText('Ingangsdatum'), { target: { value: '2025-01-01' } });
    const from = screen.getByRole('combobox', { name: 'Gemeenten die samengaan' });
    for (const name of ['Ameland', 'Vlieland']) {
      fireEvent.change(from, { target: { value: name } });
      fireEvent.keyDown(from, { key: 'Enter' });
    }
    fireEvent.change(screen.getByLabelText('CBS-code van de nieuwe gemeente'), { target: { value: 'gm9101' } });
    fireEvent.change(screen.getByLabelText('Naam van de nieuwe gemeente'), { target: { value: 'Wadden-Oost' } });
    fireEvent.change(screen.getByLabelText('Provincie'), { target: { value: 'Fryslân' } });
    fireEvent.click(screen.getByRole('button', { name: 'Herindeling registreren' }));
    expect(onSubmit).toHaveBeenCalledWith({ date: '2025-01-01', from: ['GM0060', 'GM0096'], into: { code: 'GM9101', name: 'Wadden-Oost', province: 'Fryslân' } });
  });

  it("when the server refuses, then each of its problems stands at the field it names", () => {
    expect(
      fieldErrorsFromProblem(
        [
          { path: 'from.1', message: 'GM0096 is al per 2025-01-01 opgegaan in GM9101.' },
          { path: 'into.code', message: 'GM0546 bestaat al en heeft een eigen applicatielandschap; neem de gemeente op in "from" om de andere erin te laten opgaan.' },
          { path: 'into.province', message: 'Kies een van de mogelijkheden.' },
          { path: 'date', message: 'Een datum in de toekomst kan niet: een herindeling wordt geregistreerd vanaf haar datum.' },
        ],
        mergerFieldOf,
      ),
    ).toEqual({
      from: 'GM0096 is al per 2025-01-01 opgegaan in GM9101.',
      intoCode: 'GM0546 bestaat al en heeft een eigen applicatielandschap; neem de gemeente op in "from" om de andere erin te laten opgaan.',
      intoProvince: 'Kies een van de mogelijkheden.',
      date: 'Een datum in de toekomst kan niet: een herindeling wordt geregistreerd vanaf haar datum.',
    });
  });
});
