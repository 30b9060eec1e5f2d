import { useMutation } from '@tanstack/react-query';
import type { Application, CreateApplicationInput, UpdateApplicationInput } from '@tm/shared/schemas/application';
import { ApiError, request } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';
import { useCreate, useInvalidate, useVersionedDelete, useVersionedUpdate } from '../../../lib/versioned-mutations.ts';
import { applicationKeys } from './applications-keys.ts';
import { fetchApplication } from './get-application.ts';

/** Everything computed from applications: lists, details, histories and every dashboard figure. */
const CHANGED_BY_A_WRITE = [applicationKeys.all, DASHBOARD_KEY];
const applicationPath = (id: string) => `/applications/${encodeURIComponent(id)}`;

export const useInvalidateAfterWrite = () => useInvalidate(CHANGED_BY_A_WRITE);

export const useCreateApplication = (code: string) =>
  useCreate<CreateApplicationInput, Application>(`/municipalities/${encodeURIComponent(code)}/applications`, CHANGED_BY_A_WRITE);
export const useUpdateApplication = () => useVersionedUpdate<UpdateApplicationInput, Application>(applicationPath, CHANGED_BY_A_WRITE);
export const useDeleteApplication = () => useVersionedDelete(applicationPath, CHANGED_BY_A_WRITE, applicationKeys.detail);

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
      return (await request<Application>(applicationPath(row.id), { method: 'PATCH', body: input, ifMatch: current.etag ?? undefined })).data;
    },
    onSettled: invalidate,
  });
}
