import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { ROLES, createUserSchema, updateUserSchema, type CreateUserInput, type Role, type UpdateUserInput, type User } from '@tm/shared/schemas/account';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { MultiCombobox, type Choice } from '../../../components/ui/multi-combobox.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import type { FieldErrors } from '../../../lib/field-errors.ts';
import { message, translate } from '@tm/shared/messages/messages';
import { currentLanguage } from '../../../lib/i18n.ts';
import { emptyUserValues, toCreateUserInput, toUpdateUserInput, userValuesOf, type UserFormValues } from './user-form-values.ts';

type Props = {
  /** The account being edited, or null for a new one. */
  original: User | null;
  /** The municipalities an editor can be bound to. */
  municipalities: readonly Choice[];
  serverErrors: FieldErrors;
  busy: boolean;
  onCreate: (input: CreateUserInput) => void;
  onUpdate: (input: UpdateUserInput) => void;
  extraActions?: ReactNode;
};

/** Fields in the order the form shows them, which is also the order of the error summary. */
const FIELD_ORDER = ['email', 'name', 'role', 'municipalityCodes', 'password', '_form'] as const;
const fieldId = (field: string) => `user-${field}`;

export function UserForm({ original, municipalities, serverErrors, busy, onCreate, onUpdate, extraActions }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<UserFormValues>(() => (original ? userValuesOf(original) : emptyUserValues));
  const { shown, summary, reject, submit: check } = useFormErrors(serverErrors);
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => t(`users.fields.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (original) {
      const input = toUpdateUserInput(values, original);
      if (Object.keys(input).length === 0) return reject({ _form: translate(currentLanguage(), message('validation.nothingToChange')) });
      check(updateUserSchema, input, onUpdate);
    } else check(createUserSchema, toCreateUserInput(values), onCreate);
  };

  return (
    <form className="tm-form" onSubmit={submit} noValidate>
      <ErrorSummary ref={summary} heading={t('users.errorSummary')} items={summaryItems(FIELD_ORDER, shown, label, fieldId)} />
      {!original && (
        <TextField
          id={fieldId('email')}
          label={label('email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          error={shown.email}
          value={values.email}
          onChange={(v) => set('email', v)}
        />
      )}
      <TextField id={fieldId('name')} label={label('name')} autoComplete="off" required error={shown.name} value={values.name} onChange={(v) => set('name', v)} />
      <SelectField<Role>
        id={fieldId('role')}
        label={label('role')}
        hint={t(`users.roleHints.${values.role}`)}
        error={shown.role}
        value={values.role}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        onChange={(role) => set('role', role)}
      />
      {values.role === 'editor' && (
        <MultiCombobox
          inputId={fieldId('municipalityCodes')}
          label={label('municipalityCodes')}
          hint={t('users.hints.municipalityCodes')}
          error={shown.municipalityCodes}
          choices={municipalities}
          value={values.municipalityCodes}
          onChange={(codes) => set('municipalityCodes', codes)}
        />
      )}
      <TextField
        id={fieldId('password')}
        label={label(original ? 'newPassword' : 'password')}
        hint={t(original ? 'users.hints.newPassword' : 'users.hints.password')}
        type="password"
        autoComplete="new-password"
        error={shown.password}
        value={values.password}
        onChange={(v) => set('password', v)}
      />
      {/* Saved without a password, an account can only log in through single sign-on: said before it happens. */}
      <p className="tm-muted" role="status">
        {values.password === '' && (!original || !original.hasPassword) ? t(original ? 'users.ssoOnlyNow' : 'users.ssoOnly') : ''}
      </p>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {original ? t('users.save') : t('users.create')}
        </Button>
        {extraActions}
      </ButtonGroup>
    </form>
  );
}
