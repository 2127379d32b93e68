/**
 * Salesforce-shaped record ids for the in-memory org: a 3-character key prefix, a counter, and the 3-character
 * case-safe suffix the platform appends to 15-character ids, so 18-character ids look and compare like real ones.
 */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character suffix that makes a 15-character id case-insensitively unique. */
export function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** `makeId('006', 7)` → `0065g00000000007` + suffix: deterministic, so every start of the workbench has the same ids. */
export function makeId(prefix: string, n: number): string {
  const id15 = `${prefix}5g${String(n).padStart(10, '0')}`;
  return id15 + caseSafeSuffix(id15);
}

/** Normalises a 15- or 18-character id to its 15-character, case-sensitive form; null when it is not id-shaped. */
export function id15Of(raw: string): string | null {
  if (!/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(raw)) return null;
  return raw.slice(0, 15);
}
