import path from 'node:path';
import { Document, Font, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { GoNoGoContent } from '@/lib/signoff/readiness-snapshot';
import { criterionFinding, type CriteriaTexts } from './criterion-finding';

/**
 * The PV de recette of a go / no-go record, drawn from its frozen content only: the same record always gives the
 * same document (its dates are the record's, never "now"). Noto Sans from @fontsource is embedded so that every
 * French character prints; hyphenation is off, since the built-in one splits French words the English way.
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

const styles = StyleSheet.create({
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

function Field({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flexDirection: 'row', marginBottom: 2 }}>
      <Text style={styles.label}>{label}</Text>
      <Text style={{ flex: 1 }}>{value}</Text>
    </View>
  );
}

function Cells({ cells, widths, head }: { cells: string[]; widths: number[]; head?: boolean }) {
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
const printable = (text: string) => text.replace(/\u202F/g, '\u00A0');

/** A signature as the PV prints it: who (name and role at signing), what it means, when, and the hash signed. */
export interface PvSignature {
  name: string;
  role: string;
  meaning: string;
  signedAt: string;
  hash: string;
  revoked: boolean;
}

export function GoNoGoPv({ content, hash, signatures, texts }: { content: GoNoGoContent; hash: string; signatures: PvSignature[]; texts: PvTexts }) {
  const { snapshot } = content;
  const { pv, all } = texts;
  const p = (text: string) => printable(text);
  const severities = ['blocking', 'major', 'minor'] as const;
  const recordedAt = new Date(content.recordedAt);
  return (
    <Document title={p(`${pv('title')} — ${snapshot.release.name}`)} author="Passerelle" creator="Passerelle" producer="Passerelle" creationDate={recordedAt} modificationDate={recordedAt}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{pv('title')}</Text>
        <Field label={pv('project')} value={`${snapshot.project.key} — ${snapshot.project.name}`} />
        <Field label={pv('client')} value={snapshot.project.client} />
        <Field label={pv('release')} value={`${snapshot.release.number}. ${snapshot.release.name}`} />
        {snapshot.release.version !== '' && <Field label={pv('version')} value={snapshot.release.version} />}
        {snapshot.release.targetDate && <Field label={pv('targetDate')} value={p(texts.date(snapshot.release.targetDate))} />}
        {snapshot.release.scope !== '' && <Field label={pv('scope')} value={snapshot.release.scope} />}
        <Field label={pv('recordedAt')} value={p(texts.dateTime(content.recordedAt))} />

        <Text style={styles.decision}>
          {pv('decisionLine', { decision: all(`decisions.${content.decision}`) })}
        </Text>
        <Field label={pv('proposed')} value={all(`decisions.${snapshot.proposedDecision}`)} />
        {content.reason !== '' && <Field label={pv('reason')} value={content.reason} />}
        <Field label={pv('participants')} value={content.participants.map((x) => `${x.name} (${all(`roles.${x.role}`)})`).join(', ')} />

        <Text style={styles.h2}>{pv('criteria')}</Text>
        <Cells head cells={[pv('criterion'), pv('finding'), pv('verdict')]} widths={[3, 4, 1.4]} />
        {snapshot.criteria.map((c) => (
          <Cells key={c.key} cells={[texts.criteria(`${c.key}.label`), criterionFinding(texts.criteria, c.key, snapshot.inputs), all(`verdicts.${c.verdict}`)]} widths={[3, 4, 1.4]} />
        ))}

        <Text style={styles.h2}>{pv('campaigns')}</Text>
        <Cells head cells={[pv('campaign'), pv('environment'), pv('results'), pv('failed'), pv('blocked'), pv('notRun'), pv('pending'), pv('total')]} widths={[3, 2.2, 1, 1, 1, 1, 1, 1]} />
        {snapshot.campaigns.map((c) => (
          <Cells
            key={c.number}
            cells={[
              `${c.number}. ${c.name}`,
              `${c.environment} / ${c.build}`,
              String(c.results.passed),
              String(c.results.failed),
              String(c.results.blocked),
              String(c.results.notRun),
              String(c.results.pending),
              String(c.results.total),
            ]}
            widths={[3, 2.2, 1, 1, 1, 1, 1, 1]}
          />
        ))}

        <Text style={styles.h2}>{pv('anomalies')}</Text>
        <Text>
          {severities.map((s) => pv('severityCount', { severity: all(`severities.${s}`), count: snapshot.inputs.openAnomalies[s] })).join(' · ')}
        </Text>
        {snapshot.openAnomalies.length === 0 ? (
          <Text style={styles.small}>{pv('anomaliesNone')}</Text>
        ) : (
          snapshot.openAnomalies.map((a) => (
            <Text key={a.number} style={styles.small}>
              ANO-{a.number} — {a.title} ({all(`severities.${a.severity}`)}, {all(`anomalyStatuses.${a.status}`)})
            </Text>
          ))
        )}

        {snapshot.requirementGaps.length > 0 && (
          <>
            <Text style={styles.h2}>{pv('gaps')}</Text>
            {snapshot.requirementGaps.map((g) => (
              <Text key={g.number} style={styles.small}>
                EXF-{g.number} — {g.title} ({all(`gaps.${g.gap}`)})
              </Text>
            ))}
          </>
        )}

        <Text style={styles.h2}>{pv('checklist')}</Text>
        {snapshot.checklist.map((i, index) => (
          <Cells key={index} cells={[i.label, i.owner ?? '—', all(`checklist.statuses.${i.status}`)]} widths={[4, 2, 1.4]} />
        ))}

        <Text style={styles.h2}>{pv('signatures')}</Text>
        {signatures.length === 0 ? (
          <Text style={styles.small}>{pv('noSignature')}</Text>
        ) : (
          signatures.map((sig, index) => (
            <View key={index} wrap={false} style={{ marginBottom: 4 }}>
              <Text style={sig.revoked ? { textDecoration: 'line-through' } : {}}>
                {p(pv('signatureLine', { name: sig.name, role: all(`roles.${sig.role}`), meaning: all(`meanings.${sig.meaning}`), date: texts.dateTime(sig.signedAt) }))}
              </Text>
              <Text style={styles.hash}>{sig.hash}</Text>
            </View>
          ))
        )}

        <Text style={styles.h2}>{pv('hash')}</Text>
        <Text style={styles.hash}>{hash}</Text>
        <Text style={[styles.small, { marginTop: 8 }]}>{pv('generated')}</Text>

        <View style={styles.footer} fixed>
          <Text>
            {snapshot.project.key} — {snapshot.release.name}
          </Text>
          <Text render={({ pageNumber, totalPages }) => pv('page', { page: pageNumber, pages: totalPages })} />
        </View>
      </Page>
    </Document>
  );
}
