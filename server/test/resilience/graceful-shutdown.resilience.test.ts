/**
 * SIGTERM, as an orchestrator sends it before replacing an instance: new connections are refused, the request in
 * flight still gets its answer, then the process closes the database pool and exits cleanly.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server-process.ts';
import { EDITOR, prepareWithEditor } from './accounts.ts';
import { eventually } from './eventually.ts';
import { createPrivateCluster, type PrivateCluster } from './private-cluster.ts';

let cluster: PrivateCluster;
let server: ServerProcess;

beforeAll(async () => {
  cluster = await createPrivateCluster();
  await prepareWithEditor(cluster.url);
  server = await startServerProcess({ DATABASE_URL: cluster.url, LOG_LEVEL: 'info' });
});

afterAll(() => {
  if (server?.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  cluster?.destroy();
});

describe('stopping with SIGTERM', () => {
  it('when SIGTERM arrives while a request is in flight, then new connections are refused, that request is answered and the process exits with 0', async () => {
    const body = JSON.stringify({ email: EDITOR.email, password: EDITOR.password });
    // With Expect: 100-continue the server confirms it has taken the request before the body is sent: the body
    // goes only after SIGTERM, so the request is certainly in flight while the server stops.
    const req = request(`${server.url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
    });
    const answered = new Promise<number>((resolve, reject) => {
      req.once('response', (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode!));
      });
      req.once('error', reject);
    });
    await new Promise<void>((resolve) => req.once('continue', resolve));

    server.child.kill('SIGTERM');
    await eventually('the server to begin stopping', () => server.output().includes('"signal":"SIGTERM"'), { output: () => server.output() });
    await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();

    req.end(body);
    expect(await answered).toBe(201);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  });
});
