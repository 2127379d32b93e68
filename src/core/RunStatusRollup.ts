/**
 * RunStatusRollup — the TypeScript twin of `statusFor` in force-app/main/execution/classes/RunStatusRollup.cls:
 * the status of a run from how many of its actions stand in each status. AwaitingApproval while anything waits for
 * a person; Open while something is about to run (or nothing has ended yet); Completed when everything that ended
 * was applied; PartiallyApplied, Failed or Rejected otherwise. A halted run stays Halted. Superseded counts for
 * nothing: its successor speaks for it.
 */
export type RunStatus =
  'Open' | 'AwaitingApproval' | 'Completed' | 'PartiallyApplied' | 'Rejected' | 'Halted' | 'Failed';

type Kind = 'waiting' | 'aboutToRun' | 'applied' | 'broken' | 'ended' | 'replaced';

const KIND_BY_STATUS: Readonly<Record<string, Kind>> = {
  Proposed: 'waiting',
  PendingApproval: 'waiting',
  AutoApproved: 'aboutToRun',
  Approved: 'aboutToRun',
  Applied: 'applied',
  Compensated: 'applied',
  Failed: 'broken',
  Conflict: 'broken',
  Superseded: 'replaced',
};

/** Any other action status (Blocked, Rejected, Expired, Cancelled) ended without a write. */
function kindOf(status: string): Kind {
  return KIND_BY_STATUS[status] ?? 'ended';
}

export function statusFor(countByStatus: Readonly<Record<string, number>>, currentStatus: string | null): RunStatus {
  if (currentStatus === 'Halted') return 'Halted';
  const count: Record<Kind, number> = { waiting: 0, aboutToRun: 0, applied: 0, broken: 0, ended: 0, replaced: 0 };
  for (const [status, n] of Object.entries(countByStatus)) count[kindOf(status)] += n;
  const unapplied = count.broken + count.ended;
  if (count.waiting > 0) return 'AwaitingApproval';
  if (count.aboutToRun > 0 || count.applied + unapplied === 0) return 'Open';
  if (count.applied > 0) return unapplied === 0 ? 'Completed' : 'PartiallyApplied';
  return count.broken > 0 ? 'Failed' : 'Rejected';
}

/** Counts a run's actions by status, for `statusFor`. */
export function countByStatus(statuses: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}
