import 'server-only';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale, type Locale } from '@/lib/i18n/locales';

/** The language chosen in this browser, if any; outside a request (scripts, tests) none. */
export async function chosenLocale(): Promise<Locale | null> {
  try {
    const value = (await cookies()).get(LOCALE_COOKIE)?.value;
    return value ? toLocale(value) : null;
  } catch {
    return null;
  }
}

/** The language chosen in this browser, else the default. */
export async function requestLocale(): Promise<Locale> {
  return (await chosenLocale()) ?? toLocale(undefined);
}
