import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPolicyVector, type PolicyVectorCase } from '../vectors/policyVectors';

// The same file the Apex conformance test reads from the ConformanceVectorsPolicy static resource.
const VECTORS_FILE = join(__dirname, '../../../test-app/main/core/staticresources/ConformanceVectorsPolicy.json');

function loadCases(): PolicyVectorCase[] {
  const parsed: unknown = JSON.parse(readFileSync(VECTORS_FILE, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${VECTORS_FILE} must hold a JSON array of cases`);
  return parsed as PolicyVectorCase[];
}

const cases = loadCases();

describe('policy conformance vectors', () => {
  it('holds at least 100 named cases, each with an action and an expectation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const malformed = cases
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => typeof c.name !== 'string' || c.name.trim() === '' || !c.action || !c.expect)
      .map(({ c, i }) => `[${i}] ${typeof c.name === 'string' ? c.name : '(no name)'}`);
    expect(malformed).toEqual([]);
  });

  it('gives every case a unique name', () => {
    const seen = new Set<string>();
    const duplicates = cases.map((c) => c.name).filter((name) => (seen.has(name) ? true : (seen.add(name), false)));
    expect(duplicates).toEqual([]);
  });

  it('passes every case through the TypeScript policy engine', () => {
    const failures = cases
      .map((c) => ({ name: c.name, problems: checkPolicyVector(c) }))
      .filter((r) => r.problems.length > 0)
      .map((r) => `${r.name}: ${r.problems.join('; ')}`);
    expect(failures).toEqual([]);
  });

  it('reports a case whose expectation is wrong (the check can fail)', () => {
    const noChange = cases.find((c) => Object.keys(c.action.changes ?? {}).length === 0);
    expect(noChange).toBeDefined();
    const wrong: PolicyVectorCase = { ...noChange!, expect: { ...noChange!.expect, effect: 'Block' } };
    expect(checkPolicyVector(wrong).join('\n')).toContain('effect: expected "Block"');
  });
});
