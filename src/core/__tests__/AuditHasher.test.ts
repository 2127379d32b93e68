import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, canonicalString, chainHash, GENESIS_HASH, verifyChain } from '../AuditHasher';
import { VECTOR_KINDS, type VectorCase } from '../vectors';

// The same file the Apex CoreVectorsTest reads from the ConformanceVectorsHash static resource.
const FILE = join(__dirname, '../../../test-app/main/core/staticresources/ConformanceVectorsHash.json');
const cases = JSON.parse(readFileSync(FILE, 'utf8')) as VectorCase[];

describe('hash conformance vectors', () => {
  it('holds at least 10 canonical and chain cases', () => {
    expect(cases.filter((c) => c.kind === 'canonical').length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.kind === 'chain').length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases.map((c) => [`${String(c.kind)}: ${c.name}`, c] as const))('%s', (_name, c) => {
    expect(VECTOR_KINDS[String(c.kind)]?.(c)).toEqual([]);
  });
});

describe('canonicalJson', () => {
  it('escapes strings exactly as JSON.stringify does', () => {
    const samples = [
      'plain',
      'q"b\\s/',
      '\n\t\r\b\f\u0000\u001f\u007f',
      'é日本\u2028😀',
      'lone \ud800 and \udc00',
      '\ud83d',
    ];
    for (const s of samples) expect(canonicalString(s)).toBe(JSON.stringify(s));
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow('cannot represent the number NaN');
  });

  it('leaves out properties set to undefined', () => {
    expect(canonicalJson({ b: 1, a: undefined } as unknown as { b: number })).toBe('{"b":1}');
  });
});

describe('chainHash and verifyChain', () => {
  it('refuses a prevHash that is not 64 lowercase hex characters', () => {
    expect(() => chainHash('abc', null)).toThrow("prevHash must be 64 lowercase hex characters, got 'abc'");
  });

  it('verifies a chain it built and breaks at an edited event', () => {
    const payloads = [{ n: 1 }, { n: 2 }, { n: 3 }];
    let prev = GENESIS_HASH;
    const events = payloads.map((payload) => {
      const hash = chainHash(prev, payload);
      const event = { payload, prevHash: prev, hash };
      prev = hash;
      return event;
    });
    expect(verifyChain(events)).toEqual({ verified: true, brokenAt: null });
    const edited = events.map((e, i) => (i === 1 ? { ...e, payload: { n: 20 } } : e));
    expect(verifyChain(edited)).toEqual({ verified: false, brokenAt: 2 });
  });
});
