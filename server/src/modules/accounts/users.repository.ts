import type { Knex } from 'knex';
import type { Role, User, UserListQuery } from '@tm/shared/schemas/account';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  oidc_subject: string | null;
  active: boolean;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  revision: number;
  municipality_codes: string[] | null;
};

export type StoredUser = { user: User; revision: number; passwordHash: string | null; oidcSubject: string | null };

export type UserFields = {
  email: string;
  name: string;
  role: Role;
  municipalityCodes: string[];
  passwordHash: string | null;
  oidcSubject?: string | null;
};

export function toUser(row: UserRow): StoredUser {
  return {
    revision: row.revision,
    passwordHash: row.password_hash,
    oidcSubject: row.oidc_subject,
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      municipalityCodes: (row.municipality_codes ?? []).slice().sort(),
      active: row.active,
      hasPassword: row.password_hash !== null,
      lastLoginAt: row.last_login_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    },
  };
}

/** Accounts with their municipalities; a credential's lookup joins its own table to it (`u`) to be one statement. */
export function selectUsers(db: Knex) {
  return db('users as u').select(
    'u.*',
    db.raw(`array(select m.municipality_code from user_municipalities m where m.user_id = u.id order by 1) as municipality_codes`),
  );
}

export async function findById(db: Knex, id: string): Promise<StoredUser | undefined> {
  const row = await selectUsers(db).where('u.id', id).first();
  return row ? toUser(row) : undefined;
}

export async function findByEmail(db: Knex, email: string): Promise<StoredUser | undefined> {
  const row = await selectUsers(db).whereRaw('lower(u.email) = lower(?)', [email]).first();
  return row ? toUser(row) : undefined;
}

export async function findByOidcSubject(db: Knex, subject: string): Promise<StoredUser | undefined> {
  const row = await selectUsers(db).where('u.oidc_subject', subject).first();
  return row ? toUser(row) : undefined;
}

export async function list(db: Knex, filter: UserListQuery): Promise<User[]> {
  const q = selectUsers(db).orderBy('u.email');
  if (filter.role) q.where('u.role', filter.role);
  if (filter.municipalityCode)
    q.whereExists(db('user_municipalities as m').whereRaw('m.user_id = u.id').where('m.municipality_code', filter.municipalityCode));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q.where((w) => w.whereILike('u.email', pattern).orWhereILike('u.name', pattern));
  }
  return ((await q) as UserRow[]).map((r) => toUser(r).user);
}

export async function insert(db: Knex, fields: UserFields): Promise<string> {
  const [row] = await db('users')
    .insert({
      email: fields.email,
      name: fields.name,
      role: fields.role,
      password_hash: fields.passwordHash,
      oidc_subject: fields.oidcSubject ?? null,
    })
    .returning('id');
  const id = (row as { id: string }).id;
  await replaceMunicipalities(db, id, fields.municipalityCodes);
  return id;
}

export type UserChanges = Partial<{ name: string; role: Role; active: boolean; passwordHash: string; oidcSubject: string }>;

/** Writes only if nobody else wrote since `revision`; false means the caller's copy is stale. */
export async function updateIfRevision(db: Knex, id: string, revision: number, changes: UserChanges): Promise<boolean> {
  const row: Record<string, unknown> = {};
  if (changes.name !== undefined) row.name = changes.name;
  if (changes.role !== undefined) row.role = changes.role;
  if (changes.active !== undefined) row.active = changes.active;
  if (changes.passwordHash !== undefined) row.password_hash = changes.passwordHash;
  if (changes.oidcSubject !== undefined) row.oidc_subject = changes.oidcSubject;
  const count = await db('users')
    .where({ id, revision })
    .update({ ...row, revision: db.raw('revision + 1'), updated_at: db.fn.now() });
  return count === 1;
}

export async function replaceMunicipalities(db: Knex, userId: string, codes: readonly string[]): Promise<void> {
  await db('user_municipalities').where({ user_id: userId }).delete();
  if (codes.length > 0)
    await db('user_municipalities').insert([...new Set(codes)].map((municipality_code) => ({ user_id: userId, municipality_code })));
}

export type Binding = { userId: string; code: string };
export type BindingMove = { added: Binding[]; removed: Binding[] };

const toBinding = (r: { user_id: string; municipality_code: string }): Binding => ({ userId: r.user_id, code: r.municipality_code });
const toRow = (b: Binding) => ({ user_id: b.userId, municipality_code: b.code });

/**
 * Accounts bound to any of `from` are bound to `into` instead (PRODUCT §12: editors follow a merger); answers what
 * changed, to be put back by `undoBindingMove`.
 */
export async function moveBindings(db: Knex, from: readonly string[], into: string): Promise<BindingMove> {
  const removed = (await db('user_municipalities').whereIn('municipality_code', from.filter((c) => c !== into)).delete().returning('*')).map(toBinding);
  const users = [...new Set(removed.map((b) => b.userId))];
  const added =
    users.length === 0
      ? []
      : (await db('user_municipalities').insert(users.map((userId) => toRow({ userId, code: into }))).onConflict().ignore().returning('*')).map(toBinding);
  return { added, removed };
}

export async function undoBindingMove(db: Knex, move: BindingMove): Promise<void> {
  for (const b of move.added) await db('user_municipalities').where(toRow(b)).delete();
  const users = [...new Set(move.removed.map((b) => b.userId))];
  // An account removed since has no bindings to get back.
  const remaining = new Set((await db('users').whereIn('id', users).select('id')).map((r: { id: string }) => r.id));
  const back = move.removed.filter((b) => remaining.has(b.userId));
  if (back.length > 0) await db('user_municipalities').insert(back.map(toRow)).onConflict().ignore();
}

export async function recordLogin(db: Knex, id: string): Promise<void> {
  await db('users').where({ id }).update({ last_login_at: db.fn.now() });
}

export async function remove(db: Knex, id: string): Promise<boolean> {
  return (await db('users').where({ id }).delete()) === 1;
}

export async function unknownMunicipalityCodes(db: Knex, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = new Set((await db('municipalities').whereIn('code', codes).pluck('code')) as string[]);
  return codes.filter((c) => !found.has(c));
}
