import { useTranslation } from 'react-i18next';
import type { User } from '@tm/shared/schemas/account';
import { DataTable } from '../../../components/charts/data-table.tsx';
import { useFormat } from '../../../lib/format.ts';

export function UsersTable({ users }: { users: readonly User[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <DataTable
      caption={t('admin.users')}
      rows={users}
      columns={[
        { header: t('admin.name'), value: (u) => u.name },
        { header: t('accounts.email'), value: (u) => u.email },
        { header: t('admin.role'), value: (u) => t(`roles.${u.role}`) },
        { header: t('admin.municipalities'), value: (u) => u.municipalityCodes.join(', ') },
        { header: t('admin.active'), value: (u) => (u.active ? t('admin.yes') : t('admin.no')) },
        { header: t('admin.lastLogin'), value: (u) => (u.lastLoginAt ? f.dateTime(u.lastLoginAt) : '') },
      ]}
    />
  );
}
