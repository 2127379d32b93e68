// Apex Id: a record id. Kept in its 18-character form (15 case-sensitive characters + a 3-character case checksum).
//
// Apex Developer Guide, "Primitive Data Types": "ID: Any valid 18-character Lightning Platform record identifier. If
// you set ID to a 15-character value, Apex converts the value to its 18-character representation. All invalid ID
// values are rejected with a runtime exception." The checksum algorithm is the documented one (Salesforce Help,
// "What are Salesforce IDs composed of?" / the CASESAFEID() formula function): for each 5-character chunk of the
// 15-character id, bit i is set when character i is an uppercase letter A-Z; the 5-bit value indexes
// "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".
// Apex Reference, Id Class, to15(): "Converts an 18-character Id value to a 15-character case-sensitive string."
// with the Spring '21 release note wording: "The to15() method corrects any distorted casing by employing the
// case-sensitivity checksum found within the original 18-character Id value" — the 18-character form is
// case-insensitive, so an 18-character id is normalised here to the casing its checksum encodes.

import { ApexPlatformError } from '../errors';

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_15 = /^[0-9A-Za-z]{15}$/;
const ID_18 = /^[0-9A-Za-z]{18}$/;

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The 3-character case checksum of a 15-character id. */
export function idChecksum(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      if (isUpperAscii(id15.charCodeAt(chunk * 5 + i))) flags |= 1 << i;
    }
    out += CHECKSUM_ALPHABET[flags];
  }
  return out;
}

/**
 * The canonical 18-character form of a 15- or 18-character id string, or null when it is not a valid id.
 * An 18-character id's casing is taken from its checksum (case-insensitive form); a checksum that marks a digit as
 * uppercase cannot come from any id and is invalid.
 */
export function canonicalId(s: string): string | null {
  if (s.length === 15) return ID_15.test(s) ? s + idChecksum(s) : null;
  if (s.length !== 18 || !ID_18.test(s)) return null;
  const suffix = s.slice(15).toUpperCase();
  let body = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const flags = CHECKSUM_ALPHABET.indexOf(suffix.charAt(chunk));
    if (flags < 0) return null;
    for (let i = 0; i < 5; i++) {
      const ch = s.charAt(chunk * 5 + i);
      const upper = (flags & (1 << i)) !== 0;
      if (isAsciiLetter(ch.charCodeAt(0))) body += upper ? ch.toUpperCase() : ch.toLowerCase();
      else if (upper) return null;
      else body += ch;
    }
  }
  return body + suffix;
}

/** True for a string Apex accepts as an Id (15 or 18 alphanumeric characters with a consistent checksum). */
export function isValidId(s: string): boolean {
  return canonicalId(s) !== null;
}

/** An Apex Id value, always in its canonical 18-character form. Immutable. */
export class ApexId {
  readonly value: string;

  private constructor(value18: string) {
    this.value = value18;
  }

  /**
   * Id.valueOf(String) and the String → Id conversion (assignment, cast). Apex Reference, Id Class,
   * valueOf(toID): "Converts the specified String to an ID and returns the ID." An invalid string throws
   * `System.StringException: Invalid id: <s>` (the org's message).
   */
  static valueOf(s: string): ApexId {
    const canonical = canonicalId(s);
    if (canonical === null) throw new ApexPlatformError('System.StringException', `Invalid id: ${s}`);
    return new ApexId(canonical);
  }

  /** The Id for a string, or null when the string is not a valid id (for `instanceof Id`-style checks). */
  static tryValueOf(s: string): ApexId | null {
    const canonical = canonicalId(s);
    return canonical === null ? null : new ApexId(canonical);
  }

  /** The first three characters, which name the sObject type (DescribeSObjectResult.getKeyPrefix()). */
  get keyPrefix(): string {
    return this.value.slice(0, 3);
  }

  /** Id.to15(): the 15-character case-sensitive form. */
  to15(): string {
    return this.value.slice(0, 15);
  }

  /** Ids are equal when they name the same record: 15- and 18-character forms of one id are equal. */
  equals(o: ApexId): boolean {
    return this.value === o.value;
  }

  /** String.valueOf(Id) / `'' + id`: the 18-character form. */
  toString(): string {
    return this.value;
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Mints ids for an emulated org: key prefix (3) + instance (2) + a per-prefix sequence in base 62 (10), then the
 * checksum — the shape of real ids such as 001xx000003DGb2AAG. Deterministic: the counters belong to this generator,
 * so each emulated org (or test) that owns a generator gets its own reproducible sequence.
 */
export class IdGenerator {
  private readonly counters = new Map<string, number>();
  private readonly instance: string;

  /** `instance` is the two-character pod/instance part (default 'xx', as in the Salesforce docs' example ids). */
  constructor(instance = 'xx') {
    if (!/^[0-9A-Za-z]{2}$/.test(instance))
      throw new Error(`IdGenerator instance must be 2 alphanumerics: ${instance}`);
    this.instance = instance;
  }

  /** The next id for `keyPrefix` (3 alphanumeric characters, e.g. '001' for Account). */
  next(keyPrefix: string): ApexId {
    if (!/^[0-9A-Za-z]{3}$/.test(keyPrefix)) throw new Error(`Key prefix must be 3 alphanumerics: ${keyPrefix}`);
    const n = (this.counters.get(keyPrefix) ?? 0) + 1;
    this.counters.set(keyPrefix, n);
    return ApexId.valueOf(keyPrefix + this.instance + toBase62(n, 10));
  }

  /** How many ids have been minted for `keyPrefix`. */
  count(keyPrefix: string): number {
    return this.counters.get(keyPrefix) ?? 0;
  }

  /** The two-character instance part of the ids this generator mints. */
  get instancePart(): string {
    return this.instance;
  }

  /** Every counter, by key prefix (an org's exported state, org/persist.ts). */
  counts(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  /** Replaces every counter (an org's imported state, org/persist.ts). */
  restoreCounts(counts: Record<string, number>): void {
    this.counters.clear();
    for (const [prefix, n] of Object.entries(counts)) {
      if (!/^[0-9A-Za-z]{3}$/.test(prefix)) throw new Error(`Key prefix must be 3 alphanumerics: ${prefix}`);
      if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Id counter of ${prefix} must be a count: ${n}`);
      this.counters.set(prefix, n);
    }
  }
}

function toBase62(n: number, width: number): string {
  let s = '';
  let v = n;
  while (v > 0) {
    s = BASE62.charAt(v % 62) + s;
    v = Math.floor(v / 62);
  }
  if (s.length > width) throw new Error(`Id sequence exhausted (${n})`);
  return s.padStart(width, '0');
}
