import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { ReportFontMetrics } from '@tm/shared/schemas/report';

/**
 * The app's own typefaces (the files the client serves, @fontsource): Noto Sans for text and charts, Noto Serif bold for
 * headings, as on the screens. Their Latin subset covers Dutch and English and every municipality's name.
 */
export type ReportFonts = { regular: Buffer; bold: Buffer; heading: Buffer };

export const CHART_FONT = { family: 'Noto Sans', size: 8 };

function fontFile(specifier: string): Buffer {
  return readFileSync(fileURLToPath(import.meta.resolve(specifier)));
}

let loaded: ReportFonts | undefined;

export function reportFonts(): ReportFonts {
  loaded ??= {
    regular: fontFile('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'),
    bold: fontFile('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'),
    heading: fontFile('@fontsource/noto-serif/files/noto-serif-latin-700-normal.woff'),
  };
  return loaded;
}

/** Latin, Latin-1 and Latin Extended-A, and the punctuation the words use. */
const MEASURED = [
  ...Array.from({ length: 0x17f - 0x20 + 1 }, (_, i) => String.fromCodePoint(0x20 + i)),
  ...'–—‘’“”•…€·▲▼●↕',
];

/** How wide each character of the chart font is, so the charts lay their labels out as the PDF will set them. */
export function chartFontMetrics(): ReportFontMetrics {
  const probe = new PDFDocument({ autoFirstPage: false });
  probe.font(reportFonts().regular).fontSize(1000);
  const advances: Record<string, number> = {};
  for (const char of MEASURED) advances[char] = probe.widthOfString(char);
  return { ...CHART_FONT, unitsPerEm: 1000, advances };
}
