import { useSearchParams } from 'react-router-dom';
import { PROVINCES, type Province } from '@tm/shared/vocabulary/municipality';
import type { MunicipalityGroup } from '@tm/shared/schemas/progress';

const PROVINCE_KEY = 'provincie';
const SIZE_CLASS_KEY = 'grootteklasse';

/** A group from the address (Dutch words, as users share these links); a value the register does not know is ignored. */
export function groupFromParams(params: URLSearchParams): MunicipalityGroup {
  const province = params.get(PROVINCE_KEY);
  const sizeClass = Number(params.get(SIZE_CLASS_KEY));
  return {
    ...(PROVINCES.includes(province as Province) ? { province: province as Province } : {}),
    ...(Number.isInteger(sizeClass) && sizeClass >= 1 && sizeClass <= 8 ? { sizeClass } : {}),
  };
}

/**
 * The national dashboard narrowed to a province and/or a size class (?provincie=Zuid-Holland&grootteklasse=6), and
 * the addresses of the dashboard of another group: the other filters of the address (measure, "stand per") are kept.
 */
export function useGroupParams() {
  const [params] = useSearchParams();
  const group = groupFromParams(params);
  const hrefWith = (change: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `/?${query}` : '/';
  };
  return {
    group,
    isGroup: group.province !== undefined || group.sizeClass !== undefined,
    provinceHref: (province: string) => hrefWith({ [PROVINCE_KEY]: province }),
    sizeClassHref: (sizeClass: string) => hrefWith({ [SIZE_CLASS_KEY]: sizeClass }),
    nationalHref: hrefWith({ [PROVINCE_KEY]: undefined, [SIZE_CLASS_KEY]: undefined }),
  };
}
