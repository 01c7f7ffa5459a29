import { renderToBuffer } from '@react-pdf/renderer';
import { createTranslator } from 'next-intl';
import { createElement } from 'react';
import { TIME_ZONE, type Locale } from '@/lib/i18n/locales';
import type { GoNoGoContent } from '@/lib/signoff/readiness-snapshot';
import { catalogues } from '@/messages/catalogues';
import { CampaignReportPv, type CampaignReportDocument } from './campaign-report-pv';
import { FinalAcceptancePv, type FinalAcceptanceDocument } from './final-acceptance-pv';
import { GoNoGoPv, type PvSignature, type PvTexts } from './pv-document';

export type { PvSignature };

function textsFor(locale: Locale): PvTexts {
  const base = { locale, messages: catalogues[locale], timeZone: TIME_ZONE };
  const pv = createTranslator({ ...base, namespace: 'readiness.pv' });
  const criteria = createTranslator({ ...base, namespace: 'readiness.criteria' });
  const all = createTranslator({ ...base, namespace: 'readiness' });
  const tag = locale === 'fr' ? 'fr-FR' : 'en-GB';
  return {
    pv: (key, values) => pv(key as 'title', values),
    criteria: (key, values) => criteria(key as 'see', values),
    all: (key) => all(key as 'title'),
    dateTime: (iso) => new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)),
    date: (day) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${day}T12:00:00Z`)),
  };
}

async function pdfBytes(element: ReturnType<typeof createElement>): Promise<Uint8Array> {
  return new Uint8Array(await renderToBuffer(element as Parameters<typeof renderToBuffer>[0]));
}

/** The PV of a go / no-go record as PDF bytes, in French or English, with the signatures given so far. */
export async function renderGoNoGoPv(content: GoNoGoContent, hash: string, signatures: PvSignature[], locale: Locale): Promise<Uint8Array> {
  return pdfBytes(createElement(GoNoGoPv, { content, hash, signatures, texts: textsFor(locale) }));
}

/** The PV of a recette définitive (or ajournement) decision as PDF bytes, with its signature. */
export async function renderFinalAcceptancePv(record: FinalAcceptanceDocument, hash: string, signatures: PvSignature[], locale: Locale): Promise<Uint8Array> {
  return pdfBytes(createElement(FinalAcceptancePv, { record, hash, signatures, texts: textsFor(locale) }));
}

/** The PV de recette of one campaign's report as PDF bytes, with the signatures given on its approval request. */
export async function renderCampaignReportPv(document: CampaignReportDocument, hash: string, signatures: PvSignature[], locale: Locale): Promise<Uint8Array> {
  const campaign = createTranslator({ locale, messages: catalogues[locale], timeZone: TIME_ZONE, namespace: 'campaigns' });
  return pdfBytes(createElement(CampaignReportPv, { document, hash, signatures, texts: textsFor(locale), campaign: (key: string) => campaign(key as 'title') }));
}
