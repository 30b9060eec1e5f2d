import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReportModel, ReportRequest, ReportRequestMessage, ReportResponseMessage } from '@tm/shared/schemas/report';
import { chartFontMetrics } from './report-fonts.ts';

export type ReportDescriber = {
  /** The report's content (words, figures, charts) as the screens' own code describes it. */
  describe(request: ReportRequest): Promise<ReportModel>;
};

function spawnWorker(): Worker {
  const workerData = chartFontMetrics();
  // The bundled server (server/dist) carries the worker bundled beside it.
  const bundled = new URL('./report-worker.mjs', import.meta.url);
  if (import.meta.url.endsWith('.mjs') && existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData });
  // From the sources (development, tests): the worker's TypeScript loads through tsx, as the server's own does, with
  // the client's compiler options (its JSX).
  const source = import.meta.resolve('@tm/client/report-worker');
  const tsconfig = fileURLToPath(import.meta.resolve('@tm/client/tsconfig.json'));
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * One worker thread, started at the first report and kept for the next: loading a DOM, React and the charts takes a
 * second, describing a report then a fraction of one. A worker that dies fails the reports it was writing and is
 * started anew for the next.
 */
export function createReportDescriber(): ReportDescriber {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (model: ReportModel) => void; reject: (error: Error) => void }>();

  function failAll(error: Error) {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function start(): Worker {
    const started = spawnWorker();
    // An idle worker must not keep the server's process alive at shutdown.
    started.unref();
    started.on('message', (message: ReportResponseMessage) => {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if ('model' in message) waiting.resolve(message.model);
      else waiting.reject(new Error(`The report worker failed: ${message.error}`));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`The report worker stopped (exit code ${code})`));
    });
    return started;
  }

  return {
    describe(request) {
      worker ??= start();
      const id = ++nextId;
      const running = worker;
      return new Promise<ReportModel>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        running.postMessage({ id, request } satisfies ReportRequestMessage);
      });
    },
  };
}
