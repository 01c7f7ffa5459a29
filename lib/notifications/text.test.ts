import { describe, expect, test } from 'vitest';
import { NOTIFICATION_KINDS } from './model';
import { notificationHref, notificationMail, notificationText } from './text';

const params = { ref: '#3', subject: 'LDB-2 Lot paie', status: 'approved_with_reservations', due: '2026-12-31', version: 4, decision: 'go' };

describe('notification texts', () => {
  test('every kind has a sentence in French and in English, with its values filled in', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const locale of ['fr', 'en'] as const) {
        const text = notificationText(locale, kind, params);
        expect(text).not.toMatch(/[{}]|notifications\./);
        expect(text).toMatch(/#3|EXF|4/);
      }
    }
    expect(notificationText('fr', 'approval_decided', params)).toBe('#3 : approuvée avec réserves — LDB-2 Lot paie');
    expect(notificationText('en', 'approval_decided', { ...params, status: 'rejected' })).toBe('#3: rejected — LDB-2 Lot paie');
  });

  test('the e-mail names the project, keeps the subject on one line and links to the object', () => {
    const notice = { kind: 'approval_requested' as const, params: { ref: '#1', subject: 'LDB-1\r\nBcc: x@y.z' }, projectKey: 'PAIE', projectName: 'Paie', path: 'approvals/1' };
    const fr = notificationMail('fr', notice, 'https://passerelle.example/');
    expect(fr.subject).toBe('[Passerelle · Paie] Approbation demandée : LDB-1 Bcc: x@y.z (#1)');
    expect(fr.body).toContain('Dans le projet Paie :');
    expect(fr.body).toContain('https://passerelle.example/projects/PAIE/approvals/1');
    const en = notificationMail('en', notice, undefined);
    expect(en.body).toContain('In project Paie:');
    expect(en.body).toContain('Open in Passerelle: /projects/PAIE/approvals/1');
  });

  test('links are built from the project key, encoded', () => {
    expect(notificationHref('PAIE', 'anomalies/ANO-3')).toBe('/projects/PAIE/anomalies/ANO-3');
  });
});
