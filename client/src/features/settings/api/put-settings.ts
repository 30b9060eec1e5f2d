import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '@tm/shared/schemas/settings';
import { request } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';
import { useInvalidate } from '../../../lib/versioned-mutations.ts';
import { settingsQueryOptions } from './get-settings.ts';

/** Every target, status, gap and required pace hangs on the settings, so each dashboard figure is read again. */
export function usePutSettings() {
  const client = useQueryClient();
  const invalidate = useInvalidate([DASHBOARD_KEY, ['audit-events']]);
  return useMutation({
    mutationFn: async (input: Settings) => (await request<Settings>('/settings', { method: 'PUT', body: input })).data,
    onSuccess: (saved) => {
      client.setQueryData(settingsQueryOptions().queryKey, saved);
      return invalidate();
    },
  });
}
