import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { StoredLifting } from '@/lib/signoff/lifting';
import { Field, PvClosing, PvSignatures, printable, styles, type PvSignature, type PvTexts } from './pv-parts';

export interface LiftingDocument {
  content: StoredLifting & { project: NonNullable<StoredLifting['project']> };
  signature: PvSignature & { reason: string; revokedAt: string | null };
}

export type LiftingTexts = PvTexts & {
  /** `anomalies.*` (statuses, severities, execution results) */
  anomaly: (key: string) => string;
};

/**
 * The PV de levée d'une réserve, drawn from what the approver signed: the project, the approval and deliverable
 * the reservation came from, the reservation, each anomaly with its closure and last retest, then the signature.
 * Its dates are the signed ones, so regenerating it gives the same document.
 */
export function LiftingPv({ document, hash, texts }: { document: LiftingDocument; hash: string; texts: LiftingTexts }) {
  const { content, signature } = document;
  const { pv, anomaly } = texts;
  const signedAt = new Date(signature.signedAt);
  const title = pv('title', { number: content.reservation.number });
  const dash = (value: string | null) => value ?? '—';
  return (
    <Document title={printable(`${title} — ${content.project.key}`)} author="Passerelle" creator="Passerelle" producer="Passerelle" creationDate={signedAt} modificationDate={signedAt}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{title}</Text>
        <Field label={pv('project')} value={`${content.project.key} — ${content.project.name}`} />
        <Field label={pv('client')} value={content.project.client} />
        <Field
          label={pv('approval')}
          value={content.approval ? pv('approvalValue', { number: content.approval.number, deliverable: texts.all(`deliverables.${content.approval.deliverable}`) }) : pv('approvalValue', { number: content.reservation.request, deliverable: '—' })}
        />
        {content.approval?.baseline && <Field label={pv('baseline')} value={pv('baselineValue', { number: content.approval.baseline.number, name: content.approval.baseline.name })} />}

        <Text style={styles.h2}>{pv('reservation', { number: content.reservation.number })}</Text>
        <Text style={{ marginBottom: 4 }}>{content.reservation.text}</Text>
        <Field label={pv('owner')} value={dash(content.reservation.owner)} />
        <Field label={pv('due')} value={printable(texts.date(content.reservation.dueDate))} />

        <Text style={styles.h2}>{pv('anomalies')}</Text>
        {content.anomalies.length === 0 ? (
          <Text style={styles.small}>{pv('noAnomaly')}</Text>
        ) : (
          content.anomalies.map((a) => (
            <View key={a.number} wrap={false} style={{ marginBottom: 4 }}>
              <Text style={styles.head}>
                {pv('anomalyLine', { number: a.number, title: a.title, severity: a.severity ? anomaly(`severities.${a.severity}`) : '—', status: anomaly(`statuses.${a.status}`) })}
              </Text>
              <Text style={styles.small}>
                {a.closed
                  ? printable(pv('closedLine', { date: texts.dateTime(a.closed.at), name: dash(a.closed.by) })) + (a.closed.reason ? ` — ${a.closed.reason}` : '')
                  : pv('notClosed')}
              </Text>
              <Text style={styles.small}>
                {a.retest
                  ? printable(pv('retestLine', { result: anomaly(`executionStatuses.${a.retest.status}`), date: texts.dateTime(a.retest.at), campaign: a.retest.campaign, build: a.retest.build || '—', name: dash(a.retest.by) }))
                  : pv('noRetest')}
              </Text>
            </View>
          ))
        )}

        <Text style={styles.decision}>{pv('liftedLine', { date: printable(texts.dateTime(signature.signedAt)) })}</Text>
        <Field label={pv('signer')} value={`${signature.name} (${texts.all(`roles.${signature.role}`)})`} />
        <Field label={pv('meaning')} value={texts.all(`meanings.${signature.meaning}`)} />
        <Field label={pv('reason')} value={signature.reason === '' ? '—' : signature.reason} />
        {signature.revokedAt && <Field label={pv('revoked')} value={printable(texts.dateTime(signature.revokedAt))} />}
        <PvSignatures signatures={[signature]} texts={texts} />
        <PvClosing hash={hash} footer={`${content.project.key} — ${title}`} texts={texts} />
      </Page>
    </Document>
  );
}
