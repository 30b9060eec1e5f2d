import type { CreateUserInput, UpdateUserInput, User } from '@tm/shared/schemas/account';
import { useCreate, useVersionedDelete, useVersionedUpdate } from '../../../lib/versioned-mutations.ts';
import { userKeys } from './get-users.ts';

/** Accounts, the audit trail that records each change, and the session: an admin may have changed their own role. */
const CHANGED_BY_A_WRITE = [userKeys.all, ['audit-events'], ['session']];
const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export const useCreateUser = () => useCreate<CreateUserInput, User>('/users', CHANGED_BY_A_WRITE);
export const useUpdateUser = () => useVersionedUpdate<UpdateUserInput, User>(userPath, CHANGED_BY_A_WRITE);
export const useDeleteUser = () => useVersionedDelete(userPath, CHANGED_BY_A_WRITE, userKeys.one);
