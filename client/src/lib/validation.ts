import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldError } from '@tm/shared/schemas/problem';

/** The shared schemas' own custom messages, by their English text, so both the form and the server speak Dutch. */
const CUSTOM_MESSAGES: Record<string, string> = {
  'Must not be in the future': 'validation.futureDate',
  'A merger takes effect on the first day of a month (a herindeling on 1 January)': 'validation.firstOfMonth',
  'Name at least one municipality': 'validation.chooseMunicipality',
  'A merger of one municipality needs a new code; a new name alone is a rename': 'validation.mergerNeedsNewCode',
  'Nothing to change': 'validation.nothingToChange',
  'effectiveDate only applies to a change of status or lifecycle': 'validation.effectiveDateOnlyForStatus',
  'inUseSince and effectiveDate disagree; give one of them': 'validation.conflictingDates',
  Required: 'validation.required',
  'Expected a whole year': 'validation.notInteger',
  'Expected a whole number of months': 'validation.notInteger',
  'Must not be negative': 'validation.tooSmall',
  'Expected a date as YYYY-MM-DD': 'validation.invalidDate',
  'Expected an e-mail address': 'validation.email',
  'Select at least one application': 'validation.selectOne',
  'Must be more than 0': 'validation.positive',
  'At most 1 (100% per year)': 'validation.ratePerYearMax',
  'An editor edits for at least one municipality': 'validation.editorNeedsMunicipality',
  'Only an editor is bound to municipalities': 'validation.onlyEditorMunicipalities',
  'Choose at least one scope: read, write or admin': 'validation.chooseScope',
  'Must lie in the future': 'validation.futureOnly',
};

/** A message the shared schemas or the server write in English, in the reader's language; undefined when unknown. */
export function translatedMessage(message: string, t: TFunction, params: Record<string, unknown> = {}): string | undefined {
  const key = CUSTOM_MESSAGES[message];
  if (key) return t(key, { min: 0, ...params });
  const year = /^Expected a year (from|up to) (\d+)$/.exec(message);
  if (year) return t(year[1] === 'from' ? 'validation.tooSmall' : 'validation.tooBig', { min: year[2], max: year[2] });
  const selected = /^At most (\d+) applications per request$/.exec(message);
  if (selected) return t('validation.tooManySelected', { max: selected[1] });
  const months = /^At (most|least) (\d+) months?$/.exec(message);
  if (months) return months[1] === 'most' ? t('validation.tooBig', { max: months[2] }) : t('validation.tooSmall', { min: months[2] });
  const chars = /^At (most|least) (\d+) characters$/.exec(message);
  if (chars) return chars[1] === 'most' ? t('validation.tooLong', { max: chars[2] }) : t('validation.tooShort', { min: chars[2] });
  const days = /^At most (\d+) days from now$/.exec(message);
  if (days) return t('apiTokens.tooLong', { days: days[1] });
  const municipality = /^Unknown municipality (\S+)$/.exec(message);
  if (municipality) return t('validation.unknownMunicipality', { code: municipality[1] });
  return undefined;
}

type Issue = z.core.$ZodIssue;

/** One issue of a shared zod schema in the reader's language. */
export function issueMessage(issue: Issue, t: TFunction): string {
  const custom = translatedMessage(issue.message, t);
  if (custom) return custom;
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return t('validation.required');
      return t('validation.tooSmall', { min: issue.minimum });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: issue.maximum });
      if (issue.origin === 'array') return t('validation.tooManyItems', { max: issue.maximum });
      return t('validation.tooBig', { max: issue.maximum });
    case 'invalid_type':
      if (issue.expected === 'int') return t('validation.notInteger');
      if (issue.expected === 'number') return t('validation.notNumber');
      return t('validation.required');
    case 'invalid_value':
      return t('validation.invalidChoice');
    case 'invalid_format':
      return issue.format === 'date' ? t('validation.invalidDate') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

export type FieldErrors = Record<string, string>;

/** Field path (its first segment: the form field) → first message, in schema order. */
export function fieldErrorsFromZod(error: z.ZodError, t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? String(issue.path[0]) : '_form';
    out[field] ??= issueMessage(issue, t);
  }
  return out;
}

/** A server's 400 `errors` in the same shape; unknown messages are shown as the server wrote them. */
export function fieldErrorsFromProblem(errors: readonly FieldError[], t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const field = e.path.split('.')[0] || '_form';
    out[field] ??= translatedMessage(e.message, t) ?? e.message;
  }
  return out;
}
