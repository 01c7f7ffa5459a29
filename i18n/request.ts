import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { catalogues } from '@/messages/catalogues';
import { LOCALE_COOKIE, TIME_ZONE, toLocale } from '@/lib/i18n/locales';
import { getCurrentUser } from '@/lib/session/current-user';

/** French unless this browser chose otherwise, or the signed-in person's profile says English. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = chosen ? toLocale(chosen) : ((await getCurrentUser())?.locale ?? toLocale(undefined));
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: catalogues[locale],
  };
});
