import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '@tm/shared/schemas/import';
import type { Problem } from '@tm/shared/schemas/problem';
import { ApiError } from '../../../lib/api.ts';
import { importReport } from '../../../test/fixtures/import-report.ts';
import { renderWithProviders } from '../../../test/render.tsx';
import { ChooseFileStep } from './choose-file-step.tsx';
import { ImportProblem } from './import-problem.tsx';
import { ReportStep } from './report-step.tsx';

const dryRun = importReport({ rows: 3, applications: 3, created: 2, updated: 1, defaultedToLegacy: 2, ignoredColumns: ['Kleur'] });

function renderReport(report: ImportReport, onlyValid = false) {
  const handlers = { onPhaseOutMissing: vi.fn(), onOnlyValid: vi.fn(), onCommit: vi.fn(), onChooseAgain: vi.fn() };
  renderWithProviders(<ReportStep fileName="inventaris.csv" report={report} phaseOutMissing={false} onlyValid={onlyValid} busy={false} {...handlers} />);
  return handlers;
}

/** The report's figures as the user reads them: label → number. */
function shownCounts(): Record<string, string | null | undefined> {
  const list = screen.getByLabelText('Uitkomst van de controle');
  return Object.fromEntries([...list.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
}

describe('step 2: the dry run report', () => {
  it('when the file has errors, then each shows with its row and column, and importing is impossible', () => {
    const handlers = renderReport({
      ...dryRun,
      errors: [
        { row: 3, column: 'Status', message: 'Onbekende waarde "onzin"; kies Legacy, In transitie of Common Ground.' },
        { row: 3, column: null, message: 'Vul dit veld in.' },
        { row: 5, column: 'Naam', message: 'Vul dit veld in.' },
      ],
    });
    expect(screen.getByText('3 fouten in 2 rijen.', { exact: false })).toBeTruthy();
    const table = screen.getByRole('table', { name: /Fouten per rij/ });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['3', 'Status', 'Onbekende waarde "onzin"; kies Legacy, In transitie of Common Ground.'],
      ['3', '(hele rij)', 'Vul dit veld in.'],
      ['5', 'Naam', 'Vul dit veld in.'],
    ]);
    // The server writes the report in the interface's language: no cell is marked as another one.
    expect(within(table).getByText(/Onbekende waarde/).getAttribute('lang')).toBeNull();

    const commit = screen.getByRole('button', { name: 'Importeren' }) as HTMLButtonElement;
    expect(commit.disabled).toBe(true);
    expect(commit.getAttribute('aria-describedby')).toBe('import-commit-hint');
    expect(document.getElementById('import-commit-hint')?.textContent).toBe('Alles of niets: importeren kan pas als het bestand geen fouten meer heeft.');
    fireEvent.click(screen.getByRole('button', { name: 'Ander bestand kiezen' }));
    expect(handlers.onChooseAgain).toHaveBeenCalledTimes(1);
  });

  it('when an ArchiMate file has errors, then each shows with its element and property, and the element types not read are named', () => {
    renderReport({
      ...dryRun,
      ignoredElements: [{ type: 'BusinessActor', count: 2 }],
      errors: [
        { element: 'id-burgerzaken', column: 'Status', message: 'Unknown value "Half af"' },
        { element: 'id-burgerzaken', column: null, message: 'Required' },
        { element: 'id-zaken', column: 'Naam', message: 'Required' },
      ],
    });
    expect(screen.getByText('3 fouten in 2 elementen.', { exact: false })).toBeTruthy();
    expect(screen.getByText('Deze elementen zijn geen applicatie of referentiecomponent en worden niet gelezen: BusinessActor (2).')).toBeTruthy();
    const table = screen.getByRole('table', { name: /Fouten per element/ });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Element', 'Eigenschap', 'Melding']);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['id-burgerzaken', 'Status', 'Unknown value "Half af"'],
      ['id-burgerzaken', '(hele element)', 'Required'],
      ['id-zaken', 'Naam', 'Required'],
    ]);
  });

  it('when the file is clean, then the counts say what would change and importing is one click', () => {
    const handlers = renderReport(dryRun);
    expect(shownCounts()).toEqual({
      'Rijen gelezen': '3',
      'Nieuw toe te voegen': '2',
      'Te wijzigen': '1',
      Ongewijzigd: '0',
      'Zonder status: komen binnen als legacy': '2',
    });
    expect(screen.getByText('Geen fouten gevonden.')).toBeTruthy();
    expect(screen.getByText('Deze kolommen worden niet gelezen: Kleur.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Importeren' }));
    expect(handlers.onCommit).toHaveBeenCalledTimes(1);
  });

  it('when the inventory holds applications the file lacks, then they are listed and can be phased out on commit', () => {
    const missing = [{ id: crypto.randomUUID(), name: 'Oud zaaksysteem', vendor: 'Leverancier A' }];
    const handlers = renderReport({ ...dryRun, created: 0, updated: 0, unchanged: 3, missing });
    expect(screen.getByText('Oud zaaksysteem (Leverancier A)')).toBeTruthy();
    expect(screen.getByText('Dit bestand verandert niets aan de inventaris.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Importeren' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Markeer deze applicatie per vandaag als uitgefaseerd'));
    expect(handlers.onPhaseOutMissing).toHaveBeenCalledWith(true);
  });
});

