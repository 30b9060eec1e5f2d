import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput, User } from '@tm/shared/schemas/account';
import { request } from '../../../lib/api.ts';
import { userKeys } from './get-users.ts';

/** Accounts, the audit trail that records each change, and the session: an admin may have changed their own role. */
function useInvalidateAfterWrite() {
  const client = useQueryClient();
  return () => Promise.all([userKeys.all, ['audit-events'], ['session']].map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useCreateUser() {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: async (input: CreateUserInput) => (await request<User>('/users', { method: 'POST', body: input })).data,
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: async ({ id, etag, input }: { id: string; etag: string | null; input: UpdateUserInput }) =>
      (await request<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, ifMatch: etag ?? undefined })).data,
    onSettled: invalidate,
  });
}

export function useDeleteUser() {
  const invalidate = useInvalidateAfterWrite();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag }: { id: string; etag: string | null }) => {
      await request<void>(`/users/${encodeURIComponent(id)}`, { method: 'DELETE', ifMatch: etag ?? undefined });
    },
    onSuccess: (_, { id }) => client.removeQueries({ queryKey: userKeys.one(id) }),
    onSettled: invalidate,
  });
}
