import { describe, expect, it } from 'vitest';
import { message } from '@tm/shared/messages/messages';
import { AppError } from './app-error.ts';
import { boundedQueue } from './bounded-queue.ts';

const BUSY = message('http.historyReadsBusy');

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('bounded queue', () => {
  it('when more work comes than may run and wait, then the rest is refused at once with 503 and Retry-After', async () => {
    const queue = boundedQueue({ concurrency: 2, waiting: 1, retryAfterSeconds: 7, busy: BUSY });
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) => queue.run(async () => {
      started.push(i);
      await g.opened;
      return i;
    }));
    await Promise.resolve();
    expect([queue.running, queue.waiting]).toEqual([2, 1]);
    const refused = await queue.run(async () => 'never').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 503, detail: BUSY, headers: { 'Retry-After': '7' } });
    expect(started).toEqual([0, 1]);

    gates[0]!.open();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    // A place is free again for the next one in line.
    const next = queue.run(async () => 'next');
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all([...runs, next])).toEqual([0, 1, 2, 'next']);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it('when work fails, then its place is given back', async () => {
    const queue = boundedQueue({ concurrency: 1, waiting: 0, retryAfterSeconds: 1, busy: BUSY });
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await queue.run(async () => 'after')).toBe('after');
  });
});
