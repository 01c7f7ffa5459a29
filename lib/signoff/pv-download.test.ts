import { describe, expect, test } from 'vitest';
import { pdfDownload, PV_QUERY, pvSignature } from './pv-download';

describe('PV downloads', () => {
  test('the language is French unless English is asked; anything else falls back to French', () => {
    expect(PV_QUERY.parse({}).lang).toBeUndefined();
    expect(PV_QUERY.parse({ lang: 'en' }).lang).toBe('en');
    expect(PV_QUERY.parse({ lang: 'de' }).lang).toBeUndefined();
  });

  test('a signature prints its signer, role, meaning, UTC time, hash, and whether it was revoked', () => {
    const signed = { signerName: 'Philippe Leroy', signerRole: 'moa', meaning: 'approved', signedAt: new Date('2026-04-01T08:30:00Z'), contentHash: 'ab'.repeat(32) };
    expect(pvSignature({ ...signed, revokedAt: null })).toEqual({
      name: 'Philippe Leroy',
      role: 'moa',
      meaning: 'approved',
      signedAt: '2026-04-01T08:30:00.000Z',
      hash: 'ab'.repeat(32),
      revoked: false,
    });
    expect(pvSignature({ ...signed, revokedAt: new Date('2026-04-02T08:30:00Z') }).revoked).toBe(true);
  });

  test('the PDF is an attachment under its name, kept by no shared cache', async () => {
    const response = pdfDownload(new TextEncoder().encode('%PDF-1.3'), 'PV-W9-version-1.pdf');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="PV-W9-version-1.pdf"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.text()).toBe('%PDF-1.3');
  });
});
