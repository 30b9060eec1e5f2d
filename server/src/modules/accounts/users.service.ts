import type { Knex } from 'knex';
import type { CreateUserInput, UpdateUserInput, User, UserListQuery } from '@tm/shared/schemas/account';
import type { Actor } from '../../http/actor.ts';
import { message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import * as tokens from './api-tokens.repository.ts';
import { hashPassword } from './passwords.ts';
import * as sessions from './sessions.repository.ts';
import * as users from './users.repository.ts';
import type { StoredUser } from './users.repository.ts';

/** What the audit trail keeps of an account: never the password hash. */
function auditView(user: User): Record<string, unknown> {
  return { email: user.email, name: user.name, role: user.role, municipalityCodes: user.municipalityCodes, active: user.active };
}

async function checkMunicipalities(db: Knex, codes: readonly string[]): Promise<void> {
  const unknown = new Set(await users.unknownMunicipalityCodes(db, codes));
  const errors = codes.flatMap((code, i) => (unknown.has(code) ? [{ path: `municipalityCodes.${i}`, message: message('municipalities.notFound', { code }) }] : []));
  if (errors.length > 0) throw AppError.badRequest(message('users.unknownMunicipalities'), errors);
}

export function listUsers(db: Knex, query: UserListQuery): Promise<User[]> {
  return users.list(db, query);
}

export async function getUser(db: Knex, id: string): Promise<StoredUser> {
  const found = await users.findById(db, id);
  if (!found) throw AppError.notFound(message('users.notFound', { id }));
  return found;
}

export async function createUser(db: Knex, input: CreateUserInput, actor: Actor): Promise<StoredUser> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (trx) => {
    await checkMunicipalities(trx, input.municipalityCodes);
    if (await users.findByEmail(trx, input.email)) throw AppError.conflict(message('users.emailTaken', { email: input.email }));
    const id = await users.insert(trx, { ...input, passwordHash });
    const created = await getUser(trx, id);
    await audit.record(trx, actor, { action: 'user.created', entityType: 'user', entityId: id, after: auditView(created.user) });
    return created;
  });
}

/** Someone must be left to manage the accounts. */
async function keepsAnAdmin(db: Knex, user: User, change: { role?: string; active?: boolean; removed?: boolean }): Promise<void> {
  const losesAdmin = user.role === 'admin' && user.active && (change.removed || change.active === false || (change.role !== undefined && change.role !== 'admin'));
  if (!losesAdmin) return;
  const others = (await users.list(db, { role: 'admin' })).filter((u) => u.active && u.id !== user.id);
  if (others.length === 0) throw AppError.conflict(message('users.lastAdmin'));
}

export async function updateUser(db: Knex, id: string, revision: number, input: UpdateUserInput, actor: Actor): Promise<StoredUser> {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.transaction(async (trx) => {
    const current = await getUser(trx, id);
    const role = input.role ?? current.user.role;
    const codes = input.municipalityCodes ?? (role === 'editor' ? current.user.municipalityCodes : []);
    if (role === 'editor' && codes.length === 0)
      throw AppError.badRequest(message('validation.editorNeedsMunicipality'), [{ path: 'municipalityCodes', message: message('validation.editorNeedsMunicipality') }]);
    if (role !== 'editor' && codes.length > 0)
      throw AppError.badRequest(message('validation.onlyEditorMunicipalities'), [{ path: 'municipalityCodes', message: message('validation.onlyEditorMunicipalities') }]);
    await checkMunicipalities(trx, codes);
    await keepsAnAdmin(trx, current.user, input);
    const changes = { name: input.name, role: input.role, active: input.active, passwordHash };
    if (!(await users.updateIfRevision(trx, id, revision, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)))))
      throw AppError.preconditionFailed(message('users.stale'));
    await users.replaceMunicipalities(trx, id, codes);
    // A changed password or a disabled account ends every session and API token it had: whoever may have learnt
    // the old password, or worked for the account, keeps nothing that still opens it.
    const lockedOut = Boolean(passwordHash) || input.active === false;
    if (lockedOut) await sessions.removeAllOf(trx, id);
    const tokensRevoked = lockedOut ? await tokens.revokeAllOf(trx, id) : 0;
    const updated = await getUser(trx, id);
    await audit.record(trx, actor, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      before: auditView(current.user),
      after: { ...auditView(updated.user), ...(passwordHash ? { passwordChanged: true } : {}), ...(tokensRevoked > 0 ? { tokensRevoked } : {}) },
    });
    return updated;
  });
}

export async function deleteUser(db: Knex, id: string, revision: number, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    const current = await getUser(trx, id);
    if (current.revision !== revision) throw AppError.preconditionFailed(message('users.stale'));
    await keepsAnAdmin(trx, current.user, { removed: true });
    await users.remove(trx, id);
    await audit.record(trx, actor, { action: 'user.deleted', entityType: 'user', entityId: id, before: auditView(current.user) });
  });
}
