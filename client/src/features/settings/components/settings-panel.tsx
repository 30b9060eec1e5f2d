import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useServerErrors } from '../../../lib/use-form-errors.ts';
import { useSettings } from '../api/get-settings.ts';
import { usePutSettings } from '../api/put-settings.ts';
import { SettingsForm } from './settings-form.tsx';

/** Programme settings (PRODUCT §3.3, §4.5): what every target on every dashboard is measured against. */
export function SettingsPanel() {
  const { t } = useTranslation();
  const f = useFormat();
  const settings = useSettings();
  const save = usePutSettings();
  const [message, setMessage] = useState<string | null>(null);
  const refused = useServerErrors(save.error);

  return (
    <section className="tm-panel" aria-labelledby="settings-heading">
      <Heading2 id="settings-heading">{t('settings.title')}</Heading2>
      <Paragraph>{t('settings.intro')}</Paragraph>
      <StatusMessage message={message} />
      {refused.other ? <MutationError error={refused.other} /> : null}
      {settings.isPending ? (
        <Skeleton lines={4} />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm
          key={`${settings.data.programmeStart}-${settings.data.annualRate}`}
          current={settings.data}
          serverErrors={refused.fields}
          busy={save.isPending}
          onSave={(next) =>
            save.mutate(next, {
              onSuccess: (saved) =>
                setMessage(t('settings.saved', { start: f.date(saved.programmeStart), rate: f.rate(saved.annualRate) })),
            })
          }
        />
      )}
    </section>
  );
}
