import { Document, Page, Text } from '@react-pdf/renderer';
import type { GoNoGoContent } from '@/lib/signoff/readiness-snapshot';
import { criterionFinding } from './criterion-finding';
import { Cells, Field, PvClosing, PvSignatures, printable, styles, type PvSignature, type PvTexts } from './pv-parts';

export type { PvSignature, PvTexts };

/** The PV de recette of a go / no-go record, drawn from its frozen content only (pv-parts.tsx). */
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

        <PvSignatures signatures={signatures} texts={texts} />
        <PvClosing hash={hash} footer={`${snapshot.project.key} — ${snapshot.release.name}`} texts={texts} />
      </Page>
    </Document>
  );
}
