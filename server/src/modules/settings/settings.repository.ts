import type { Knex } from 'knex';
import type { Settings } from '@tm/shared/schemas/settings';

type SettingsRow = { programme_start: string; annual_rate: number };

export async function read(db: Knex): Promise<Settings> {
  const row = await db<SettingsRow>('programme_settings').first('programme_start', 'annual_rate');
  return { programmeStart: row!.programme_start, annualRate: Number(row!.annual_rate) };
}

export async function write(db: Knex, settings: Settings): Promise<void> {
  await db('programme_settings').update({
    programme_start: settings.programmeStart,
    annual_rate: settings.annualRate,
    updated_at: db.fn.now(),
  });
}
