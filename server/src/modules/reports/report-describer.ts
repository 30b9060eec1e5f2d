import { fileURLToPath } from 'node:url';
import Piscina from 'piscina';
import { message } from '@tm/shared/messages/messages';
import type { ReportModel, ReportRequest, ReportTask } from '@tm/shared/schemas/report';
import { AppError } from '../../http/app-error.ts';
import { chartFontMetrics } from './report-fonts.ts';

export type ReportDescriber = {
  /** The report's content (words, figures, charts) as the screens' own code describes it. */
  describe(request: ReportRequest): Promise<ReportModel>;
};

/** Reports being described at once, and waiting: drawing charts is work for a core, and there are two. */
const THREADS = 1;
const WAITING = 8;
const DESCRIBE_TIMEOUT_MS = 60_000;

// The bundle builds the worker next to the server as a plain module.
const fromSources = import.meta.url.endsWith('.ts');

/** From the TypeScript sources (development, tests) the worker is the client's code, loaded through tsx. */
function fromSourcesOptions() {
  return {
    filename: new URL('./report-worker-from-sources.mjs', import.meta.url).href,
    workerData: { tsconfig: fileURLToPath(import.meta.resolve('@tm/client/tsconfig.json')), worker: import.meta.resolve('@tm/client/report-worker') },
  };
}

/**
 * A pool of one worker thread: loading a DOM, React and the charts takes a second or two, describing a report then a
 * fraction of one. A worker that fails is replaced. `keepWarm` (the server's own process) starts it at once and keeps
 * it: reports are asked for rarely, so a worker that went after ten idle minutes made most of them wait for a new one
 * (2.8 s instead of 0.6 s at national scale). Without it (the tests' many apps) it starts at the first report and
 * goes after ten idle minutes.
 */
export function createReportDescriber({ keepWarm = false }: { keepWarm?: boolean } = {}): ReportDescriber {
  let pool: Piscina<ReportTask, ReportModel> | undefined;
  let font: ReportTask['font'] | undefined;
  const workers = () =>
    (pool ??= new Piscina({
      filename: new URL('./report-worker.mjs', import.meta.url).href,
      minThreads: keepWarm ? 1 : 0,
      maxThreads: THREADS,
      idleTimeout: 10 * 60_000,
      maxQueue: WAITING,
      resourceLimits: { maxOldGenerationSizeMb: 512 },
      ...(fromSources ? fromSourcesOptions() : {}),
    }));
  if (keepWarm) workers();
  return {
    async describe(request) {
      const running = workers();
      if (running.queueSize >= WAITING) throw AppError.unavailable(message('reports.busy'));
      font ??= chartFontMetrics();
      return running.run({ request, font }, { signal: AbortSignal.timeout(DESCRIBE_TIMEOUT_MS) });
    },
  };
}
