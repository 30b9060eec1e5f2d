import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshSharedReads } from './fresh-shared-reads.ts';

/** A read of a counter that writes may raise at any moment; each read is answered when the test says so. */
function counterReads() {
  let committed = 0;
  const pending: { value: number; answer: (v: number) => void }[] = [];
  return {
    write: () => void committed++,
    sent: () => pending.length,
    answerOldest: () => {
      const oldest = pending.shift()!;
      oldest.answer(oldest.value);
    },
    // The value is what was committed when the read was sent: a read sees the writes committed before it.
    read: () => new Promise<number>((answer) => pending.push({ value: committed, answer })),
    get committed() {
      return committed;
    },
  };
}

const settle = () => new Promise((done) => setImmediate(done));

describe('revision reads shared between concurrent callers', () => {
  it('when callers arrive while a read is under way, then they share the one read sent after it', async () => {
    const db = counterReads();
    const read = freshSharedReads(db.read);
    const first = read();
    const second = read();
    const third = read();
    expect(db.sent()).toBe(1);
    db.answerOldest();
    await settle();
    expect(db.sent()).toBe(1);
    db.answerOldest();
    expect(await Promise.all([first, second, third])).toEqual([0, 0, 0]);
  });

  it('whatever the order of calls, writes and answers, then every caller sees every write committed before it called', async () => {
    type Step = 'call' | 'write' | 'answer';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom<Step>('call', 'write', 'answer'), { maxLength: 60 }), async (steps) => {
        const db = counterReads();
        const read = freshSharedReads(db.read);
        const calls: { committedAtCall: number; answer: Promise<number> }[] = [];
        for (const step of steps) {
          if (step === 'call') calls.push({ committedAtCall: db.committed, answer: read() });
          if (step === 'write') db.write();
          if (step === 'answer' && db.sent() > 0) db.answerOldest();
          await settle();
        }
        while (db.sent() > 0) {
          db.answerOldest();
          await settle();
        }
        for (const call of calls) expect(await call.answer).toBeGreaterThanOrEqual(call.committedAtCall);
        expect(db.sent()).toBe(0);
      }),
    );
  });
});
