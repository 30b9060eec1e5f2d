import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import { LRUCache } from 'lru-cache';
import { measureRevision } from '@tm/db/measure-revision';
import { todayIso } from '@tm/shared/dates';
import type { BoundedQueue } from '../../http/bounded-queue.ts';
import { freshSharedReads } from './fresh-shared-reads.ts';

const gzipAsync = promisify(gzip);
/**
 * An answer is packed on the first read after a write, so on its path: level 3 packs the national figures (114 KB)
 * to 17.6 KB in 0.6 ms, where the default level 6 takes 2.5 ms for 15.4 KB.
 */
const compress = (body: Buffer) => gzipAsync(body, { level: 3 });

type Answer = {
  revision: number;
  body: Buffer;
  etag: string;
  gzipped?: Promise<Buffer>;
};

/** Computes an answer over the connection it is given: the pool, or one transaction with a time limit. */
export type Computation = (db: Knex) => Promise<unknown>;

export type FiguresCache = {
  /**
   * Answers a dashboard read with what `compute` makes of it, reusing an earlier answer to the same question for as
   * long as no write has changed a figure since (the measure revision). `question` names the route and everything
   * the answer depends on besides the data and today's date: its validated (so normalised) parameters and query.
   * A computation `fromHistory` (figures as known at an earlier moment) waits for a place in the bounded queue and
   * runs in one transaction under the statement timeout of its class.
   */
  send(req: Request, res: Response, question: readonly unknown[], compute: Computation, options?: { fromHistory?: boolean }): Promise<void>;
  /**
   * The same for an answer that is a file already (a PDF report of the figures): made by `make` once, and handed out
   * again for as long as no write has changed a figure since.
   */
  file(question: readonly unknown[], make: () => Promise<Buffer>): Promise<Buffer>;
  /** The answer `send` would give, as a value: for what is made of the same figures (a report). */
  value<T>(question: readonly unknown[], compute: (db: Knex) => Promise<T>, options?: { fromHistory?: boolean }): Promise<T>;
};

export type HistoryReads = { queue: BoundedQueue; timeoutSeconds: number };

/**
 * Dashboard answers, kept per server process. Every read first asks the database for the revision, so a write
 * committed through any server is seen by the very next read through every server: the cache can be out of date
 * only in the sense that it holds answers nobody will be given again, which the size bound evicts. Reads arriving
 * together share that question, never one asked before they arrived.
 */
export function createFiguresCache(db: Knex, history: HistoryReads, { maxBytes = 64 * 2 ** 20 } = {}): FiguresCache {
  // An answer's gzipped copy is made later, on first demand; counting it as a third of the body keeps the bound honest.
  const answers = new LRUCache<string, Answer>({ maxSize: maxBytes, sizeCalculation: (a) => Math.ceil(a.body.length * 1.3) + 1 });
  // A read that misses while the same answer is being computed waits for it instead of computing it again.
  const computing = new Map<string, Promise<Answer>>();
  const currentRevision = freshSharedReads(() => measureRevision(db));

  // One connection per computation, for at most its class's time: a burst of them cannot take the whole pool, nor
  // hold the database for longer than that.
  const fromHistory = <T>(compute: (db: Knex) => Promise<T>) =>
    history.queue.run(() =>
      db.transaction(async (trx) => {
        await trx.raw(`set local statement_timeout = ${Math.round(history.timeoutSeconds * 1000)}`);
        return compute(trx);
      }),
    );

  const read = <T>(compute: (db: Knex) => Promise<T>, options: { fromHistory?: boolean } = {}) =>
    options.fromHistory ? fromHistory(compute) : compute(db);

  async function answerFor(key: string, revision: number, make: () => Promise<Buffer>): Promise<Answer> {
    const kept = answers.get(key);
    // A newer answer is fine too: it was computed after this read's revision was committed.
    if (kept && kept.revision >= revision) return kept;
    const flight = `${revision}\n${key}`;
    const running = computing.get(flight);
    if (running) return running;
    const made = (async () => {
      const body = await make();
      const answer: Answer = { revision, body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
      answers.set(key, answer);
      return answer;
    })().finally(() => computing.delete(flight));
    computing.set(flight, made);
    return made;
  }

  async function answerTo(question: readonly unknown[], make: () => Promise<Buffer>): Promise<Answer> {
    const revision = await currentRevision();
    return answerFor(JSON.stringify([...question, todayIso()]), revision, make);
  }

  const json = (compute: Computation, options: { fromHistory?: boolean }) => async () => Buffer.from(JSON.stringify(await read(compute, options)));

  return {
    async value<T>(question: readonly unknown[], compute: (db: Knex) => Promise<T>, options = {}) {
      return JSON.parse((await answerTo(question, json(compute, options))).body.toString('utf8')) as T;
    },
    async file(question, make) {
      return (await answerTo(question, make)).body;
    },
    async send(req, res, question, compute, options = {}) {
      const answer = await answerTo(question, json(compute, options));
      res.set({ 'Cache-Control': 'no-cache', ETag: answer.etag, Vary: 'Accept-Encoding', 'Content-Type': 'application/json; charset=utf-8' });
      if (req.fresh) {
        res.status(304).end();
        return;
      }
      if (req.acceptsEncodings('gzip', 'identity') === 'gzip') {
        answer.gzipped ??= compress(answer.body);
        const gzipped = await answer.gzipped;
        res.set({ 'Content-Encoding': 'gzip', 'Content-Length': String(gzipped.length) }).end(gzipped);
      } else res.set('Content-Length', String(answer.body.length)).end(answer.body);
    },
  };
}
