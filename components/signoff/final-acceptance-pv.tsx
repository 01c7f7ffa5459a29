import { Document, Page, Text } from '@react-pdf/renderer';
import type { FinalDecision } from '@/lib/signoff/go-live';
import type { VsrContent } from '@/lib/signoff/go-live-content';
import { Cells, Field, PvClosing, PvSignatures, printable, styles, type PvSignature, type PvTexts } from './pv-parts';

export interface FinalAcceptanceDocument {
  content: VsrContent;
  decision: FinalDecision;
  reason: string;
  newPeriodDays: number | null;
  recordedAt: string;
}

/**
 * The PV de recette définitive (or of its ajournement), drawn from what the MOA signed: the go-live record, the VSR
 * period and the anomalies raised in production during it, then the decision and its signature.
 */
export function FinalAcceptancePv({ record, hash, signatures, texts }: { record: FinalAcceptanceDocument; hash: string; signatures: PvSignature[]; texts: PvTexts }) {
  const { content } = record;
  const { pv, all } = texts;
  const title = pv(record.decision === 'accepted' ? 'finalTitle' : 'adjournedTitle');
  const recordedAt = new Date(record.recordedAt);
  return (
    <Document title={printable(`${title} — ${content.release.name}`)} author="Passerelle" creator="Passerelle" producer="Passerelle" creationDate={recordedAt} modificationDate={recordedAt}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{title}</Text>
        <Field label={pv('project')} value={`${content.project.key} — ${content.project.name}`} />
        <Field label={pv('client')} value={content.project.client} />
        <Field label={pv('release')} value={`${content.release.number}. ${content.release.name}`} />
        <Field label={pv('deployedVersion')} value={content.goLive.versionDeployed} />
        <Field label={pv('deployedAt')} value={printable(texts.dateTime(content.goLive.deployedAt))} />
        <Field label={pv('deployedBy')} value={content.goLive.deployedBy} />
        <Field label={pv('goNoGo')} value={all(`decisions.${content.goLive.goNoGoDecision}`)} />
        {content.goLive.rollback !== '' && <Field label={pv('rollback')} value={content.goLive.rollback} />}
        <Field
          label={pv('vsrPeriod')}
          value={printable(pv('vsrPeriodValue', { number: content.period.number, start: texts.dateTime(content.period.start), end: texts.dateTime(content.period.end), days: content.period.days }))}
        />

        <Text style={styles.decision}>{pv('decisionLine', { decision: all(`goLive.decisions.${record.decision}`) })}</Text>
        {record.reason !== '' && <Field label={pv('reason')} value={record.reason} />}
        {record.newPeriodDays !== null && <Field label={pv('newPeriod')} value={pv('days', { days: record.newPeriodDays })} />}

        <Text style={styles.h2}>{pv('runbook')}</Text>
        {content.goLive.runbook.map((step, i) => (
          <Cells key={i} cells={[step.label, step.doneAt ? printable(texts.dateTime(step.doneAt)) : all('goLive.notDone')]} widths={[4, 2]} />
        ))}

        <Text style={styles.h2}>{pv('productionAnomalies')}</Text>
        {content.productionAnomalies.length === 0 ? (
          <Text style={styles.small}>{pv('productionAnomaliesNone')}</Text>
        ) : (
          content.productionAnomalies.map((a) => (
            <Text key={a.number} style={styles.small}>
              ANO-{a.number} — {a.title} ({all(`severities.${a.severity}`)}, {all(`anomalyStatuses.${a.status}`)}, {printable(texts.dateTime(a.raisedAt))})
            </Text>
          ))
        )}

        <PvSignatures signatures={signatures} texts={texts} />
        <PvClosing hash={hash} footer={`${content.project.key} — ${content.release.name}`} texts={texts} />
      </Page>
    </Document>
  );
}
