import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Application, CreateApplicationInput, UpdateApplicationInput } from '@tm/shared/schemas/application';
import { ApiError, request } from '../../../lib/api.ts';
import { applicationKeys } from './applications-keys.ts';
import { fetchApplication } from './get-application.ts';

/** Everything computed from applications: lists, details, histories and every dashboard figure. */
export function useInvalidateAfterWrite() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: applicationKeys.all }),
      client.invalidateQueries({ queryKey: ['progress'] }),
      client.invalidateQueries({ queryKey: ['peers'] }),
    ]);
}

export function useCreateApplication(code: string) {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: async (input: CreateApplicationInput) =>
      (await request<Application>(`/municipalities/${encodeURIComponent(code)}/applications`, { method: 'POST', body: input })).data,
    onSuccess: invalidate,
  });
}

export function useUpdateApplication() {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: async ({ id, etag, input }: { id: string; etag: string | null; input: UpdateApplicationInput }) =>
      (await request<Application>(`/applications/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, ifMatch: etag ?? undefined })).data,
    onSettled: invalidate,
  });
}

/**
 * A change from a table row, which holds no ETag: take the current version's, but only when it is still the version
 * the row showed (same `updatedAt`), else answer 412 as the server would.
 */
export function useUpdateFromRow() {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: async ({ row, input }: { row: Application; input: UpdateApplicationInput }) => {
      const current = await fetchApplication(row.id);
      if (current.data.updatedAt !== row.updatedAt) {
        throw new ApiError({
          type: 'about:blank',
          title: 'Precondition Failed',
          status: 412,
          detail: 'The application changed since the table was loaded',
        });
      }
      return (await request<Application>(`/applications/${encodeURIComponent(row.id)}`, { method: 'PATCH', body: input, ifMatch: current.etag ?? undefined })).data;
    },
    onSettled: invalidate,
  });
}

export function useDeleteApplication() {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: async ({ id, etag }: { id: string; etag: string | null }) => {
      await request<void>(`/applications/${encodeURIComponent(id)}`, { method: 'DELETE', ifMatch: etag ?? undefined });
    },
    onSettled: invalidate,
  });
}
