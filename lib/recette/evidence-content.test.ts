import { describe, expect, test } from 'vitest';
import {
  MAX_EVIDENCE_BYTES,
  checkEvidence,
  cleanFileName,
  contentDisposition,
  extensionOf,
  isInlineImage,
  pastedImageName,
} from './evidence-content';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const pad = (head: Uint8Array, size = 64) => {
  const out = new Uint8Array(Math.max(size, head.length));
  out.set(head);
  return out;
};

// Real file prefixes, as the first bytes of files made by common tools.
const PNG = pad(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'));
const JPEG = pad(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF'));
const GIF = pad(bytes('GIF89a', [0x01, 0x00, 0x01, 0x00]));
const WEBP = pad(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '));
const PDF = bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n');
const ZIP = pad(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
const MP4 = pad(bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'));
const HEIC = pad(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic'));
const WEBM = pad(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'));
const MKV = pad(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], 'matroska'));
const EXE = pad(bytes('MZ', [0x90, 0x00, 0x03, 0x00], '\0\0\0This program cannot be run in DOS mode.'));
const ELF = pad(bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]));
const MACHO = pad(bytes([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01]));
const SCRIPT = bytes('#!/bin/sh\nrm -rf /\n');

describe('checkEvidence: the type comes from the bytes', () => {
  test.each([
    ['capture.png', PNG, 'image/png'],
    ['photo.jpg', JPEG, 'image/jpeg'],
    ['anim.gif', GIF, 'image/gif'],
    ['image.webp', WEBP, 'image/webp'],
    ['rapport.pdf', PDF, 'application/pdf'],
    ['traces.zip', ZIP, 'application/zip'],
    ['cahier.xlsx', ZIP, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['note.docx', ZIP, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['film.mp4', MP4, 'video/mp4'],
    ['ecran.webm', WEBM, 'video/webm'],
    ['serveur.log', bytes('2026-12-01 12:00:01 ERROR paie: net négatif\n\x1b[31mstack\x1b[0m\n'), 'text/plain'],
    ['notes.txt', bytes('Étape 3 : le net affiché est faux.\r\n'), 'text/plain'],
    ['sans-extension', bytes('plain text'), 'text/plain'],
    ['export.csv', bytes('matricule;net\n42;1234,56\n'), 'text/csv'],
    ['reponse.json', bytes('{"net": 1234.56, "ok": false}'), 'application/json'],
    ['casse.json', bytes('{"net": '), 'text/plain'],
  ])('%s → %s', (name, content, type) => {
    expect(checkEvidence(content, name)).toEqual({ ok: true, contentType: type });
  });

  test('a name does not change the type of an image (a PNG called .jpg is still a PNG)', () => {
    expect(checkEvidence(PNG, 'capture.jpg')).toEqual({ ok: true, contentType: 'image/png' });
    expect(checkEvidence(PNG, 'capture.txt')).toEqual({ ok: true, contentType: 'image/png' });
  });

  test.each([
    ['setup.exe', EXE],
    ['capture.png', EXE],
    ['a.out', ELF],
    ['outil', MACHO],
    ['install.sh', SCRIPT],
    ['notes.txt', SCRIPT],
    ['page.html', bytes('<!DOCTYPE html><html><script>alert(1)</script></html>')],
    ['page.txt', bytes('  <html><body onload=alert(1)>')],
    ['logo.svg', bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['logo.png', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['trace.log', bytes('\uFEFF<svg onload=alert(1)>')],
    ['trace.log', bytes('ligne 1\nvoir <script src=//evil></script>\n')],
  ])('%s with program or markup bytes is forbidden', (name, content) => {
    expect(checkEvidence(content, name)).toEqual({ ok: false, reason: 'forbiddenType' });
  });

  test.each([
    ['text renamed .png', 'capture.png', bytes('pas une image')],
    ['text renamed .js', 'script.js', bytes('alert(1)')],
    ['text renamed .exe', 'outil.exe', bytes('hello')],
    ['a zip with a program name', 'appli.jar', ZIP],
    ['a zip renamed .png', 'capture.png', ZIP],
    ['HEIC (same container as MP4)', 'photo.heic', HEIC],
    ['Matroska that is not WebM', 'film.mkv', MKV],
    ['random binary', 'donnees.bin', pad(bytes([0x00, 0x01, 0x02, 0xfe, 0xff]))],
    ['invalid UTF-8', 'notes.txt', bytes([0x41, 0xc3, 0x28, 0x42])],
    ['text with a NUL', 'notes.txt', bytes('a\0b')],
  ])('%s is refused as unknown', (_label, name, content) => {
    expect(checkEvidence(content, name)).toEqual({ ok: false, reason: 'unknownType' });
  });

  test('empty and too big', () => {
    expect(checkEvidence(new Uint8Array(0), 'vide.txt')).toEqual({ ok: false, reason: 'empty' });
    const limit = new Uint8Array(MAX_EVIDENCE_BYTES);
    limit.set(PNG);
    expect(checkEvidence(limit, 'grande.png')).toEqual({ ok: true, contentType: 'image/png' });
    const over = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    over.set(PNG);
    expect(checkEvidence(over, 'trop.png')).toEqual({ ok: false, reason: 'tooBig' });
  });
});

describe('names and headers', () => {
  test('extensionOf', () => {
    expect(extensionOf('a.B.PNG')).toBe('png');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('dossier.d/fichier')).toBe('');
  });

  test('cleanFileName keeps the last segment, drops control characters and quotes, caps the length', () => {
    expect(cleanFileName('C:\\fakepath\\capture.png')).toBe('capture.png');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n"c".txt')).toBe('abc.txt');
    expect(cleanFileName('..')).toBe('fichier');
    expect(cleanFileName('   ')).toBe('fichier');
    expect([...cleanFileName('é'.repeat(300))].length).toBe(200);
  });

  test('contentDisposition cannot be broken out of and keeps accents', () => {
    expect(contentDisposition('relevé "final";.pdf', false)).toBe(
      `attachment; filename="releve _final__.pdf"; filename*=UTF-8''relev%C3%A9%20%22final%22%3B.pdf`,
    );
    expect(contentDisposition('a.png', true)).toMatch(/^inline; /);
  });

  test('only the allowed image types are inline', () => {
    expect(isInlineImage('image/png')).toBe(true);
    expect(isInlineImage('application/pdf')).toBe(false);
    expect(isInlineImage('image/svg+xml')).toBe(false);
  });

  test('a pasted screenshot is named after the moment it was pasted', () => {
    expect(pastedImageName(new Date(2026, 11, 1, 9, 5, 3), 'image/png')).toBe('capture-2026-12-01-09-05-03.png');
    expect(pastedImageName(new Date(2026, 0, 2, 23, 59, 59), 'image/jpeg')).toBe('capture-2026-01-02-23-59-59.jpg');
  });
});
