import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, UpdateUserInput, User } from '@tm/shared/schemas/account';
import { request } from '../../../lib/api.ts';
import { userKeys } from './get-users.ts';

/** Accounts and the audit trail that records each change of them. */
function useInvalidateAfterWrite() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: userKeys.all }), client.invalidateQueries({ queryKey: ['audit-events'] })]);
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
