/**
 * Vector kind `quorum` (ConformanceVectorsQuorum.json), run against ApprovalQuorum.ts:
 * `{ input: QuorumInput, expect: { accepted, outcome, approvals, code?, messageIncludes? } }` — a case without
 * `code` expects none.
 */
import { tally, type QuorumInput } from '../ApprovalQuorum';
import { show, type VectorCase } from './VectorCase';

export interface QuorumVectorCase extends VectorCase {
  input: QuorumInput;
  expect: { accepted: boolean; outcome: string; approvals: number; code?: string; messageIncludes?: string };
}

export function checkQuorumVector(testCase: VectorCase): string[] {
  const c = testCase as QuorumVectorCase;
  const r = tally(c.input);
  const out: string[] = [];
  if (r.accepted !== c.expect.accepted)
    out.push(`accepted: expected ${show(c.expect.accepted)}, got ${show(r.accepted)}`);
  if (r.outcome !== c.expect.outcome) out.push(`outcome: expected ${show(c.expect.outcome)}, got ${show(r.outcome)}`);
  if (r.approvals !== c.expect.approvals)
    out.push(`approvals: expected ${show(c.expect.approvals)}, got ${show(r.approvals)}`);
  if ((r.code ?? null) !== (c.expect.code ?? null))
    out.push(`code: expected ${show(c.expect.code ?? null)}, got ${show(r.code ?? null)}`);
  if (c.expect.messageIncludes !== undefined && !r.message.includes(c.expect.messageIncludes)) {
    out.push(`message: expected it to include ${show(c.expect.messageIncludes)}, got ${show(r.message)}`);
  }
  return out;
}
