import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@tm/shared/schemas/account';
import { getJson } from '../../../lib/api.ts';

export const usersQueryOptions = () =>
  queryOptions({ queryKey: ['users'], queryFn: ({ signal }) => getJson<{ items: User[]; total: number }>('/users', signal) });

export function useUsers(enabled: boolean) {
  return useQuery({ ...usersQueryOptions(), enabled });
}
