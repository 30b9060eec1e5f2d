import { z } from 'zod';
import type { BlockingProductList } from './blocking-product.ts';
import type { Municipality } from './municipality.ts';
import { type MunicipalityProgress, type NationalProgress, progressQuerySchema } from './progress.ts';
import type { Settings } from './settings.ts';

export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The progress endpoints' query ("stand per" `knownAt` and `measure`), and the report's language. */
export const reportQuerySchema = progressQuerySchema.extend({
  /** Without it, the caller's Accept-Language (Dutch by default). */
  lang: z.enum(REPORT_LANGUAGES).optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/**
 * What the server hands the screens' own code to describe a report: the very answers the API gives for that moment,
 * so the report shows the figures the screens show, in their words and charts.
 */
export type ReportRequest = {
  language: ReportLanguage;
  settings: Settings;
  width: number;
  generatedAt: string;
  /**
   * A "stand per" moment was asked for. The API gives completeness, the plan and the top lists only as the inventory is
   * now, so a dated report leaves them out: the same date must give the same figures.
   */
  dated: boolean;
} & (
  /** The national report names the products that hold most municipalities back, as they are now (absent when dated). */
  | { kind: 'national'; progress: NationalProgress; blockingProducts?: BlockingProductList }
  | { kind: 'municipality'; progress: MunicipalityProgress; municipality: Municipality }
);

export type ReportFigure = { label: string; value: string; base?: string };
export type ReportColumn = { header: string; numeric?: boolean };

/** A report's content, top to bottom; the server sets it on pages. */
export type ReportBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'figures'; items: ReportFigure[] }
  /** A chart as SVG, drawn as vectors at `width` × `height` points. */
  | { kind: 'chart'; title: string; description?: string; svg: string; width: number; height: number }
  | { kind: 'table'; title: string; columns: ReportColumn[]; rows: string[][] };

export type ReportModel = {
  language: ReportLanguage;
  /** The product's name, above the title on every page. */
  product: string;
  title: string;
  subtitle?: string;
  /** Lines repeated at the top of every page: the "stand per" date and how fresh the data is. */
  running: string[];
  /** "Pagina {{page}} van {{pages}}", filled in per page. */
  pageLabel: string;
  /** When the report was made, at the foot of every page. */
  generated: string;
  blocks: ReportBlock[];
};

/** The fonts a report is set in: the app's own Noto Sans, which the charts are measured in too. */
export type ReportFontMetrics = { family: string; size: number; unitsPerEm: number; advances: Record<string, number> };

/** What the report worker is given: the request, and the font the PDF sets it in, to measure the charts' labels. */
export type ReportTask = { request: ReportRequest; font: ReportFontMetrics };
