import { describe, expect, it, vi } from 'vitest';
import { inTurn } from './in-turn.ts';

describe('inTurn', () => {
  it('when turns are asked for, then they come in that order, each in a task of its own', async () => {
    const ran: string[] = [];
    // How many turns had run once each turn's task had finished its microtasks: one more each time.
    const afterEach: number[] = [];
    for (const name of ['a', 'b', 'c'])
      inTurn(() => {
        ran.push(name);
        queueMicrotask(() => afterEach.push(ran.length));
      });
    expect(ran).toEqual([]);
    await vi.waitFor(() => expect(ran).toEqual(['a', 'b', 'c']));
    expect(afterEach).toEqual([1, 2, 3]);
  });

  it('when a turn is given up before it comes, then it never runs and the next one still does', async () => {
    const ran: string[] = [];
    const giveUp = inTurn(() => ran.push('gone'));
    inTurn(() => ran.push('kept'));
    giveUp();
    await vi.waitFor(() => expect(ran).toEqual(['kept']));
  });
});
