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
 * A pool of one worker thread, started at the first report and kept a while for the next: loading a DOM, React and
 * the charts takes a second, describing a report then a fraction of one. A worker that fails is replaced.
 */
export function createReportDescriber(): ReportDescriber {
  let pool: Piscina<ReportTask, ReportModel> | undefined;
  let font: ReportTask['font'] | undefined;
  const workers = () =>
    (pool ??= new Piscina({
      filename: new URL('./report-worker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: THREADS,
      idleTimeout: 10 * 60_000,
      maxQueue: WAITING,
      resourceLimits: { maxOldGenerationSizeMb: 512 },
      ...(fromSources ? fromSourcesOptions() : {}),
    }));
  return {
    async describe(request) {
      const running = workers();
      if (running.queueSize >= WAITING) throw AppError.unavailable(message('reports.busy'));
      font ??= chartFontMetrics();
      return running.run({ request, font }, { signal: AbortSignal.timeout(DESCRIBE_TIMEOUT_MS) });
    },
  };
}
