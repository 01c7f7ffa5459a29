/** Per-project references: `EXF-12`, `STD-7`, `CT-40`, `ANO-3`. Numbers are never reused. */
export const REF_PREFIXES = { requirement: 'EXF', specification: 'STD', testCase: 'CT', anomaly: 'ANO' } as const;
export type RefKind = keyof typeof REF_PREFIXES;

export function formatRef(kind: RefKind, number: number): string {
  return `${REF_PREFIXES[kind]}-${number}`;
}

/** `exf-12`, `EXF 12` or `EXF-12` → { kind, number }; anything else → null. */
export function parseRef(text: string): { kind: RefKind; number: number } | null {
  const match = /^\s*([a-z]{2,3})[-\s]?(\d{1,7})\s*$/i.exec(text);
  if (!match) return null;
  const prefix = match[1]!.toUpperCase();
  const kind = (Object.keys(REF_PREFIXES) as RefKind[]).find((k) => REF_PREFIXES[k] === prefix);
  return kind ? { kind, number: Number(match[2]) } : null;
}
