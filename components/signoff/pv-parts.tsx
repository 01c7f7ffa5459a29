import path from 'node:path';
import { Font, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { CriteriaTexts } from './criterion-finding';

/**
 * What every PV (go / no-go, recette définitive, levée des réserves) is drawn with: the embedded font, the styles,
 * label/value fields, table rows, the signatures block and the page footer. Each document draws from frozen or
 * signed content only, so the same record always gives the same document (its dates are the record's, never "now").
 * Noto Sans from @fontsource is embedded so that every French character prints; hyphenation is off, since the
 * built-in one splits French words the English way.
 */
const FONT_DIR = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans', 'files');
Font.register({
  family: 'Noto Sans',
  fonts: [
    { src: path.join(FONT_DIR, 'noto-sans-latin-400-normal.woff'), fontWeight: 400 },
    { src: path.join(FONT_DIR, 'noto-sans-latin-700-normal.woff'), fontWeight: 700 },
  ],
});
Font.registerHyphenationCallback((word) => [word]);

export const styles = StyleSheet.create({
  page: { fontFamily: 'Noto Sans', fontSize: 9, padding: 36, paddingBottom: 48, lineHeight: 1.35 },
  title: { fontSize: 15, fontWeight: 700, marginBottom: 10 },
  h2: { fontSize: 11, fontWeight: 700, marginTop: 12, marginBottom: 4 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#999', paddingVertical: 2 },
  head: { fontWeight: 700 },
  label: { width: 130, fontWeight: 700 },
  decision: { fontSize: 13, fontWeight: 700, marginVertical: 6 },
  small: { fontSize: 8, color: '#333' },
  hash: { fontSize: 7.5, fontFamily: 'Courier' },
  footer: { position: 'absolute', bottom: 20, left: 36, right: 36, fontSize: 7.5, flexDirection: 'row', justifyContent: 'space-between' },
});

export interface PvTexts {
  /** `readiness.pv.*` */
  pv: (key: string, values?: Record<string, string | number>) => string;
  /** `readiness.criteria.*` */
  criteria: CriteriaTexts;
  /** `readiness.*` (decisions, verdicts, severities, statuses, roles) */
  all: (key: string) => string;
  /** A date and time in Europe/Paris, in the document's language. */
  dateTime: (iso: string) => string;
  date: (calendarDate: string) => string;
}

export function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: 2 }}>
      <Text style={styles.label}>{label}</Text>
      <Text style={{ flex: 1 }}>{value}</Text>
    </View>
  );
}

export function Cells({ cells, widths, head }: { cells: string[]; widths: number[]; head?: boolean }) {
  return (
    <View style={styles.row} wrap={false}>
      {cells.map((cell, i) => (
        <Text key={i} style={[{ flex: widths[i] }, head ? styles.head : {}]}>
          {cell}
        </Text>
      ))}
    </View>
  );
}

/** Non-breaking narrow spaces (French number and date formats) are not in the font's subset: a plain NBSP prints. */
export const printable = (text: string) => text.replace(/\u202F/g, '\u00A0');

/** A signature as the PV prints it: who (name and role at signing), what it means, when, and the hash signed. */
export interface PvSignature {
  name: string;
  role: string;
  meaning: string;
  signedAt: string;
  hash: string;
  revoked: boolean;
}

/** The signatures block: each with the printed name and role at signing, the meaning, the time and the hash signed. */
export function PvSignatures({ signatures, texts }: { signatures: PvSignature[]; texts: PvTexts }) {
  const { pv, all } = texts;
  return (
    <>
      <Text style={styles.h2}>{pv('signatures')}</Text>
      {signatures.length === 0 ? (
        <Text style={styles.small}>{pv('noSignature')}</Text>
      ) : (
        signatures.map((sig, index) => (
          <View key={index} wrap={false} style={{ marginBottom: 4 }}>
            <Text style={sig.revoked ? { textDecoration: 'line-through' } : {}}>
              {printable(pv('signatureLine', { name: sig.name, role: all(`roles.${sig.role}`), meaning: all(`meanings.${sig.meaning}`), date: texts.dateTime(sig.signedAt) }))}
            </Text>
            <Text style={styles.hash}>{sig.hash}</Text>
          </View>
        ))
      )}
    </>
  );
}

/** The content hash, the generation note and the footer with the page numbers. */
export function PvClosing({ hash, footer, texts }: { hash: string; footer: string; texts: PvTexts }) {
  const { pv } = texts;
  return (
    <>
      <Text style={styles.h2}>{pv('hash')}</Text>
      <Text style={styles.hash}>{hash}</Text>
      <Text style={[styles.small, { marginTop: 8 }]}>{pv('generated')}</Text>
      <View style={styles.footer} fixed>
        <Text>{footer}</Text>
        <Text render={({ pageNumber, totalPages }) => pv('page', { page: pageNumber, pages: totalPages })} />
      </View>
    </>
  );
}
