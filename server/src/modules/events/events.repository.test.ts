/**
 * The feed's one promise that concurrency could break: a reader paging on by position never skips an event, however
 * transactions interleave. On the PostgreSQL server (DATABASE_URL) the writers really run side by side.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@tm/shared/schemas/settings';
import { useTestApp } from '../../../test/harness.ts';
import { listAfter, recordEvent, recordEvents } from './events.repository.ts';

const { db } = useTestApp();

class RolledBack extends Error {}

async function lastPosition(): Promise<number> {
  const row = await db()('feed_positions').first('last');
  return Number(row!.last);
}

describe('event positions', () => {
  it('when writers commit and roll back side by side while a reader pages on, then the reader gets every committed event once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ before: fc.nat(8), held: fc.nat(12), events: fc.integer({ min: 1, max: 3 }), rollBack: fc.boolean() }), {
          minLength: 4,
          maxLength: 16,
        }),
        async (writers) => {
          const start = await lastPosition();
          const run = randomUUID();
          const committed: string[] = [];
          let writing = true;
          const seen: { position: number; id: string }[] = [];
          const reader = (async () => {
            let cursor = start;
            for (;;) {
              const done = !writing;
              const page = await listAfter(db(), { after: cursor, limit: 3 });
              seen.push(...page.map((e) => ({ position: e.position, id: e.id })));
              cursor = page.at(-1)?.position ?? cursor;
              if (page.length === 0 && done) return;
              if (page.length === 0) await sleep(1);
            }
          })();
          await Promise.all(
            writers.map(async (w, n) => {
              await sleep(w.before);
              try {
                await db().transaction(async (trx) => {
                  await recordEvents(trx, Array.from({ length: w.events }, () => ({ name: 'settings.updated' as const, subject: `${run}/${n}`, municipalityCode: null, data: DEFAULT_SETTINGS })));
                  // Still uncommitted: a later writer must not become visible before this one.
                  await sleep(w.held);
                  if (w.rollBack) throw new RolledBack();
                });
                committed.push(`${run}/${n}`);
              } catch (error) {
                if (!(error instanceof RolledBack)) throw error;
              }
            }),
          );
          writing = false;
          await reader;
          const mine = await listAfter(db(), { after: start, limit: 1000 });
          // An event that became visible behind the reader's cursor would be missing here.
          expect(seen, 'the reader skipped an event').toEqual(mine.map((e) => ({ position: e.position, id: e.id })));
          const expected = writers.reduce((sum, w) => sum + (w.rollBack ? 0 : w.events), 0);
          expect(mine.map((e) => e.position)).toEqual(Array.from({ length: expected }, (_e, i) => start + 1 + i));
          expect(new Set(mine.map((e) => e.subject))).toEqual(new Set(committed));
          // Rolled-back writers took their positions back with them.
          expect(await lastPosition()).toBe(start + expected);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('when one change records several events, then they are contiguous and in the order given', async () => {
    const start = await lastPosition();
    await db().transaction((trx) =>
      recordEvents(trx, ['a', 'b', 'c'].map((s) => ({ name: 'settings.updated' as const, subject: s, municipalityCode: null, data: DEFAULT_SETTINGS }))),
    );
    await db().transaction((trx) => recordEvent(trx, 'settings.updated', { subject: 'd', municipalityCode: null, data: DEFAULT_SETTINGS }));
    const events = await listAfter(db(), { after: start, limit: 10 });
    expect(events.map((e) => [e.position - start, e.subject])).toEqual([[1, 'a'], [2, 'b'], [3, 'c'], [4, 'd']]);
  });

  it('when anyone tries to change or remove an event, then the database refuses', async () => {
    await db().transaction((trx) => recordEvent(trx, 'settings.updated', { subject: 'x', municipalityCode: null, data: DEFAULT_SETTINGS }));
    await expect(db()('feed_events').update({ subject: 'y' })).rejects.toThrow(/append-only/);
    await expect(db()('feed_events').delete()).rejects.toThrow(/append-only/);
  });
});
