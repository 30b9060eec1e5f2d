import type { Knex } from 'knex';
import type { MunicipalityProgress, NationalProgress, NationalProgressQuery, ProgressQuery } from '@tm/shared/schemas/progress';
import * as service from './progress.service.ts';
import { readOptions } from './read-options.ts';

/** One question to the figures cache: its key, how to compute it, and whether that reads the history. */
export type FiguresQuestion<T> = { question: readonly unknown[]; compute: (db: Knex) => Promise<T>; options: { fromHistory: boolean } };

/**
 * The progress endpoints' answers, asked the same way by whoever asks (the endpoints, the reports), so that they are
 * one answer, computed once and kept once.
 */
export const progressAnswers = {
  national: (query: NationalProgressQuery): FiguresQuestion<NationalProgress> => ({
    question: ['national', query],
    compute: (db) => service.nationalProgress(db, readOptions(query), { province: query.province, sizeClass: query.sizeClass }),
    options: { fromHistory: query.knownAt !== undefined },
  }),
  municipality: (code: string, query: ProgressQuery): FiguresQuestion<MunicipalityProgress> => ({
    question: ['progress', code, query],
    compute: (db) => service.municipalityProgress(db, code, readOptions(query)),
    options: { fromHistory: query.knownAt !== undefined },
  }),
};
