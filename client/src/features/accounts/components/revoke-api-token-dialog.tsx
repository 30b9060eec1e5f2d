import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@tm/shared/schemas/account';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';

type Props = { token: ApiToken; owner?: string | undefined; busy: boolean; onConfirm: () => void; onCancel: () => void };

/** Revoking cannot be undone: the scripts that use the token stop working at once. */
export function RevokeApiTokenDialog({ token, owner, busy, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('apiTokens.revokeTitle', { name: token.name })}
      body={owner ? t('apiTokens.revokeBodyOf', { owner }) : t('apiTokens.revokeBody')}
      confirmLabel={t('apiTokens.revoke')}
      cancelLabel={t('apiTokens.cancel')}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    />
  );
}
