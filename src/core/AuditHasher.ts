/**
 * AuditHasher — the TypeScript twin of force-app/main/core/classes/AuditHasher.cls.
 *
 * Every AuditEvent__c stores the canonical JSON of its payload and `hash = sha256hex(prevHash + "\n" + canonical)`
 * (UTF-8), the first `prevHash` being 64 zeros; changing any stored event breaks the chain from that event on.
 * Conformance vectors (ConformanceVectorsHash.json) pin both twins; their hashes were computed with sha256sum.
 *
 * Canonical JSON, written out by hand so Apex reproduces it byte for byte:
 * - objects: keys sorted by UTF-16 code unit order (String.compareTo in Apex) at every level; no whitespace;
 * - arrays keep their order; null, true, false as themselves;
 * - numbers: plain decimal, no exponent, no trailing zeros, integers without a point, -0 as 0 (1.50 → 1.5,
 *   1e21 → 1000000000000000000000). JavaScript keeps 15–17 significant digits: keep payload numbers within 15;
 * - strings: `"` and `\` escaped with a backslash; \b \f \n \r \t as such; other code units below U+0020 and
 *   unpaired surrogates as \u00XX / \uXXXX with lowercase hex; everything else (é, emoji, U+2028) as raw UTF-8.
 *   This is exactly what JSON.stringify does for a string, and what Apex JSON.serialize does not promise.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { plainNumber } from './FieldValueCoercer';
import type { JsonValue } from './Values';

export const GENESIS_HASH = '0'.repeat(64);

const HASH = /^[0-9a-f]{64}$/;
const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
  34: '\\"',
  92: '\\\\',
};

function hex4(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A string as a canonical JSON string literal (see the rules above). */
export function canonicalString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[code];
    if (short !== undefined) out += short;
    else if (code < 0x20) out += hex4(code);
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.charAt(i) + text.charAt(i + 1);
        i++;
      } else out += hex4(code);
    } else if (code >= 0xdc00 && code <= 0xdfff) out += hex4(code);
    else out += text.charAt(i);
  }
  return `${out}"`;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical JSON text of a value.
 * @throws TypeError for a value JSON cannot hold (undefined, NaN, Infinity, a function)
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson cannot represent the number ${String(value)}`);
    return plainNumber(value);
  }
  if (typeof value === 'string') return canonicalString(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort(compareCodeUnits);
    const parts: string[] = [];
    for (const key of keys) {
      const v = value[key];
      // A property set to undefined is absent, as in JSON.stringify.
      if (v === undefined) continue;
      parts.push(`${canonicalString(key)}:${canonicalJson(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  throw new TypeError(`canonicalJson cannot represent a value of type ${typeof value}`);
}

/**
 * Lowercase hex SHA-256 of `prevHash + "\n" + canonicalJson(payload)` in UTF-8.
 * @throws Error when prevHash is not 64 lowercase hex characters
 */
export function chainHash(prevHash: string, payload: JsonValue): string {
  if (typeof prevHash !== 'string' || !HASH.test(prevHash)) {
    throw new Error(`prevHash must be 64 lowercase hex characters, got '${String(prevHash)}'`);
  }
  return bytesToHex(sha256(utf8ToBytes(`${prevHash}\n${canonicalJson(payload)}`)));
}

export interface ChainEvent {
  payload: JsonValue;
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  verified: boolean;
  /** 1-based index of the first event whose prevHash or hash is wrong; null when verified. */
  brokenAt: number | null;
}

/**
 * Checks a run's events in sequence order: the first links to GENESIS_HASH, each next one to the previous hash,
 * and every hash matches its payload. An empty chain is verified.
 */
export function verifyChain(events: ChainEvent[]): ChainVerification {
  let expectedPrev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as ChainEvent;
    if (
      event.prevHash !== expectedPrev ||
      !HASH.test(String(event.hash)) ||
      chainHash(expectedPrev, event.payload) !== event.hash
    ) {
      return { verified: false, brokenAt: i + 1 };
    }
    expectedPrev = event.hash;
  }
  return { verified: true, brokenAt: null };
}
