import { useTranslation } from 'react-i18next';
import { BUILT_IN_PEER_GROUPS, type PeerGroup } from '@tm/shared/schemas/peers';
import { SelectField } from '../../../components/ui/select-field.tsx';

export function GroupPicker({ value, savedGroups, onChange }: { value: string; savedGroups: readonly PeerGroup[]; onChange: (group: string) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      id="peer-group"
      label={t('peers.group')}
      value={value}
      options={[...BUILT_IN_PEER_GROUPS.map((g) => ({ value: g as string, label: t(`peers.groups.${g}`) })), ...savedGroups.map((g) => ({ value: g.id, label: g.name }))]}
      onChange={onChange}
    />
  );
}
