/**
 * ApprovalQuorum — the TypeScript twin of force-app/main/core/classes/ApprovalQuorum.cls.
 *
 * Decides whether one more vote on a PendingApproval action counts, and what the action's outcome is after it.
 * Four-eyes by default; conformance vectors (ConformanceVectorsQuorum.json) pin both twins. The checks, in order:
 * 1. the action is already decided (a recorded reject, or the quorum already met) → ALREADY_DECIDED;
 * 2. the approver has voted before (one approver counts once) → DUPLICATE_VOTE;
 * 3. an approve by a proposer/requester while allowSelfApproval is false → SELF_APPROVAL (a proposer may reject);
 * 4. a reject with a blank reason → REASON_REQUIRED.
 * A refused vote leaves the outcome as it was. An accepted reject ends the action (Rejected); an accepted approve
 * makes it Approved once distinct approvals ≥ requiredApprovals (below 1 counts as 1). Recorded approvals by a
 * proposer do not count while self-approval is off, even if bad data let one in. Approver ids compare exactly.
 */
export type Decision = 'Approve' | 'Reject';
export type QuorumOutcome = 'Pending' | 'Approved' | 'Rejected';
export type QuorumCode = 'SELF_APPROVAL' | 'DUPLICATE_VOTE' | 'REASON_REQUIRED' | 'ALREADY_DECIDED';

export interface RecordedDecision {
  approverId: string;
  decision: Decision;
}

export interface Vote {
  approverId: string;
  decision: Decision;
  reason?: string | null;
}

export interface QuorumInput {
  requiredApprovals: number;
  allowSelfApproval: boolean;
  proposerIds: string[];
  decisions: RecordedDecision[];
  vote: Vote;
}

export interface QuorumResult {
  accepted: boolean;
  outcome: QuorumOutcome;
  /** Distinct counted approvals after this vote (before it, when the vote is refused). */
  approvals: number;
  code?: QuorumCode;
  message: string;
}

function checkDecision(decision: unknown, where: string): Decision {
  if (decision === 'Approve' || decision === 'Reject') return decision;
  throw new Error(`${where} must be 'Approve' or 'Reject', got '${String(decision)}'`);
}

/** Counts one more vote; never throws for a refused vote (the code says why), only for malformed input. */
export function tally(input: QuorumInput): QuorumResult {
  const required = Math.max(1, Math.floor(Number(input.requiredApprovals) || 0));
  const proposers = new Set(input.proposerIds ?? []);
  const voters = new Set<string>();
  const approvers = new Set<string>();
  let rejected = false;
  for (const [i, d] of (input.decisions ?? []).entries()) {
    const decision = checkDecision(d.decision, `decisions[${i}].decision`);
    voters.add(d.approverId);
    if (decision === 'Reject') rejected = true;
    else if (input.allowSelfApproval || !proposers.has(d.approverId)) approvers.add(d.approverId);
  }
  const vote = input.vote;
  const decision = checkDecision(vote.decision, 'vote.decision');
  const count = approvers.size;
  const current: QuorumOutcome = rejected ? 'Rejected' : count >= required ? 'Approved' : 'Pending';
  const refuse = (code: QuorumCode, message: string): QuorumResult => ({
    accepted: false,
    outcome: current,
    approvals: count,
    code,
    message,
  });

  if (current !== 'Pending') return refuse('ALREADY_DECIDED', `The action is already ${current}; no more votes count`);
  if (voters.has(vote.approverId)) {
    return refuse('DUPLICATE_VOTE', 'You have already voted on this action; each approver counts once');
  }
  if (decision === 'Approve' && !input.allowSelfApproval && proposers.has(vote.approverId)) {
    return refuse('SELF_APPROVAL', 'You proposed or requested this action, so another approver must approve it');
  }
  if (decision === 'Reject' && (vote.reason === null || vote.reason === undefined || vote.reason.trim() === '')) {
    return refuse('REASON_REQUIRED', 'A rejection needs a reason the agent and the requester can read');
  }
  if (decision === 'Reject') {
    return { accepted: true, outcome: 'Rejected', approvals: count, message: `Rejected: ${vote.reason?.trim() ?? ''}` };
  }
  const approvals = count + 1;
  if (approvals >= required) {
    return {
      accepted: true,
      outcome: 'Approved',
      approvals,
      message: `Approved with ${approvals} of ${required} approvals`,
    };
  }
  return { accepted: true, outcome: 'Pending', approvals, message: `Approval recorded: ${approvals} of ${required}` };
}
