/**
 * inboxTriage — the inbox's keyboard map and how a bulk decision's results read. Plain functions, tested without
 * the DOM.
 */
import type { DecideResult, Decision, InboxRow } from 'c/actionPlaneApi';
import { isOpenStatus } from 'c/actionPlaneFormat';
import { LABELS, formatLabel } from 'c/actionPlaneLabels';

export type TriageCommand =
  'next' | 'previous' | 'toggle' | 'approve' | 'reject' | 'edit' | 'openRecord' | 'review' | 'help' | 'escape';

const KEYS: Record<string, TriageCommand> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'previous',
  ArrowUp: 'previous',
  x: 'toggle',
  ' ': 'toggle',
  a: 'approve',
  r: 'reject',
  e: 'edit',
  o: 'openRecord',
  Enter: 'review',
  '?': 'help',
  Escape: 'escape',
};

/** The command a key press means in the inbox, or null when the key is not a triage key. */
export function triageCommand(key: string): TriageCommand | null {
  return KEYS[key] ?? null;
}

/** The keys shown in the help panel, in the order a new approver learns them. */
export function triageHelp(): { key: string; keys: string; does: string }[] {
  return [
    { key: 'move', keys: 'j / k', does: LABELS.helpMove },
    { key: 'select', keys: 'x', does: LABELS.helpSelect },
    { key: 'approve', keys: 'a', does: LABELS.helpApprove },
    { key: 'reject', keys: 'r', does: LABELS.helpReject },
    { key: 'edit', keys: 'e', does: LABELS.helpEdit },
    { key: 'open', keys: 'o', does: LABELS.helpOpen },
    { key: 'review', keys: 'Enter', does: LABELS.helpReview },
    { key: 'help', keys: '?', does: LABELS.helpHelp },
    { key: 'escape', keys: 'Esc', does: LABELS.helpEscape },
  ];
}

/** A toast title and message for the results of deciding several actions at once. */
export function summarizeResults(
  results: DecideResult[],
  decision: Decision,
): { title: string; message: string; succeeded: number; failed: DecideResult[] } {
  const failed = results.filter((result) => !result.ok);
  const succeeded = results.length - failed.length;
  const title = formatLabel(
    decision === 'Approve' ? LABELS.toastApprovedCount : LABELS.toastRejectedCount,
    succeeded,
    results.length,
  );
  const problems = failed.map((result) => `${result.actionId}: ${result.message ?? LABELS.errorNoReason}`);
  const message =
    problems.length === 0 ? title : formatLabel(LABELS.toastSomeFailed, failed.length, problems.join('; '));
  return { title, message, succeeded, failed };
}

/** Actions still waiting for a decision come first, soonest expiry first; the rest keep the server's order. */
export function sortOpenFirst(rows: InboxRow[]): InboxRow[] {
  const expiry = (row: InboxRow) => (row.expiresAt ? Date.parse(row.expiresAt) : Number.POSITIVE_INFINITY);
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const openA = isOpenStatus(a.row.status) ? 0 : 1;
      const openB = isOpenStatus(b.row.status) ? 0 : 1;
      if (openA !== openB) return openA - openB;
      if (openA === 0 && expiry(a.row) !== expiry(b.row)) return expiry(a.row) - expiry(b.row);
      return a.index - b.index;
    })
    .map((entry) => entry.row);
}
