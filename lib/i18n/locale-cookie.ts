import { LOCALE_COOKIE, type Locale } from './locales';

/** Remembers the language in this browser for a year; read by the server on every request. */
export function rememberLocaleInBrowser(locale: Locale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}
