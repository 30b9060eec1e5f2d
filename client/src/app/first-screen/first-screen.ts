/**
 * The first screen as the server sends it inside index.html, so that the page paints its title and headline figures
 * before any JavaScript has loaded (PRODUCT §8: LCP under 2 s, Lighthouse ≥ 95). Made of the screens' own
 * components, classes, words and figures: the frame's header, the page's heading and introduction, and the share and
 * target cards, with the figures the server already keeps. No charts (they need a browser). The client replaces all
 * of it when it starts (`start.ts`, `main.tsx`). The server renders it with `renderToStaticMarkup`
 * (`server/src/http/first-screen.ts`); written without JSX because the server also runs from its TypeScript sources,
 * whose JSX settings are not the client's.
 */
import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Heading1, Link, Page, PageContent, PageHeader, Paragraph } from '@utrecht/component-library-react';
import type { Language } from '@tm/shared/messages/languages';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { municipalityFacts } from '../../features/municipalities/lib/municipality-facts.ts';
import { commonFigures, type Summary, type Words } from '../../features/progress/report/headline-figures.ts';
import { reportI18n } from '../../features/progress/report/report-i18n.ts';
import { formatters } from '../../lib/format.ts';

export type FirstScreen =
  | { page: 'national'; summary: Summary }
  | { page: 'municipality'; municipality: Municipality; summary: Summary }
  | { page: 'inventory'; municipality: Municipality };

/**
 * The frame of `root-layout.tsx` as it paints first: the brand (a library link, as `AppLink` draws it), then the page's
 * content in `<main>`.
 */
function frame({ t }: Words, content: ReactNode[]) {
  return h(
    'div',
    // Marks the first screen until the client replaces it: the browser journeys wait for that before they look.
    { 'data-first-screen': '' },
    h(
      Page,
      { className: 'tm-page' },
      h(PageHeader, { className: 'tm-header' }, h('div', { className: 'tm-header__top' }, h(Link, { href: '/', className: 'tm-header__brand' }, t('app.name')))),
      h(PageContent, null, h('main', { id: 'main', tabIndex: -1, className: 'tm-main' }, ...content)),
    ),
  );
}

/** The share and target cards, in the markup of `components/ui/kpi.tsx`. */
function headline(summary: Summary, words: Words) {
  return h(
    'ul',
    { className: 'tm-kpis', key: 'kpis' },
    commonFigures(summary, false, words).map((figure) =>
      h(
        'li',
        { className: 'tm-kpi', key: figure.label },
        h('p', { className: 'tm-kpi__label' }, figure.label),
        h('div', { className: 'tm-kpi__value' }, figure.value),
        figure.base ? h('p', { className: 'tm-kpi__base' }, figure.base) : null,
      ),
    ),
  );
}

function content(screen: FirstScreen, words: Words): ReactNode[] {
  const { t } = words;
  const title = (text: string) => h(Heading1, { key: 'title' }, text);
  const intro = (text: string) => h(Paragraph, { key: 'intro' }, text);
  switch (screen.page) {
    case 'national':
      return [title(t('app.nav.national')), intro(t('national.intro')), headline(screen.summary, words)];
    case 'municipality':
      return [title(screen.municipality.name), intro(municipalityFacts(screen.municipality, words)), headline(screen.summary, words)];
    case 'inventory':
      return [title(t('inventory.title', { name: screen.municipality.name })), intro(t('inventoryIntro.reader', { name: screen.municipality.name }))];
  }
}

/** The markup that goes inside index.html's root element. */
export function firstScreenHtml(screen: FirstScreen, language: Language = 'nl'): string {
  const words = { t: reportI18n(language).t, f: formatters(language) };
  return renderToStaticMarkup(frame(words, content(screen, words)));
}
