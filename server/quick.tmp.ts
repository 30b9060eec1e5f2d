import autocannon from 'autocannon';
import { startServerProcess } from './test/server-process.ts';
import { bundleServer } from './bench/start-times.ts';
bundleServer();
const server = await startServerProcess({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test_bench', DEMO_DATA: 'false', LOG_LEVEL: 'warn' }, { bundled: true });
for (const path of ['/api/v1/bench-no-op', '/api/v1/progress/national', '/api/v1/municipalities/GM0363/progress', '/api/v1/bench-no-op']) {
  const t0 = performance.now();
  const first = await fetch(server.url + path); const body = await first.arrayBuffer();
  console.log(path, 'first', (performance.now() - t0).toFixed(1), 'ms', body.byteLength, 'bytes');
  const r = await autocannon({ url: server.url + path, connections: 8, duration: 5 });
  console.log(path, 'p50', r.latency.p50, 'p97.5', r.latency.p97_5, 'rps', r.requests.average);
}
server.child.kill('SIGTERM'); await server.exited;
