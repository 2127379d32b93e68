/**
 * Vector kinds `canonical` and `chain` (ConformanceVectorsHash.json), run against AuditHasher.ts. Expected hashes
 * in the file were computed with `printf '%s\n%s' "$prev" "$canonical" | sha256sum`, never with the code under test.
 * - canonical: `{ value, expect: { json } }`
 * - chain, one link: `{ prevHash, payload, expect: { hash } }`
 * - chain, whole chain: `{ events: [{ payload, prevHash, hash }], expect: { verified, brokenAt } }`
 */
import { canonicalJson, chainHash, verifyChain, type ChainEvent } from '../AuditHasher';
import type { JsonValue } from '../Values';
import { show, type VectorCase } from './VectorCase';

export interface CanonicalVectorCase extends VectorCase {
  value: JsonValue;
  expect: { json: string };
}

export interface ChainVectorCase extends VectorCase {
  prevHash?: string;
  payload?: JsonValue;
  events?: ChainEvent[];
  expect: { hash?: string; verified?: boolean; brokenAt?: number | null };
}

export function checkCanonicalVector(testCase: VectorCase): string[] {
  const c = testCase as CanonicalVectorCase;
  const json = canonicalJson(c.value);
  return json === c.expect.json ? [] : [`json: expected ${show(c.expect.json)}, got ${show(json)}`];
}

export function checkChainVector(testCase: VectorCase): string[] {
  const c = testCase as ChainVectorCase;
  if (c.events !== undefined) {
    const result = verifyChain(c.events);
    const out: string[] = [];
    if (result.verified !== c.expect.verified)
      out.push(`verified: expected ${show(c.expect.verified)}, got ${show(result.verified)}`);
    if ((c.expect.brokenAt ?? null) !== result.brokenAt)
      out.push(`brokenAt: expected ${show(c.expect.brokenAt ?? null)}, got ${show(result.brokenAt)}`);
    return out;
  }
  const hash = chainHash(c.prevHash ?? '', c.payload ?? null);
  return hash === c.expect.hash ? [] : [`hash: expected ${show(c.expect.hash)}, got ${show(hash)}`];
}
