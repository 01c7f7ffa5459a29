import type { Locale } from '@/lib/i18n/locales';
import { catalogues } from '@/messages/catalogues';
import type { ReqifError } from './errors';

/** Why a file was refused, in the reader's language, quoting what the file said (its line, its namespace…). */
export function refusalMessage(locale: Locale, error: ReqifError): string {
  const template: string = catalogues[locale].reqif.refusals[error.code];
  return template.replace('{detail}', error.detail);
}
