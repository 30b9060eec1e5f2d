import { useTranslation } from 'react-i18next';
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ApiToken, OwnedApiToken } from '@tm/shared/schemas/account';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';
import { useFormat } from '../../../lib/format.ts';

type Props<T extends ApiToken> = {
  caption: string;
  tokens: readonly T[];
  /** An admin's list says whose each token is. */
  ownerOf?: (token: T) => OwnedApiToken['owner'];
  onRevoke: (token: T) => void;
};

/** Live tokens: what each may do, until when, when it was last used, and a way to revoke it. */
export function ApiTokensTable<T extends ApiToken>({ caption, tokens, ownerOf, onRevoke }: Props<T>) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <TableScroll name={caption}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            {ownerOf && <TableHeaderCell scope="col">{t('apiTokens.fields.owner')}</TableHeaderCell>}
            <TableHeaderCell scope="col">{t('apiTokens.fields.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('apiTokens.fields.prefix')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('apiTokens.fields.scopes')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('apiTokens.fields.createdAt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('apiTokens.fields.expiresAt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('apiTokens.fields.lastUsedAt')}</TableHeaderCell>
            <TableHeaderCell scope="col">
              <span className="tm-visually-hidden">{t('apiTokens.actions')}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {tokens.map((token) => {
            const owner = ownerOf?.(token);
            return (
              <TableRow key={token.id}>
                {owner && (
                  <TableCell className="tm-break">
                    {owner.name} ({owner.email}, {t(`roles.${owner.role}`)})
                  </TableCell>
                )}
                <TableHeaderCell scope="row">{token.name}</TableHeaderCell>
                <TableCell>
                  <code>{token.prefix}…</code>
                </TableCell>
                <TableCell>{token.scopes.map((s) => t(`apiTokens.scopes.${s}`)).join(', ')}</TableCell>
                <TableCell>{f.shortDate(token.createdAt)}</TableCell>
                <TableCell>{f.shortDate(token.expiresAt)}</TableCell>
                <TableCell>{token.lastUsedAt ? f.dateTime(token.lastUsedAt) : t('apiTokens.neverUsed')}</TableCell>
                <TableCell>
                  <Button appearance="secondary-action-button" onClick={() => onRevoke(token)} aria-label={t('apiTokens.revokeNamed', { name: token.name })}>
                    {t('apiTokens.revoke')}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
