import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, Session } from '@tm/shared/schemas/account';
import type { AssessmentLevel } from '@tm/shared/schemas/assessment';
import { ApiError, request, setCsrfToken } from '../../../lib/api.ts';

const SESSION_KEY = ['session'] as const;

/** Who is logged in, or null; a 401 here is an answer ("nobody"), not an error. */
export const sessionQueryOptions = () =>
  queryOptions({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }): Promise<Session | null> => {
      try {
        const session = (await request<Session>('/sessions/current', { signal })).data;
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60 * 1000,
  });

export function useSession() {
  return useQuery(sessionQueryOptions());
}

export function useLogIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: LoginInput) => (await request<Session>('/sessions', { method: 'POST', body: input })).data,
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(SESSION_KEY, session);
      // What one may see depends on who one is.
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

export function useLogOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await request<void>('/sessions/current', { method: 'DELETE' });
    },
    onSettled: () => {
      setCsrfToken(null);
      client.setQueryData(SESSION_KEY, null);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  });
}

/**
 * PRODUCT §6: only editors write inventories, those of the municipalities they are bound to. Admins manage accounts,
 * settings and the register; offering them inventory edits would end in the server's 403.
 */
export function canEdit(session: Session | null | undefined, municipalityCode: string): boolean {
  const user = session?.user;
  return user?.role === 'editor' && user.municipalityCodes.includes(municipalityCode);
}

/** The municipalities an editor works for, in the order the account lists them; none for the other roles. */
export function editedMunicipalities(session: Session | null | undefined): readonly string[] {
  const user = session?.user;
  return user?.role === 'editor' ? user.municipalityCodes : [];
}

export function isAdmin(session: Session | null | undefined): boolean {
  return session?.user.role === 'admin';
}

/** The catalogue's steward (PRODUCT §6, §9): verifies judgements, merges duplicate products, keeps aliases. */
export function isSteward(session: Session | null | undefined): boolean {
  return session?.user.role === 'steward';
}

/**
 * What a judgement of a product version by this user counts as (PRODUCT §9): an editor's is claimed, a steward's
 * verified; the other roles do not judge.
 */
export function assessmentLevelOf(session: Session | null | undefined): AssessmentLevel | null {
  const role = session?.user.role;
  return role === 'steward' ? 'verified' : role === 'editor' ? 'claimed' : null;
}
