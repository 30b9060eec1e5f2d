import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Application } from '@tm/shared/schemas/application';
import { request, type ApiResponse } from '../../../lib/api.ts';
import { applicationKeys } from './applications-keys.ts';

/** Kept with its ETag: every change is sent with If-Match so nobody overwrites a change they have not seen. */
export type VersionedApplication = ApiResponse<Application>;

export function fetchApplication(id: string, signal?: AbortSignal): Promise<VersionedApplication> {
  return request<Application>(`/applications/${encodeURIComponent(id)}`, { signal });
}

export const applicationQueryOptions = (id: string) =>
  queryOptions({ queryKey: applicationKeys.detail(id), queryFn: ({ signal }) => fetchApplication(id, signal), staleTime: 0 });

export function useApplication(id: string | null) {
  return useQuery({ ...applicationQueryOptions(id ?? ''), enabled: id !== null });
}
