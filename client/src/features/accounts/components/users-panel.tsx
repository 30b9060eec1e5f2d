import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { ROLES, type Role, type UserListQuery } from '@tm/shared/schemas/account';
import type { Choice } from '../../../components/ui/multi-combobox.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { useUsers } from '../api/get-users.ts';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { UserDrawer } from './user-drawer.tsx';
import { UsersTable } from './users-table.tsx';

type Props = { municipalities: readonly Choice[] };

/** Users and roles (PRODUCT §4.5): find an account by name or role, add one, open one to change it. */
export function UsersPanel({ municipalities }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const query: UserListQuery = { ...(q.trim() ? { q: q.trim() } : {}), ...(role ? { role } : {}) };
  const users = useUsers(query);
  // undefined: the panel is closed; null: a new account.
  const [open, setOpen] = useState<string | null | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const names = useMemo(() => new Map(municipalities.map((m) => [m.value, m.label])), [municipalities]);

  return (
    <section className="tm-panel" aria-labelledby="users-heading">
      <Heading2 id="users-heading" tabIndex={-1}>
        {t('users.title')}
      </Heading2>
      <div className="tm-toolbar">
        <FormField>
          <FormLabel htmlFor="users-search">{t('users.search')}</FormLabel>
          <Textbox id="users-search" type="search" value={q} autoComplete="off" onChange={(e) => setQ(e.target.value)} />
        </FormField>
        <SelectField<Role | ''>
          id="users-role"
          label={t('users.roleFilter')}
          value={role}
          options={[{ value: '', label: t('users.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
          onChange={setRole}
        />
        <Button appearance="primary-action-button" onClick={() => setOpen(null)}>
          {t('users.add')}
        </Button>
      </div>
      <StatusMessage message={message} />
      {users.isPending ? (
        <Skeleton lines={5} />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState>{query.q || query.role ? t('users.noMatch') : t('users.empty')}</EmptyState>
      ) : (
        <>
          <Paragraph className="tm-muted">{t('users.count', { count: users.data.total })}</Paragraph>
          <UsersTable users={users.data.items} municipalityNames={names} onOpen={setOpen} />
        </>
      )}
      {open !== undefined && (
        <UserDrawer
          userId={open}
          municipalities={municipalities}
          onClose={() => setOpen(undefined)}
          focusAfterDelete={() => document.getElementById('users-heading')}
          onCreated={(user) => setOpen(user.id)}
          onMessage={setMessage}
        />
      )}
    </section>
  );
}
