import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tally, type QuorumInput } from '../ApprovalQuorum';
import { VECTOR_KINDS, type VectorCase } from '../vectors';

// The same file the Apex CoreVectorsTest reads from the ConformanceVectorsQuorum static resource.
const FILE = join(__dirname, '../../../test-app/main/core/staticresources/ConformanceVectorsQuorum.json');
const cases = JSON.parse(readFileSync(FILE, 'utf8')) as VectorCase[];

const base: QuorumInput = {
  requiredApprovals: 2,
  allowSelfApproval: false,
  proposerIds: ['agent'],
  decisions: [],
  vote: { approverId: 'mgr1', decision: 'Approve' },
};

describe('quorum conformance vectors', () => {
  it('holds at least 10 cases covering every refusal code', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    const codes = new Set(cases.map((c) => (c.expect as { code?: string }).code));
    for (const code of ['SELF_APPROVAL', 'DUPLICATE_VOTE', 'REASON_REQUIRED', 'ALREADY_DECIDED'])
      expect(codes).toContain(code);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(VECTOR_KINDS.quorum?.(c)).toEqual([]);
  });
});

describe('tally', () => {
  it('rejectsApprovalByProposer', () => {
    expect(tally({ ...base, vote: { approverId: 'agent', decision: 'Approve' } })).toMatchObject({
      accepted: false,
      code: 'SELF_APPROVAL',
      outcome: 'Pending',
    });
  });

  it('reports the count of a pending quorum in words', () => {
    expect(tally(base).message).toBe('Approval recorded: 1 of 2');
  });

  it('keeps the trimmed reason in the rejection message', () => {
    expect(tally({ ...base, vote: { approverId: 'mgr1', decision: 'Reject', reason: '  too high ' } }).message).toBe(
      'Rejected: too high',
    );
  });

  it('refuses a malformed recorded decision by path', () => {
    const bad = { ...base, decisions: [{ approverId: 'x', decision: 'Maybe' }] } as unknown as QuorumInput;
    expect(() => tally(bad)).toThrow("decisions[0].decision must be 'Approve' or 'Reject', got 'Maybe'");
  });
});
