import { createTranslator } from 'next-intl';
import { TIME_ZONE, type Locale } from '@/lib/i18n/locales';
import { catalogues } from '@/messages/catalogues';

/** The exports' texts in the reader's language; apart from the sheets so these build without next-intl (the bench). */
export function translators(locale: Locale) {
  const messages = catalogues[locale];
  return {
    t: createTranslator({ locale, messages, namespace: 'spreadsheets.export', timeZone: TIME_ZONE }),
    all: createTranslator({ locale, messages, timeZone: TIME_ZONE }),
  };
}

export type Translators = ReturnType<typeof translators>;
