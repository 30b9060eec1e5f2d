import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../lib/csv.ts';
import { renderWithProviders } from '../../test/render.tsx';
import { DataTable, type Column } from './data-table.tsx';

type Row = { province: string; year: number; landscape: number; pace: number };
const rows: Row[] = [{ province: 'Zuid-Holland', year: 2026, landscape: 14253, pace: 4.25 }];
const columns: Column<Row>[] = [
  { header: 'Provincie', value: (r) => r.province },
  { header: 'Jaar', value: (r) => r.year },
  { header: 'Applicaties', value: (r) => r.landscape, numeric: true },
  { header: 'Tempo', value: (r) => r.pace, numeric: true },
];

describe('DataTable', () => {
  it('when a column holds figures, then they read the Dutch way while the CSV keeps them plain', () => {
    renderWithProviders(<DataTable caption="Per provincie" rows={rows} columns={columns} />);
    expect(screen.getAllByRole('row')[1]!.textContent).toBe('Zuid-Holland202614.2534,3');
    expect(toCsv(rows, columns)).toContain('Zuid-Holland;2026;14253;4.25');
  });
});
