import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { useNotificationPreferences, usePutNotificationPreferences } from '../api/notification-preferences.ts';
import { PreferencesForm } from './preferences-form.tsx';

/** The user's own mail settings; the reminder mails link here. */
export function PreferencesPanel() {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  const save = usePutNotificationPreferences();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="tm-panel" aria-labelledby="preferences-heading">
      <Heading2 id="preferences-heading">{t('preferences.title')}</Heading2>
      <Paragraph>{t('preferences.intro')}</Paragraph>
      <StatusMessage message={message} />
      {save.error && <MutationError error={save.error} />}
      {preferences.isPending ? (
        <Skeleton lines={3} />
      ) : preferences.isError ? (
        <ErrorState error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <PreferencesForm
          current={preferences.data}
          busy={save.isPending}
          onSave={(next) =>
            save.mutate(next, {
              onSuccess: (saved) => setMessage(t(saved.reminders ? 'preferences.savedWithReminders' : 'preferences.savedWithoutReminders', { language: t(`preferences.languages.${saved.language}`) })),
            })
          }
        />
      )}
    </section>
  );
}
