import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';
import { catalogues } from '@/messages/catalogues';

/** The catalogue text at a dotted path, if there is one. */
export function lookup(locale: Locale, path: string): string | undefined {
  let node: unknown = catalogues[locale];
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Error and validation texts for action results, in the actor's language. */
export function errorMessage(locale: Locale, key: string): string {
  return lookup(locale, `errors.${key}`) ?? lookup(locale, 'errors.server_error') ?? key;
}

/** Schema messages are catalogue keys (e.g. `password.tooShort`); anything else is zod's own localized text. */
export function validationMessage(locale: Locale, message: string): string {
  return lookup(locale, `validation.${message}`) ?? message;
}

/** zod's own messages in the reader's language, for inputs whose schema names no catalogue key. */
export function zodErrorMap(locale: Locale) {
  return locale === 'fr' ? z.locales.fr().localeError : z.locales.en().localeError;
}
