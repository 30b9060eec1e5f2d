import type { z } from 'zod';
import { isMessageKey, message, type Message, type MessageKey, type MessageParams } from './messages.ts';

type Issue = z.core.$ZodIssue;

/**
 * Options for `safeParse` that keep each issue's input, so that a missing value reads "fill in this field" rather
 * than "enter text".
 */
export const PARSE_FOR_MESSAGES = { reportInput: true } as const;

const FORMATS: Partial<Record<string, MessageKey>> = {
  date: 'validation.invalidDate',
  datetime: 'validation.invalidDateTime',
  email: 'validation.email',
  uuid: 'validation.invalidUuid',
  guid: 'validation.invalidUuid',
};

const TYPES: Partial<Record<string, MessageKey>> = {
  int: 'validation.notInteger',
  number: 'validation.notNumber',
  string: 'validation.expectedText',
  boolean: 'validation.expectedBoolean',
  array: 'validation.expectedList',
  object: 'validation.expectedObject',
};

const bound = (value: number | bigint) => Number(value);

/** zod's own issues, in words a person filling in a form understands (zod's locales name types and operators). */
function generic(issue: Issue): Message {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return bound(issue.minimum) <= 1 ? message('validation.required') : message('validation.tooShort', { min: bound(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return message('validation.tooFewItems', { min: bound(issue.minimum) });
      return message(issue.inclusive === false ? 'validation.greaterThan' : 'validation.tooSmall', { min: bound(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return message('validation.tooLong', { max: bound(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return message('validation.tooManyItems', { max: bound(issue.maximum) });
      return message(issue.inclusive === false ? 'validation.lessThan' : 'validation.tooBig', { max: bound(issue.maximum) });
    case 'invalid_type':
      if ('input' in issue && issue.input === undefined) return message('validation.required');
      return message(TYPES[issue.expected] ?? 'validation.invalid');
    case 'invalid_value':
      return message('validation.invalidChoice', { values: issue.values.map(String) });
    case 'invalid_format':
      return message(FORMATS[issue.format] ?? 'validation.invalid');
    case 'unrecognized_keys':
      return message('validation.unknownFields', { keys: issue.keys });
    default:
      return message('validation.invalid');
  }
}

/** The bounds an issue carries, for a schema's own message to mention. */
function boundsOf(issue: Issue): Record<string, number> {
  return {
    ...('minimum' in issue ? { min: bound(issue.minimum) } : {}),
    ...('maximum' in issue ? { max: bound(issue.maximum) } : {}),
  };
}

/**
 * What an issue of a shared schema says, in no language yet. A schema's own message is a key of the catalogue (with
 * the issue's bounds, and a refinement's `params`, to fill in); other issues are zod's own.
 */
export function issueMessage(issue: Issue): Message {
  if (!isMessageKey(issue.message)) return generic(issue);
  const params = issue.code === 'custom' ? (issue.params as MessageParams | undefined) : undefined;
  return message(issue.message, { ...boundsOf(issue), ...params });
}
