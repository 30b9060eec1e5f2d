import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormFieldErrorMessage, FormLabel, Heading2, Link, Paragraph, Textbox, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { loginSchema } from '@tm/shared/schemas/account';
import { ApiError } from '../../../lib/api.ts';
import type { FieldErrors } from '../../../lib/field-errors.ts';
import { checkForm } from '../../../lib/validation.ts';
import { useLogIn } from '../api/session.ts';

export function LoginForm({ returnTo, onLoggedIn }: { returnTo: string; onLoggedIn: () => void }) {
  const { t } = useTranslation();
  const logIn = useLogIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const summary = useRef<HTMLDivElement>(null);
  const refused = logIn.error instanceof ApiError && (logIn.error.status === 401 || logIn.error.status === 400);
  const throttled = logIn.error instanceof ApiError && logIn.error.status === 429;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkForm(loginSchema, { email, password });
    if (checked.errors) {
      setErrors(checked.errors);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    logIn.mutate(checked.data, { onSuccess: onLoggedIn });
  };
  const fields = (['email', 'password'] as const).filter((f) => errors[f]);

  return (
    <form className="tm-form" onSubmit={submit} noValidate style={{ maxInlineSize: '28rem' }}>
      {fields.length > 0 && (
        <Alert type="error">
          <div ref={summary} tabIndex={-1}>
            <Heading2 className="utrecht-heading-3">{t('application.errorSummary')}</Heading2>
            <UnorderedList>
              {fields.map((f) => (
                <UnorderedListItem key={f}>
                  <Link href={`#login-${f}`}>{t(`accounts.${f}`)}: {errors[f]}</Link>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </div>
        </Alert>
      )}
      {(refused || throttled) && (
        <Alert type="error">
          <Paragraph>{throttled ? t('accounts.throttled') : t('accounts.refused')}</Paragraph>
        </Alert>
      )}
      <FormField invalid={Boolean(errors.email)}>
        <FormLabel htmlFor="login-email">{t('accounts.email')}</FormLabel>
        {errors.email && <FormFieldErrorMessage id="login-email-error">{errors.email}</FormFieldErrorMessage>}
        <Textbox id="login-email" type="email" autoComplete="username" value={email} invalid={Boolean(errors.email)}
          aria-invalid={Boolean(errors.email) || undefined} aria-describedby={errors.email ? 'login-email-error' : undefined}
          onChange={(e) => setEmail(e.target.value)} />
      </FormField>
      <FormField invalid={Boolean(errors.password)}>
        <FormLabel htmlFor="login-password">{t('accounts.password')}</FormLabel>
        {errors.password && <FormFieldErrorMessage id="login-password-error">{errors.password}</FormFieldErrorMessage>}
        <Textbox id="login-password" type="password" autoComplete="current-password" value={password} invalid={Boolean(errors.password)}
          aria-invalid={Boolean(errors.password) || undefined} aria-describedby={errors.password ? 'login-password-error' : undefined}
          onChange={(e) => setPassword(e.target.value)} />
      </FormField>
      <div>
        <Button type="submit" appearance="primary-action-button" busy={logIn.isPending} disabled={logIn.isPending}>
          {t('accounts.submit')}
        </Button>
      </div>
      <Paragraph>
        <Link href={`/api/v1/sessions/oidc?returnTo=${encodeURIComponent(returnTo)}`}>{t('accounts.oidc')}</Link>
      </Paragraph>
    </form>
  );
}
