import type { ReportFontMetrics } from '@tm/shared/schemas/report';

export type TextWidth = (text: string, size?: number) => number;

/** How wide a text is set in the report's font: from the advance of each glyph, as the PDF will draw it. */
export function textWidth(metrics: ReportFontMetrics): TextWidth {
  const fallback = metrics.advances.n ?? metrics.unitsPerEm / 2;
  return (text, size = metrics.size) => {
    let units = 0;
    for (const char of text) units += metrics.advances[char] ?? fallback;
    return (units / metrics.unitsPerEm) * size;
  };
}
