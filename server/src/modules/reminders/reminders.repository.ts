import type { Knex } from 'knex';
import type { MailLanguage } from '@tm/shared/schemas/notification-preferences';

export type EditorOfMunicipality = {
  userId: string;
  email: string;
  name: string;
  reminders: boolean;
  language: MailLanguage;
  code: string;
  municipality: string;
  /** The last attestation; null when there was none. */
  attestedAt: Date | null;
};

/** Every active editor with each existing municipality they edit for and its last attestation, by editor. */
export async function editorsWithTheirMunicipalities(db: Knex): Promise<EditorOfMunicipality[]> {
  const rows = (await db('users as u')
    .join('user_municipalities as um', 'um.user_id', 'u.id')
    .join('municipalities as m', 'm.code', 'um.municipality_code')
    .leftJoin(
      db('attestations').select('municipality_code').max('attested_at as attested_at').groupBy('municipality_code').as('a'),
      'a.municipality_code',
      'm.code',
    )
    .leftJoin('notification_preferences as p', 'p.user_id', 'u.id')
    .where({ 'u.role': 'editor', 'u.active': true })
    // A municipality merged away has no inventory of its own to attest any more.
    .whereNull('m.valid_to')
    .orderBy([{ column: 'u.id' }, { column: 'm.name' }])
    .select('u.id', 'u.email', 'u.name', 'p.reminders', 'p.language', 'm.code', 'm.name as municipality', 'a.attested_at')) as {
    id: string;
    email: string;
    name: string;
    reminders: boolean | null;
    language: MailLanguage | null;
    code: string;
    municipality: string;
    attested_at: Date | null;
  }[];
  return rows.map((r) => ({
    userId: r.id,
    email: r.email,
    name: r.name,
    reminders: r.reminders ?? true,
    language: r.language ?? 'nl',
    code: r.code,
    municipality: r.municipality,
    attestedAt: r.attested_at,
  }));
}
