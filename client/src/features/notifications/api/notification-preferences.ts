import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreferences } from '@tm/shared/schemas/notification-preferences';
import { getJson, request } from '../../../lib/api.ts';

const PATH = '/users/current/notification-preferences';

export const notificationPreferencesQueryOptions = () =>
  queryOptions({ queryKey: ['notification-preferences'], queryFn: ({ signal }) => getJson<NotificationPreferences>(PATH, signal) });

export function useNotificationPreferences() {
  return useQuery(notificationPreferencesQueryOptions());
}

export function usePutNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: NotificationPreferences) => (await request<NotificationPreferences>(PATH, { method: 'PUT', body: input })).data,
    onSuccess: (saved) => client.setQueryData(notificationPreferencesQueryOptions().queryKey, saved),
  });
}
