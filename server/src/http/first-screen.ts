/**
 * The client's index.html for every screen's URL, with the first screen inside its root element for the pages that
 * open the product: national, a municipality, its inventory (PRODUCT §8's first paint). Their heading, introduction
 * and headline figures paint before any JavaScript has loaded; the client replaces them when it starts. The figures
 * come from the figures cache, so this costs what the dashboard read that follows costs: one lookup of the measure
 * revision. Whatever goes wrong here, the page is sent without a first screen, as it was before.
 */
import { readFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { Knex } from 'knex';
import { type FirstScreen, firstScreenHtml } from '@tm/client/first-screen';
import { municipalityCodeSchema } from '@tm/shared/schemas/common';
import { progressQuerySchema } from '@tm/shared/schemas/progress';
import { getMunicipality } from '../modules/municipalities/municipalities.service.ts';
import type { FiguresCache } from '../modules/progress/figures-cache.ts';
import { progressAnswers } from '../modules/progress/progress-answers.ts';
import type { Logger } from './request-log.ts';

const ROOT = '<div id="root"></div>';
/** The figures the pages show when their URL asks for nothing else. */
const DEFAULT_QUERY = progressQuerySchema.parse({});

type Sources = { db: Knex; figures: FiguresCache };

/** The first screen of `path`, or undefined for a screen that paints nothing worth sending ahead. */
async function firstScreenOf(path: string, { db, figures }: Sources): Promise<FirstScreen | undefined> {
  if (path === '/') {
    const { question, compute, options } = progressAnswers.national(DEFAULT_QUERY);
    return { page: 'national', summary: (await figures.value(question, compute, options)).summary };
  }
  const [, code, rest] = /^\/gemeenten\/([^/]+)(\/inventaris)?\/?$/.exec(path) ?? [];
  if (!code || !municipalityCodeSchema.safeParse(code).success) return undefined;
  const municipality = await getMunicipality(db, code);
  if (rest) return { page: 'inventory', municipality };
  const { question, compute, options } = progressAnswers.municipality(code, DEFAULT_QUERY);
  return { page: 'municipality', municipality, summary: (await figures.value(question, compute, options)).summary };
}

export function firstScreenPages(indexFile: string, sources: Sources, logger: Logger): RequestHandler {
  const index = readFileSync(indexFile, 'utf8');
  if (!index.includes(ROOT)) throw new Error(`${indexFile} has no ${ROOT} to put the first screen in`);
  return async (req, res) => {
    // A URL with a query asks for other figures (another measure, an earlier date) than the first screen's.
    const screen = Object.keys(req.query).length > 0 ? undefined : await firstScreenOf(req.path, sources).catch((error: unknown) => {
      logger.debug({ err: error, path: req.path }, 'sent the page without its first screen');
      return undefined;
    });
    res
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(screen ? index.replace(ROOT, `<div id="root">${firstScreenHtml(screen)}</div>`) : index);
  };
}
