/**
 * What one hostile caller can do to everyone else (security review, round two), against the server in its own
 * process on a national-scale database: a burst of anonymous reads of figures as known at distinct moments, and
 * spreadsheets that unpack huge; each alone, and together. Throughout, the health check is asked every 100 ms and
 * must answer within a second; afterwards the server is alive and answers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server-process.ts';
import { xlsxRowBomb } from '../spreadsheets.ts';
import { EDITOR, logIn, prepareWithEditor, SECOND_EDITOR, type Session } from './accounts.ts';
import { createPrivateCluster, type PrivateCluster } from './private-cluster.ts';

const HEALTH_BUDGET_MS = 1_000;

let cluster: PrivateCluster;
let server: ServerProcess;
let sessions: Session[];
let bombs: { repeatsPastTheLimit: Buffer; unpacksHuge: Buffer };

beforeAll(async () => {
  cluster = await createPrivateCluster();
  await prepareWithEditor(cluster.url, [EDITOR, SECOND_EDITOR]);
  // The demo landscape: 342 municipalities, ~100,000 applications and ~400,000 history events, as in the review.
  server = await startServerProcess({ DATABASE_URL: cluster.url, DEMO_DATA: 'true' });
  sessions = [await logIn(server.url, EDITOR), await logIn(server.url, SECOND_EDITOR)];
  bombs = { repeatsPastTheLimit: await xlsxRowBomb(150_000), unpacksHuge: await xlsxRowBomb(450_000) };
}, 900_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  cluster?.destroy();
});

type HealthWatch = { stop: () => Promise<{ checks: number; slowest: number; failures: string[] }> };

/** Asks the health check every 100 ms until stopped: how many answers, the slowest, and any that failed or were late. */
function watchHealth(): HealthWatch {
  let running = true;
  let checks = 0;
  let slowest = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      const outcome = await fetch(`${server.url}/api/v1/health`, { signal: AbortSignal.timeout(10_000) }).then(
        (res) => String(res.status),
        (error: unknown) => `no answer (${String((error as Error).cause ?? error)})`,
      );
      const took = Date.now() - started;
      checks += 1;
      slowest = Math.max(slowest, took);
      if (outcome !== '200' || took >= HEALTH_BUDGET_MS) failures.push(`${outcome} after ${took} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { checks, slowest, failures };
    },
  };
}

/** Distinct moments over the years of the history, each a new computation from the raw history. */
function distinctMoments(count: number, offset: number): string[] {
  const start = Date.parse('2019-06-01T00:00:00Z');
  const span = Date.now() - 86_400_000 - start;
  return Array.from({ length: count }, (_, i) => new Date(start + Math.floor((span * (i + offset)) / (count + offset + 1)) + i * 7_919).toISOString());
}

/**
 * Anonymous reads at distinct moments: half from one address, half as if from many (the proxy on this host passes
 * on any X-Forwarded-For, as a distributed attacker's would differ), plus signed-in reads of every peer.
 */
async function knownAtBurst(offset: number): Promise<number[]> {
  const moments = distinctMoments(48, offset);
  const reads = moments.map((knownAt, i) => {
    const headers: Record<string, string> = i % 2 === 0 ? {} : { 'x-forwarded-for': `198.51.100.${i}` };
    if (i % 8 === 7) headers.cookie = sessions[0]!.cookie;
    const path = i % 8 === 7 ? '/api/v1/municipalities/GM0546/peers' : '/api/v1/progress/national';
    const query = new URLSearchParams({ knownAt, ...(i % 8 === 7 ? { group: 'all' } : {}) });
    return fetch(`${server.url}${path}?${query}`, { headers, signal: AbortSignal.timeout(120_000) }).then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    });
  });
  return Promise.all(reads);
}

async function importFile(session: Session, file: Buffer): Promise<{ status: number; detail?: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'inventaris.xlsx');
  const res = await fetch(`${server.url}/api/v1/municipalities/GM0546/imports?mode=dry-run`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: form,
    signal: AbortSignal.timeout(120_000),
  });
  const body = (await res.json()) as { detail?: string };
  return { status: res.status, ...(body.detail ? { detail: body.detail } : {}) };
}

function peakMemoryMb(): number {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024);
}

async function stillServing(): Promise<void> {
  expect(server.child.exitCode, server.output()).toBeNull();
  expect((await fetch(`${server.url}/api/v1/progress/national`)).status).toBe(200);
}

function tally(statuses: number[]): Record<number, number> {
  return statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});
}

describe('one caller against everyone else', () => {
  it('when a burst of anonymous reads asks for figures as known at distinct moments, then the health check answers within a second throughout and the server goes on', async () => {
    const health = watchHealth();
    const started = Date.now();
    const statuses = await knownAtBurst(0);
    const took = Date.now() - started;
    const watched = await health.stop();
    console.info(`knownAt burst: ${statuses.length} reads in ${took} ms, answers ${JSON.stringify(tally(statuses))}; health: ${watched.checks} checks, slowest ${watched.slowest} ms; peak memory ${peakMemoryMb()} MB`);
    expect(statuses.every((s) => [200, 429, 503].includes(s)), JSON.stringify(tally(statuses))).toBe(true);
    // Some are computed; the line refuses what it cannot take; the one address is limited.
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    expect(statuses).toContain(429);
    expect(watched.failures).toEqual([]);
    await stillServing();
  });

  it('when row bombs are uploaded, one at a time and two at once, then each is refused with 413 saying why, the health check answers within a second and the server goes on', async () => {
    const health = watchHealth();
    const one = await importFile(sessions[0]!, bombs.repeatsPastTheLimit);
    const other = await importFile(sessions[0]!, bombs.unpacksHuge);
    const together = await Promise.all([importFile(sessions[0]!, bombs.repeatsPastTheLimit), importFile(sessions[1]!, bombs.repeatsPastTheLimit)]);
    const watched = await health.stop();
    console.info(`row bombs (${bombs.repeatsPastTheLimit.length} and ${bombs.unpacksHuge.length} bytes): ${JSON.stringify([one, other, ...together].map((r) => r.status))}; health: ${watched.checks} checks, slowest ${watched.slowest} ms; peak memory ${peakMemoryMb()} MB`);
    expect(one).toEqual({ status: 413, detail: 'Het bestand heeft meer dan 20.000 rijen; importeer er ten hoogste zoveel tegelijk.' });
    expect(other).toEqual({ status: 413, detail: 'Dit XLSX-bestand pakt uit tot veel meer gegevens dan een spreadsheet van 20.000 rijen bevat.' });
    expect(together).toEqual([one, one]);
    expect(watched.failures).toEqual([]);
    await stillServing();
  });

  it('when the burst and two row bombs come at once, then still: the health check within a second, and the server goes on', async () => {
    const health = watchHealth();
    const [statuses, ...imports] = await Promise.all([
      knownAtBurst(100),
      importFile(sessions[0]!, bombs.repeatsPastTheLimit),
      importFile(sessions[1]!, bombs.unpacksHuge),
    ]);
    const watched = await health.stop();
    console.info(`burst and bombs: answers ${JSON.stringify(tally(statuses))}, imports ${JSON.stringify(imports.map((r) => r.status))}; health: ${watched.checks} checks, slowest ${watched.slowest} ms; peak memory ${peakMemoryMb()} MB`);
    expect(statuses.every((s) => [200, 429, 503].includes(s)), JSON.stringify(tally(statuses))).toBe(true);
    expect(imports.map((r) => r.status)).toEqual([413, 413]);
    expect(watched.failures).toEqual([]);
    await stillServing();
  });
});