describe('step 2: what changes, and what to do about errors', () => {
  const changes: ImportReport['changes'] = [
    {
      action: 'updated',
      id: crypto.randomUUID(),
      name: 'Zaaksysteem',
      rows: [2],
      fields: [
        { field: 'status', before: 'legacy', after: 'compliant' },
        { field: 'annualCost', before: 1000, after: 1500 },
      ],
    },
    { action: 'created', id: crypto.randomUUID(), name: 'Portaal', rows: [3, 4], fields: [{ field: 'referenceComponents', before: null, after: ['Zaakregistratiecomponent'] }] },
  ];

  it('when the file adds and changes applications, then each shows with its rows and every field before → after', () => {
    renderReport({ ...dryRun, changes });
    const table = screen.getByRole('table', { name: /voor → na/ });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s/g, ' ')));
    expect(rows).toEqual([
      ['2', 'Zaaksysteem', 'Gewijzigd', 'Status: Legacy → Common Ground; Kosten per jaar (EUR): € 1.000 → € 1.500'],
      ['3, 4', 'Portaal', 'Nieuw', 'Referentiecomponenten: Zaakregistratiecomponent'],
    ]);
  });

  it('when the file has errors, then the reader may choose to import only the valid rows, named as such', () => {
    const report = { ...dryRun, changes, skipped: 1, errors: [{ row: 5, column: 'Status', message: 'Onbekende waarde "Oud"' }] };
    const handlers = renderReport(report);
    expect((screen.getByRole('radio', { name: /Alles of niets/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'Alleen de applicaties zonder fouten importeren (1 applicatie met fouten blijft buiten)' }));
    expect(handlers.onOnlyValid).toHaveBeenCalledWith(true);
  });

  it('when only the valid rows are chosen, then the button says so and may be pressed', () => {
    const report = { ...dryRun, skipped: 1, errors: [{ row: 5, column: 'Status', message: 'Onbekende waarde "Oud"' }] };
    const handlers = renderReport(report, true);
    fireEvent.click(screen.getByRole('button', { name: 'Alleen de goede rijen importeren' }));
    expect(handlers.onCommit).toHaveBeenCalledTimes(1);
  });
});

describe('step 1: choosing the file', () => {
  it('when no file is chosen, then checking waits for one; a chosen file is named and handed on', () => {
    const onChoose = vi.fn();
    const onCheck = vi.fn();
    const { rerender } = renderWithProviders(<ChooseFileStep file={null} busy={false} onChoose={onChoose} onCheck={onCheck} />);
    expect((screen.getByRole('button', { name: 'Controleren' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('link', { name: 'Download het importsjabloon (XLSX)' }).getAttribute('href')).toBe('/api/v1/import-template');

    const file = new File(['Naam;Leverancier\nZaaksysteem;A\n'], 'inventaris.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Bestand'), { target: { files: [file] } });
    expect(onChoose).toHaveBeenCalledWith(file);

    rerender(<ChooseFileStep file={file} busy={false} onChoose={onChoose} onCheck={onCheck} />);
    expect(screen.getByText(/^Gekozen: inventaris\.csv/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Controleren' }));
    expect(onCheck).toHaveBeenCalledTimes(1);
  });
});

describe('a file the server cannot take', () => {
  it.each([
    [413, 'Het bestand is te groot.'],
    [415, 'Dit soort bestand kan niet worden ingelezen.'],
    [400, 'Het bestand kon niet worden verstuurd.'],
    [422, 'Het bestand kon niet worden ingelezen.'],
  ])('when the server answers %i, then the alert says so in Dutch and gives its explanation', (status, dutch) => {
    const detail = 'This is an old Excel 97-2003 (.xls) file';
    renderWithProviders(<ImportProblem error={new ApiError({ type: 'about:blank', title: 'x', status, detail }, 'en')} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(dutch);
    expect(within(alert).getByText(detail).getAttribute('lang')).toBe('en');
  });

  it('when an exchange file breaks the format, then the alert lists each identifier concerned', () => {
    const errors = [
      { path: 'id-r1', message: 'The relationship "id-r1" has the target "id-weg", which is no element or relationship of the file' },
      { path: 'id-x', message: 'The element "id-x" has the type "Toverstaf", which is not an ArchiMate 3.1 element type' },
    ];
    renderWithProviders(<ImportProblem error={new ApiError({ type: 'about:blank', title: 'x', status: 422, detail: 'The exchange file breaks the exchange format in 2 places; nothing was read', errors })} />);
    const items = within(screen.getByRole('alert')).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(errors.map((e) => `${e.path}: ${e.message}`));
  });

  it.each([
    [409, 'Er is niets geïmporteerd: iemand anders heeft applicaties uit dit bestand gewijzigd'],
    [422, 'Er is niets geïmporteerd: het bestand heeft nu fouten.'],
  ])('when a commit is refused with %i and its report, then the alert says why in plain words', (status, dutch) => {
    const report = importReport({ mode: 'commit', errors: [{ row: 2, column: 'Naam', message: 'Vul dit veld in.' }] });
    renderWithProviders(<ImportProblem error={new ApiError({ type: 'about:blank', title: 'x', status, detail: 'Er is niets geïmporteerd.', ...report } as unknown as Problem)} />);
    expect(screen.getByRole('alert').textContent).toContain(dutch);
  });

  it.each([
    [409, 'Dit kan niet meer: iemand heeft intussen iets gewijzigd.'],
    [429, 'Uw vorige import is nog bezig.'],
  ])('when the server answers %i without a report, then the alert says what to do', (status, dutch) => {
    renderWithProviders(<ImportProblem error={new ApiError({ type: 'about:blank', title: 'x', status, detail: 'Toelichting' }, 'nl')} />);
    expect(screen.getByRole('alert').textContent).toContain(dutch);
  });

  it('when the connection drops, then it says to check the connection', () => {
    renderWithProviders(<ImportProblem error={new TypeError('Network error')} />);
    expect(screen.getByRole('alert').textContent).toContain('De verbinding met de server is verbroken.');
  });
});
