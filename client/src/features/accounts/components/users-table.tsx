import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { User } from '@tm/shared/schemas/account';
import { useFormat } from '../../../lib/format.ts';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';

type Props = {
  users: readonly User[];
  /** Municipality code → name, to show names rather than codes. */
  municipalityNames: ReadonlyMap<string, string>;
  onOpen: (id: string) => void;
};

/** The accounts; a name opens the account in the side panel. */
export function UsersTable({ users, municipalityNames, onOpen }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <TableScroll name={t('users.title')}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{t('users.title')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('users.fields.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('users.fields.email')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('users.fields.role')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('users.fields.municipalityCodes')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('users.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('users.lastLogin')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.id}>
              <TableHeaderCell scope="row">
                <button type="button" className="tm-sort tm-row-link utrecht-link" onClick={() => onOpen(u.id)}>
                  {u.name}
                </button>
              </TableHeaderCell>
              <TableCell className="tm-break">{u.email}</TableCell>
              <TableCell>{t(`roles.${u.role}`)}</TableCell>
              <TableCell>{u.municipalityCodes.map((c) => municipalityNames.get(c) ?? c).join(', ')}</TableCell>
              <TableCell>{u.active ? t('users.statusActive') : t('users.statusInactive')}</TableCell>
              <TableCell>{u.lastLoginAt ? f.dateTime(u.lastLoginAt) : t('users.neverLoggedIn')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
