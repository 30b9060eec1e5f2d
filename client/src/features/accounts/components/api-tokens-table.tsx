import { useTranslation } from 'react-i18next';
import { Button, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ApiToken, OwnedApiToken } from '@tm/shared/schemas/account';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';
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
    <CaptionedTable
      caption={caption}
      headings={[
        !!ownerOf && { label: t('apiTokens.fields.owner') },
        { label: t('apiTokens.fields.name') },
        { label: t('apiTokens.fields.prefix') },
        { label: t('apiTokens.fields.scopes') },
        { label: t('apiTokens.fields.createdAt') },
        { label: t('apiTokens.fields.expiresAt') },
        { label: t('apiTokens.fields.lastUsedAt') },
        { label: <span className="tm-visually-hidden">{t('apiTokens.actions')}</span> },
      ]}
    >
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
    </CaptionedTable>
  );
}
