import { describe, expect, it } from 'vitest';
import { message } from '@tm/shared/messages/messages';
import { oneAtATime } from './one-at-a-time.ts';

const BUSY = message('imports.busy');

describe('one at a time', () => {
  it('when work for a key is running, then more for that key is refused with 429, other keys are not, and the key is free once the work ends, failed or not', async () => {
    const guard = oneAtATime(BUSY);
    let finish!: () => void;
    const first = guard.run('a', () => new Promise<string>((resolve) => (finish = () => resolve('first'))));
    await expect(guard.run('a', async () => 'second')).rejects.toMatchObject({ status: 429, detail: BUSY, headers: { 'Retry-After': '5' } });
    expect(await guard.run('b', async () => 'other')).toBe('other');
    finish();
    expect(await first).toBe('first');
    await expect(guard.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await guard.run('a', async () => 'again')).toBe('again');
  });
});
