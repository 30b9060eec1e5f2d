import { Router } from 'express';
import { todayIso } from '@tm/shared/dates';
import { requireRole } from '../../http/authorize.ts';
import { type ReminderContext, runReminders } from './reminders.service.ts';

export function remindersRoutes(ctx: ReminderContext): Router {
  const router = Router({ strict: true });
  router.post('/reminder-runs', requireRole('admin'), async (_req, res) => {
    res.json(await runReminders(ctx, todayIso()));
  });
  return router;
}
