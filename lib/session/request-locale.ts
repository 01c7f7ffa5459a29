import 'server-only';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale, type Locale } from '@/lib/i18n/locales';

/** The language chosen in this browser; outside a request (scripts, tests) the default. */
export async function requestLocale(): Promise<Locale> {
  try {
    return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    return toLocale(undefined);
  }
}
