/**
 * A notification's sentence and its e-mail, in one language, from the catalogues. Pure: the same text in the feed
 * and in the e-mail, French unless the reader chose English.
 */
import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { catalogues } from '@/messages/catalogues';
import type { NotificationKind, NotificationParams } from './model';

function translator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: 'notifications' });
}

export function notificationText(locale: Locale, kind: NotificationKind, params: NotificationParams): string {
  return translator(locale)(`kinds.${kind}`, params);
}

/** The link to the object inside the project, as the feed builds it. */
export function notificationHref(projectKey: string, path: string): string {
  return `/projects/${encodeURIComponent(projectKey)}/${path}`;
}

export interface MailText {
  subject: string;
  body: string;
}

/** The e-mail of a notification; the link is absolute only when the instance knows its public address. */
export function notificationMail(
  locale: Locale,
  notice: { kind: NotificationKind; params: NotificationParams; projectKey: string; projectName: string; path: string },
  publicUrl: string | undefined,
): MailText {
  const t = translator(locale);
  const text = notificationText(locale, notice.kind, notice.params);
  const href = notificationHref(notice.projectKey, notice.path);
  const link = t('mail.openIn', { url: publicUrl ? `${publicUrl.replace(/\/+$/, '')}${href}` : href });
  // Subjects are one line: a line break in a reference or title would start a new header.
  const subject = t('mail.subject', { project: notice.projectName, text }).replace(/[\r\n]+/g, ' ');
  return { subject, body: t('mail.body', { project: notice.projectName, text, link }) };
}
