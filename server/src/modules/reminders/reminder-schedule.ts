import PgBoss from 'pg-boss';
import { todayIso } from '@tm/shared/dates';
import type { ReminderRun } from '@tm/shared/schemas/reminders';
import { type ReminderContext, runReminders } from './reminders.service.ts';

const QUEUE = 'reminders';
const HOURLY = '0 * * * *';
const HOUR_MS = 60 * 60 * 1000;
/** After a run in which the SMTP server took not every mail: try again this soon rather than in an hour. */
const RETRY_MS = 5 * 60 * 1000;
/** How often a server looks for a waiting run in pg-boss's queue (pg-boss's own default). */
const POLL_MS = 2_000;

export type ReminderSchedule = { stop(): Promise<void> };

class MailsFailed extends Error {
  constructor(run: ReminderRun) {
    super(`${run.failed} reminder mail(s) not taken by the SMTP server`);
  }
}

async function runOrThrow(ctx: ReminderContext): Promise<void> {
  const run = await runReminders(ctx, todayIso());
  if (run.failed > 0) throw new MailsFailed(run);
}

/**
 * Runs `turn` now and again after the pause it answers, or after the pause `failed` answers when it throws, until
 * stopped; stopping waits for a turn under way. A turn's failure never leaves the loop: a timer's rejected promise
 * would stop the schedule, or the whole server.
 */
function repeat(turn: () => Promise<number>, failed: (error: unknown) => number): ReminderSchedule {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    running = turn()
      .catch(failed)
      .then((pauseMs) => {
        if (!stopped) timer = setTimeout(run, pauseMs);
      });
  };
  run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * On a PostgreSQL server, pg-boss keeps the schedule and the runs in the database: every server schedules the hourly
 * run and asks for one at start, and the `stately` queue holds at most one run waiting and one running across all of
 * them; a run that failed (SMTP down) is retried with backoff. The runs could even overlap without harm: each
 * reminder is claimed in the database before it is mailed (`mailOnce`).
 *
 * The queue is polled here rather than through `boss.work`: pg-boss 10 reports a run's outcome to the database without
 * awaiting it, so a database that went away during a run took the whole server down with an unhandled rejection.
 * A run whose outcome could not be written expires and is retried by pg-boss.
 */
async function onPgBoss(ctx: ReminderContext, databaseUrl: string): Promise<ReminderSchedule> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 2, application_name: 'transitiemonitor-jobs' });
  boss.on('error', (error: Error) => ctx.logger.warn({ err: error }, 'job runner: a database call failed; it tries again'));
  await boss.start();
  // A run takes seconds; one whose server died is given up after 15 minutes, so that the next can start.
  await boss.createQueue(QUEUE, { name: QUEUE, policy: 'stately', retryLimit: 24, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 });
  await boss.schedule(QUEUE, HOURLY, {}, { tz: 'UTC' });
  await boss.send(QUEUE, {});
  const takeWaitingRun = async () => {
    const [job] = await boss.fetch(QUEUE);
    if (!job) return;
    try {
      await runOrThrow(ctx);
    } catch (error) {
      await boss.fail(QUEUE, job.id, { message: (error as Error).message });
      return;
    }
    await boss.complete(QUEUE, job.id);
  };
  const polling = repeat(
    async () => {
      await takeWaitingRun();
      return POLL_MS;
    },
    (error) => {
      ctx.logger.warn({ err: error }, 'reminder run not taken or not recorded; tried again soon');
      return POLL_MS;
    },
  );
  return {
    async stop() {
      await polling.stop();
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}

/** The embedded database serves one server: the same run, at start and hourly, from a timer in this process. */
function inProcess(ctx: ReminderContext): ReminderSchedule {
  return repeat(
    async () => {
      await runOrThrow(ctx);
      return HOUR_MS;
    },
    (error) => {
      if (!(error instanceof MailsFailed)) ctx.logger.warn({ err: error }, 'reminder run failed; trying again soon');
      return RETRY_MS;
    },
  );
}

export function scheduleReminders(ctx: ReminderContext, databaseUrl: string | undefined): Promise<ReminderSchedule> {
  return databaseUrl ? onPgBoss(ctx, databaseUrl) : Promise.resolve(inProcess(ctx));
}
