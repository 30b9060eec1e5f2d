import { useTranslation } from 'react-i18next';
import { FormField, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { BUILT_IN_PEER_GROUPS, type PeerGroup } from '@tm/shared/schemas/peers';

export function GroupPicker({ value, savedGroups, onChange }: { value: string; savedGroups: readonly PeerGroup[]; onChange: (group: string) => void }) {
  const { t } = useTranslation();
  return (
    <FormField>
      <FormLabel htmlFor="peer-group">{t('peers.group')}</FormLabel>
      <Select id="peer-group" value={value} onChange={(e) => onChange(e.target.value)}>
        {BUILT_IN_PEER_GROUPS.map((g) => (
          <SelectOption key={g} value={g}>
            {t(`peers.groups.${g}`)}
          </SelectOption>
        ))}
        {savedGroups.map((g) => (
          <SelectOption key={g.id} value={g.id}>
            {g.name}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}
