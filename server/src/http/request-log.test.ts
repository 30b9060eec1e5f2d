import { Writable } from 'node:stream';
import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { errorHandler } from './problem.ts';
import { requestId } from './request-id.ts';
import { createDb } from '@tm/db/connection';
import { createLogger, databaseLog, requestLog } from './request-log.ts';

type Line = Record<string, unknown> & { level: string; msg: string; reqId?: string; req?: { method: string; path: string }; res?: { status: number }; err?: { stack: string } };

function captured() {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

const log = captured();
const { api, signIn, createAccount } = useTestApp(() => ({ logger: log.logger }));

describe('the request log', () => {
  it('when requests are answered, then each gets one JSON line with its request id, and no cookie, token or query ends up in the log', async () => {
    const editor = await signIn({ role: 'editor', municipalityCodes: ['GM0546'] });
    log.lines.length = 0;
    await api().get('/api/v1/health').set('X-Request-Id', 'trace-me-1').expect(200);
    const res = await editor.agent.get('/api/v1/municipalities/GM0546/applications?q=secret-query').set('Authorization', 'Bearer tm_secret-token');
    const lines = log.lines.filter((l) => l.msg === 'request completed');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'info', reqId: 'trace-me-1', req: { method: 'GET', path: '/api/v1/health' }, res: { status: 200 } });
    expect(lines[1]!.reqId).toBe(res.headers['x-request-id']);
    expect(lines[1]!.req).toEqual({ method: 'GET', path: '/api/v1/municipalities/GM0546/applications' });
    const text = JSON.stringify(log.lines);
    expect(text).not.toMatch(/secret-query|tm_secret-token|tm_session|cookie|csrf/i);
    expect(text).not.toContain(editor.csrfToken);
  });

  it('when a known caller is refused (403) or turned away (429), then the line names the account and the address', async () => {
    const viewer = await signIn({ role: 'viewer' });
    log.lines.length = 0;
    await viewer.agent.post('/api/v1/municipalities/GM0546/applications').send({ name: 'Mag niet' }).expect(403);
    await viewer.agent.get('/api/v1/municipalities/GM0546/applications').expect(200);
    const [refused, answered] = log.lines.filter((l) => l.msg === 'request completed');
    expect(refused).toMatchObject({ res: { status: 403 }, userId: viewer.userId, clientAddress: expect.stringMatching(/127\.0\.0\.1|::1/) });
    expect(answered).toMatchObject({ res: { status: 200 }, userId: viewer.userId });
    expect(answered!.clientAddress).toBeUndefined();

    const account = await createAccount({ role: 'viewer' });
    for (let i = 0; i < 6; i++) await api().post('/api/v1/sessions').set('X-Forwarded-For', '10.7.7.7').send({ email: account.email, password: 'fout' });
    expect(log.lines.filter((l) => l.msg === 'request completed').at(-1)).toMatchObject({ res: { status: 429 }, clientAddress: '10.7.7.7' });
  });

  it('when a handler fails unexpectedly, then the line of that request is an error with the stack, and the caller sees none of it', async () => {
    const { lines, logger } = captured();
    const app = express().use(requestId, requestLog(logger));
    app.get('/fails', () => {
      throw new Error('the disk is on fire');
    });
    app.use(errorHandler);
    const res = await supertest(app).get('/fails').expect(500);
    expect(res.text).not.toContain('disk');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', reqId: res.headers['x-request-id'], res: { status: 500 } });
    expect(lines[0]!.err!.stack).toMatch(/the disk is on fire\n\s+at /);
  });

  it('when knex itself warns (a pool waiting for a connection, say), then that is a structured line, not console output', async () => {
    const { lines, logger } = captured();
    const db = createDb({ kind: 'embedded', dataDir: null }, databaseLog(logger));
    try {
      (db.client as { logger: { warn: (message: string) => void } }).logger.warn('Timeout acquiring a connection. The pool is probably full.');
    } finally {
      await db.destroy();
    }
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', source: 'knex', msg: 'database', detail: 'Timeout acquiring a connection. The pool is probably full.' })]);
  });
});
