import { renderToBuffer } from '@react-pdf/renderer';
import { createTranslator } from 'next-intl';
import { createElement } from 'react';
import { TIME_ZONE, type Locale } from '@/lib/i18n/locales';
import { catalogues } from '@/messages/catalogues';
import { LiftingPv, type LiftingDocument, type LiftingTexts } from './lifting-pv';

/** The texts of the PV de levée: its own namespace, the signoff roles and meanings, the anomaly vocabulary. */
function liftingTexts(locale: Locale): LiftingTexts {
  const base = { locale, messages: catalogues[locale], timeZone: TIME_ZONE };
  const pv = createTranslator({ ...base, namespace: 'signoff.liftPv' });
  const signoff = createTranslator({ ...base, namespace: 'signoff' });
  const criteria = createTranslator({ ...base, namespace: 'readiness.criteria' });
  const anomalies = createTranslator({ ...base, namespace: 'anomalies' });
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return {
    pv: (key, values) => pv(key as 'title', values as { number: number }),
    criteria: (key, values) => criteria(key as 'see', values),
    all: (key) => signoff(key as 'title'),
    anomaly: (key) => anomalies(key as 'title'),
    dateTime: (iso) => new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)),
    date: (day) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${day}T12:00:00Z`)),
  };
}

/** The PV de levée of a reservation as PDF bytes, in French or English. */
export async function renderLiftingPv(document: LiftingDocument, hash: string, locale: Locale): Promise<Uint8Array> {
  const element = createElement(LiftingPv, { document, hash, texts: liftingTexts(locale) });
  return new Uint8Array(await renderToBuffer(element as Parameters<typeof renderToBuffer>[0]));
}
