import type { Request, Response } from 'express';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '@tm/shared/messages/languages';

/**
 * The caller's language by `Accept-Language` (`en-GB` finds `en`); Dutch when no header, a `*` or only other
 * languages are given.
 */
export function languageOf(req: Request): Language {
  const best = req.acceptsLanguages(...LANGUAGES);
  return isLanguage(best) ? best : DEFAULT_LANGUAGE;
}

/** Marks an answer whose words follow the caller's `Accept-Language`, so that caches keep one per language. */
export function speaks(res: Response, language: Language): void {
  res.set('Content-Language', language).vary('Accept-Language');
}
