import type { Knex } from 'knex';
import type { Settings } from '@tm/shared/schemas/settings';

type SettingsRow = { programme_start: string; annual_rate: number; stale_after_months: number };

export async function read(db: Knex): Promise<Settings> {
  const row = await db<SettingsRow>('programme_settings').first('programme_start', 'annual_rate', 'stale_after_months');
  return { programmeStart: row!.programme_start, annualRate: Number(row!.annual_rate), staleAfterMonths: row!.stale_after_months };
}

export async function write(db: Knex, settings: Settings): Promise<void> {
  await db('programme_settings').update({
    programme_start: settings.programmeStart,
    annual_rate: settings.annualRate,
    stale_after_months: settings.staleAfterMonths,
    updated_at: db.fn.now(),
  });
}
