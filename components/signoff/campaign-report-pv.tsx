import { Document, Page, Text } from '@react-pdf/renderer';
import { ITEM_STATES } from '@/lib/recette/campaign-item-state';
import { anomaliesBySeverity, type CampaignReportSnapshot } from '@/lib/signoff/campaign-report';
import type { ApprovalStatus } from '@/lib/signoff/model';
import { Cells, Field, PvClosing, PvSignatures, printable, styles, type PvSignature, type PvTexts } from './pv-parts';

/** A reservation as the PV prints it: as it was raised with the decision (its later lifting is the PV de levée's). */
export interface PvReservation {
  number: number;
  text: string;
  owner: string;
  dueDate: string;
  anomalies: number[];
}

export interface CampaignReportDocument {
  request: { number: number; requestedBy: string; requestedAt: string; status: ApprovalStatus; decidedAt: string | null };
  snapshot: CampaignReportSnapshot;
  reservations: PvReservation[];
}

/** Campaign texts: `campaigns.*` (types, item states). */
export type CampaignTexts = (key: string) => string;

/**
 * The PV de recette of one campaign, drawn from the report frozen when its approval was asked, the reservations
 * raised with the decision and the signatures given on it (pv-parts.tsx). Nothing here reads the clock: the same
 * request in the same state prints the same document.
 */
export function CampaignReportPv({ document, hash, signatures, texts, campaign: c }: { document: CampaignReportDocument; hash: string; signatures: PvSignature[]; texts: PvTexts; campaign: CampaignTexts }) {
  const { snapshot, request } = document;
  const { campaign } = snapshot;
  const { pv, all } = texts;
  const p = (text: string) => printable(text);
  const stamp = new Date(request.decidedAt ?? request.requestedAt);
  const widths = [4.5, 1.6, 2.2, 2.2];
  const decision = request.status === 'pending' ? pv('approvalPending') : all(`meanings.${request.status}`);
  return (
    <Document title={p(`${pv('campaignReportTitle')} — ${campaign.name}`)} author="Passerelle" creator="Passerelle" producer="Passerelle" creationDate={stamp} modificationDate={stamp}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.title}>{pv('campaignReportTitle')}</Text>
        <Field label={pv('project')} value={`${snapshot.project.key} — ${snapshot.project.name}`} />
        <Field label={pv('client')} value={snapshot.project.client} />
        <Field label={pv('campaign')} value={`${campaign.number}. ${campaign.name}`} />
        <Field label={pv('campaignType')} value={c(`types.${campaign.type}`)} />
        <Field label={pv('scope')} value={[pv('scopeValue', { count: snapshot.counts.total }), campaign.description].filter(Boolean).join(' — ')} />
        <Field label={pv('environment')} value={`${campaign.environment || '—'} / ${campaign.build || '—'}`} />
        <Field
          label={pv('campaignDates')}
          value={p(pv('campaignDatesValue', { start: campaign.startedAt ? texts.dateTime(campaign.startedAt) : '—', end: campaign.closedAt ? texts.dateTime(campaign.closedAt) : '—' }))}
        />
        <Field label={pv('request')} value={p(pv('requestValue', { number: request.number, name: request.requestedBy, date: texts.dateTime(request.requestedAt) }))} />

        <Text style={styles.decision}>{pv('decisionLine', { decision })}</Text>

        <Text style={styles.h2}>{pv('counts')}</Text>
        <Cells head cells={[...ITEM_STATES.map((s) => c(`states.${s}`)), pv('total')]} widths={[...ITEM_STATES.map(() => 1), 1]} />
        <Cells cells={[...ITEM_STATES.map((s) => String(snapshot.counts[s])), String(snapshot.counts.total)]} widths={[...ITEM_STATES.map(() => 1), 1]} />

        <Text style={styles.h2}>{pv('resultsTable')}</Text>
        <Cells head cells={[pv('testCase'), pv('verdictColumn'), pv('executedBy'), pv('executedAt')]} widths={widths} />
        {snapshot.results.map((r) => (
          <Cells
            key={r.testCase}
            cells={[`CT-${r.testCase} ${r.title}`, c(`states.${r.verdict}`), r.executedBy ?? '—', r.executedAt ? p(texts.dateTime(r.executedAt)) : '—']}
            widths={widths}
          />
        ))}

        <Text style={styles.h2}>{pv('campaignAnomalies')}</Text>
        {snapshot.anomalies.length === 0 ? (
          <Text style={styles.small}>{pv('campaignAnomaliesNone')}</Text>
        ) : (
          anomaliesBySeverity(snapshot.anomalies)
            .filter((g) => g.total > 0)
            .map((g) => (
              <Text key={g.severity} wrap={false}>
                <Text style={styles.head}>{pv('severityTotal', { severity: all(`severities.${g.severity}`), total: g.total, open: g.open })}</Text>
                {g.anomalies.map((a) => `\nANO-${a.number} — ${a.title} (${all(`anomalyStatuses.${a.status}`)})`).join('')}
              </Text>
            ))
        )}

        <Text style={styles.h2}>{pv('reservations')}</Text>
        {document.reservations.length === 0 ? (
          <Text style={styles.small}>{pv('reservationsNone')}</Text>
        ) : (
          document.reservations.map((r) => (
            <Text key={r.number} wrap={false} style={{ marginBottom: 2 }}>
              {p(pv('reservationLine', { number: r.number, text: r.text, owner: r.owner, due: texts.date(r.dueDate) }))}
              {r.anomalies.length > 0 && `\n${pv('reservationAnomalies', { refs: r.anomalies.map((n) => `ANO-${n}`).join(', ') })}`}
            </Text>
          ))
        )}

        <PvSignatures signatures={signatures} texts={texts} />
        <PvClosing hash={hash} footer={`${snapshot.project.key} — ${campaign.number}. ${campaign.name}`} texts={texts} />
      </Page>
    </Document>
  );
}
