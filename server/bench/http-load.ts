/** Load and timing helpers of `npm run bench`: autocannon runs with their percentiles, and a signed-in session. */
import autocannon from 'autocannon';

export const CONNECTIONS = 8;
export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type Timings = { p50: number; p95: number; max: number; count: number };

/** Sorts `ms` and answers its percentiles. */
export function timings(ms: number[]): Timings {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)!, count: sorted.length };
}

/** `CONNECTIONS` concurrent connections for `duration` seconds on one URL. */
export async function load(url: string, headers: Record<string, string>, duration = DURATION_S) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration, headers }, (error) => (error ? reject(error) : resolve()));
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  const unexpected = [...statuses].filter(([status]) => status >= 500);
  if (unexpected.length > 0) throw new Error(`${url} answered ${JSON.stringify(unexpected)}`);
  return { ...timings(latencies), perSecond: latencies.length / duration, statuses: [...statuses] };
}

export type Session = { origin: string; cookie: string; csrfToken: string };

export async function signIn(origin: string, email: string, password: string): Promise<Session> {
  const login = await fetch(`${origin}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (login.status !== 201) throw new Error(`log-in answered ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { origin, cookie, csrfToken };
}

/** A write as a client makes it; answers how long it took. */
export async function timedWrite(session: Session, method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${session.origin}${path}`, {
    method,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}`);
  return ms;
}

/** One PATCH with the ETag of a fresh GET, as the client makes it; answers how long the PATCH itself took. */
export async function timedPatch(session: Session, id: string, change: Record<string, unknown>): Promise<number> {
  const etag = (await fetch(`${session.origin}/api/v1/applications/${id}`, { headers: { cookie: session.cookie } })).headers.get('etag')!;
  return timedWrite(session, 'PATCH', `/api/v1/applications/${id}`, change, { 'if-match': etag });
}
