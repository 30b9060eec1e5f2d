import { useMemo } from 'react';
import { useSession } from '../../features/accounts/api/session.ts';
import type { OwnMunicipality } from '../../features/collective/components/own-municipality.ts';
import { useMunicipalities } from '../../features/municipalities/api/get-municipalities.ts';

/** Who is signed in, and the municipalities an editor writes for, by name: what a page's coalitions need. */
export function useOwnMunicipalities(): { signedIn: boolean; userId: string | undefined; own: OwnMunicipality[] } {
  const session = useSession();
  const municipalities = useMunicipalities();
  const user = session.data?.user;
  const own = useMemo(() => {
    if (user?.role !== 'editor') return [];
    const names = new Map((municipalities.data?.items ?? []).map((m) => [m.code, m.name]));
    return user.municipalityCodes.map((code) => ({ code, name: names.get(code) ?? code }));
  }, [user, municipalities.data]);
  return { signedIn: Boolean(user), userId: user?.id, own };
}
