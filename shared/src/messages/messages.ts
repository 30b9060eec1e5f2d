import { createInstance } from 'i18next';
import { en } from './en.ts';
import { DEFAULT_LANGUAGE, type Language } from './languages.ts';
import { nl } from './nl.ts';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & (string | number)]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & (string | number)];
type WithoutPluralForm<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/** A message of the catalogue; it is also the message's `code` in a problem document. */
export type MessageKey = WithoutPluralForm<Leaves<typeof nl>>;

type ParamValue = string | number | Message;
/** Values to fill in; a message among them is translated first, a list is written as the language writes lists. */
export type MessageParams = Readonly<Record<string, ParamValue | readonly ParamValue[]>>;

/** What to say, not yet in which language: errors carry this until the answer knows its reader's language. */
export type Message = { readonly key: MessageKey; readonly params?: MessageParams };

export function message(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

const catalogue = createInstance({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: false,
  initAsync: false,
  // The texts land in JSON and in React, which escape for themselves.
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});
void catalogue.init();

function resolved(language: Language, value: ParamValue): string | number {
  return typeof value === 'object' ? translate(language, value) : value;
}

export function translate(language: Language, { key, params = {} }: Message): string {
  const values = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.map((v: ParamValue) => resolved(language, v)) : resolved(language, value as ParamValue),
    ]),
  );
  return catalogue.t(key, { ...values, lng: language });
}

const KEYS = new Set<string>(
  (function keysOf(node: object, prefix: string): string[] {
    return Object.entries(node).flatMap(([k, v]) =>
      typeof v === 'string' ? [`${prefix}${k.replace(/_(one|other)$/, '')}`] : keysOf(v as object, `${prefix}${k}.`),
    );
  })(nl, ''),
);

/** Whether a text is a key of the catalogue (as the shared schemas write their own messages) rather than prose. */
export function isMessageKey(text: string): text is MessageKey {
  return KEYS.has(text);
}
