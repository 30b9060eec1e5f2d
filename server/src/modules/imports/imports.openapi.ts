import { z } from 'zod';
import {
  importParamsSchema,
  importProblemSchema,
  importQuerySchema,
  importReportSchema,
  importUndoParamsSchema,
  importUndoResultSchema,
} from '@tm/shared/schemas/import';
import { problemSchema } from '@tm/shared/schemas/problem';
import type { ApiDocs } from '../../http/openapi.ts';
import { XLSX_TYPE } from './spreadsheet-export.ts';

export function registerImportsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'post',
    path: '/municipalities/:code/imports',
    access: 'editors of this municipality',
    summary: "Import a spreadsheet or an ArchiMate exchange file into a municipality's inventory",
    description:
      'Multipart field `file`: XLSX, or CSV separated by `;`, `,` or tab (UTF-8 with or without BOM, or Windows-1252), at ' +
      'most 10 MB and 20,000 rows. Row 1 holds the column names, in Dutch or English, in any order; the GEMMA ' +
      "Softwarecatalogus' portfolio export is read as it is (its rows of one package version merge into one " +
      'application). A row matches an application by its `ID`, else by name and vendor. `mode=dry-run` (default) ' +
      'only reports; `mode=commit` writes every row in one transaction with history entries, or nothing at all (422 ' +
      'with the same report) when any row is wrong; with `invalid=skip` it writes every application whose rows have no ' +
      'error and reports the others (`skipped`). `changes` lists each application added or changed with its fields ' +
      'before and after; a commit that changed anything answers the `importId` that undoes it. Messages follow ' +
      '`Accept-Language` (Dutch unless English is asked for). Applications the file does not list are reported in `missing` and ' +
      'left alone, unless `missing=phase-out` marks them phased out today. Errors name the row as the spreadsheet ' +
      'shows it (header = row 1) and the column. A row with the `Laatst gewijzigd` moment an export wrote is refused ' +
      'when its application was changed since: the commit then writes nothing and answers 409 with the report. A file ' +
      'that would take more than 20,000 rows can need (unpacked size, cells, text, memory) is refused with 413, one ' +
      'that cannot be read in time with 422, each saying why. Each account imports one file at a time (429 with ' +
      '`Retry-After` while its previous one is still running). ' +
      'An ArchiMate 3.1 Model Exchange File (XML, from Archi, the Softwarecatalogus or our own `format=archimate` export) ' +
      'is read the same way: each `ApplicationComponent` is an application, its properties are read as columns of the ' +
      'same name, and its relationships to GEMMA reference components (matched by GEMMA identifier, else by name) give its ' +
      'reference components; errors then name the element (`element`, its identifier) instead of a row, and ' +
      '`ignoredElements` counts the element types that are neither. A file with a document type declaration (external ' +
      'entities, entity expansion) is a 400; one that breaks the exchange format (a relationship to a missing element, ' +
      'an unknown `xsi:type`) a 422 whose `errors` name each identifier concerned.',
    tags: ['Imports'],
    request: {
      params: importParamsSchema,
      query: importQuerySchema,
      body: {
        content: {
          'multipart/form-data': {
            schema: z.object({ file: z.string().meta({ format: 'binary', description: 'The .xlsx, .csv or ArchiMate .xml file' }) }),
          },
        },
      },
    },
    success: { 200: { description: 'What was (dry run: would be) created, updated and left unchanged, and every error', schema: importReportSchema } },
    problems: [400, 404, 409, 413, 415, 422, 429],
    // A failed commit's 409 or 422 carries the whole report; a file that cannot be read at all gets a plain problem.
    problemSchemas: { 409: importProblemSchema, 422: z.union([importProblemSchema, problemSchema]) },
  });

  docs.add({
    method: 'post',
    path: '/municipalities/:code/imports/:id/undo',
    access: 'editors of this municipality',
    summary: 'Undo a committed import as one step',
    description:
      'Deletes the applications the import added and sets the ones it changed back, through the same write path as ' +
      'every change (history entries, one audit entry). Refused with 409, naming them, once any of those applications ' +
      'has been changed or deleted since the import, and when the import was already undone.',
    tags: ['Imports'],
    request: { params: importUndoParamsSchema },
    success: { 200: { description: 'How many applications were deleted and set back', schema: importUndoResultSchema } },
    problems: [400, 404, 409],
  });

  docs.add({
    method: 'get',
    path: '/import-template',
    summary: 'An empty import spreadsheet with the columns, lists of allowed values and an example row',
    description: 'XLSX with Dutch column names; layer, status and lifecycle are drop-down lists, reference components a list of the GEMMA names.',
    tags: ['Imports'],
    success: { 200: { description: 'The template', contentType: XLSX_TYPE, schema: z.string().meta({ format: 'binary' }) } },
  });
}
