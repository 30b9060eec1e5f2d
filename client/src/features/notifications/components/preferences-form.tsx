import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Checkbox, FormField, FormFieldDescription, FormLabel } from '@utrecht/component-library-react';
import { MAIL_LANGUAGES, type MailLanguage, type NotificationPreferences } from '@tm/shared/schemas/notification-preferences';
import { SelectField } from '../../../components/ui/select-field.tsx';

type Props = { current: NotificationPreferences; busy: boolean; onSave: (preferences: NotificationPreferences) => void };

/** What the user wants by mail: the reminders to attest their inventories (PRODUCT §11), and in which language. */
export function PreferencesForm({ current, busy, onSave }: Props) {
  const { t } = useTranslation();
  const [reminders, setReminders] = useState(current.reminders);
  const [language, setLanguage] = useState<MailLanguage>(current.language);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ reminders, language });
  };
  return (
    <form className="tm-form tm-form--narrow" onSubmit={submit} noValidate>
      <FormField type="checkbox">
        <Checkbox id="preferences-reminders" checked={reminders} aria-describedby="preferences-reminders-hint" onChange={(e) => setReminders(e.target.checked)} />{' '}
        <FormLabel htmlFor="preferences-reminders" type="checkbox">
          {t('preferences.reminders')}
        </FormLabel>
        <FormFieldDescription id="preferences-reminders-hint">{t('preferences.remindersHint')}</FormFieldDescription>
      </FormField>
      <SelectField
        id="preferences-language"
        label={t('preferences.language')}
        hint={t('preferences.languageHint')}
        value={language}
        options={MAIL_LANGUAGES.map((value) => ({ value, label: t(`preferences.languages.${value}`) }))}
        onChange={setLanguage}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('preferences.save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
