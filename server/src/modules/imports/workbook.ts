import type ExcelJS from 'exceljs';

/**
 * exceljs takes about as long to load as the rest of the server together, and only imports and exports need it:
 * loading it on first use keeps it out of every start.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
