import { useMunicipality } from '../api/get-municipality.ts';

/** A municipality's name where only its code is at hand (breadcrumbs), the code until the name has loaded. */
export function MunicipalityName({ code }: { code: string }) {
  const { data } = useMunicipality(code);
  return <>{data?.name ?? code}</>;
}
