import { useTranslation } from 'react-i18next';
import type { MunicipalityGroup } from '@tm/shared/schemas/progress';

/** "Gemeenten in Zuid-Holland", "Gemeenten met 250.000 of meer inwoners", or both; undefined for the whole nation. */
export function useGroupTitle(group: MunicipalityGroup): string | undefined {
  const { t } = useTranslation();
  const size = group.sizeClass === undefined ? undefined : t(`sizeClasses.${group.sizeClass}`);
  if (group.province !== undefined && size !== undefined) return t('national.group.both', { province: group.province, size });
  if (group.province !== undefined) return t('national.group.province', { province: group.province });
  if (size !== undefined) return t('national.group.sizeClass', { size });
  return undefined;
}
