import type { z } from 'zod';
import type { Language } from '@tm/shared/messages/languages';
import { translate } from '@tm/shared/messages/messages';
import { issueMessage, PARSE_FOR_MESSAGES } from '@tm/shared/messages/zod-issues';
import { type FieldErrors, firstSegment } from './field-errors.ts';
import { currentLanguage } from './i18n.ts';

/** One issue of a shared schema in the words the server uses for it, in the reader's language. */
export function issueText(issue: z.core.$ZodIssue, language: Language = currentLanguage()): string {
  return translate(language, issueMessage(issue));
}

export type Checked<T> = { data: T; errors?: undefined } | { data?: undefined; errors: FieldErrors };

/**
 * A form's values checked with their shared schema, as the server checks them and in the same words: the parsed
 * data, or the first message per field in schema order. `fieldOf` says which form field a path belongs to, as for
 * the server's refusals (`fieldErrorsFromProblem`): by default its first segment, `_form` for the whole.
 */
export function checkForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
  language: Language = currentLanguage(),
  fieldOf: (path: string) => string = firstSegment,
): Checked<z.output<S>> {
  const parsed = schema.safeParse(values, PARSE_FOR_MESSAGES);
  if (parsed.success) return { data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[fieldOf(issue.path.join('.'))] ??= issueText(issue, language);
  return { errors };
}
