/**
 * inboxTriage — the inbox's keyboard map, who may decide which rows, which pending row comes next, how a decision
 * of several actions reads, and the inbox filters as page state (so the open review and the filters survive a
 * reload and have their own URL). Plain functions, tested without the DOM.
 */
import type { DecideResult, Decision, DecisionOutcome, InboxRow } from 'c/actionPlaneApi';
import { cannotDecideMarker, isOpenStatus, outcomeMessage, type Tone } from 'c/actionPlaneFormat';
import { LABELS, formatLabel, pluralLabel } from 'c/actionPlaneLabels';

export type TriageCommand =
  'next' | 'previous' | 'toggle' | 'approve' | 'reject' | 'edit' | 'openRecord' | 'review' | 'undo' | 'help' | 'escape';

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
  u: 'undo',
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
    { key: 'undo', keys: 'u', does: LABELS.helpUndo },
    { key: 'edit', keys: 'e', does: LABELS.helpEdit },
    { key: 'open', keys: 'o', does: LABELS.helpOpen },
    { key: 'review', keys: 'Enter', does: LABELS.helpReview },
    { key: 'help', keys: '?', does: LABELS.helpHelp },
    { key: 'escape', keys: 'Esc', does: LABELS.helpEscape },
  ];
}

/** Whether the running user may decide the row now. */
export function isDecidable(row: InboxRow): boolean {
  return row.canDecide && isOpenStatus(row.status);
}

/** Why the user cannot decide the row, in words: the server's reason, else the marker. */
export function whyNotDecidable(row: InboxRow): string {
  return row.cannotDecideReason ?? (cannotDecideMarker(row) || LABELS.cannotDecide);
}

/**
 * The index of the next row the user can decide after `from` (wrapping to the top), skipping the ids given (decisions
 * waiting to be sent); -1 when there is none.
 */
export function nextDecidableIndex(rows: InboxRow[], from: number, skip: ReadonlySet<string> = new Set()): number {
  for (let step = 1; step <= rows.length; step++) {
    const index = (from + step + rows.length) % rows.length;
    const row = rows[index];
    if (row && isDecidable(row) && !skip.has(row.id)) return index;
  }
  return -1;
}

/** The targets of a bulk decision among the selected rows, and the ones skipped with why. */
export function splitSelection(
  rows: InboxRow[],
  selectedIds: string[],
): { targets: InboxRow[]; skipped: { row: InboxRow; why: string }[] } {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const targets: InboxRow[] = [];
  const skipped: { row: InboxRow; why: string }[] = [];
  for (const id of selectedIds) {
    const row = byId.get(id);
    if (!row) continue;
    if (isDecidable(row)) targets.push(row);
    else skipped.push({ row, why: whyNotDecidable(row) });
  }
  return { targets, skipped };
}

/** The bulk dialog's title: "Approve 3 actions", "Reject 1 action". */
export function dialogTitle(decision: Decision, count: number): string {
  return decision === 'Reject'
    ? pluralLabel(count, LABELS.rejectCountOne, LABELS.rejectCount, count)
    : pluralLabel(count, LABELS.approveCountOne, LABELS.approveCount, count);
}

/**
 * A toast for the results of deciding several actions at once: the count, then each action that did not end as
 * decided, by name, with what happened to it (someone else decided it first, a refused write…).
 */
export function summarizeResults(
  results: DecideResult[],
  decision: Decision,
  outcomes: DecisionOutcome[] = [],
): { title: string; message: string; succeeded: number; failed: DecideResult[]; tone: Tone } {
  const failed = results.filter((result) => !result.ok);
  const succeeded = results.length - failed.length;
  const title = formatLabel(
    decision === 'Approve' ? LABELS.toastApprovedCount : LABELS.toastRejectedCount,
    succeeded,
    results.length,
  );
  const byId = new Map(outcomes.map((outcome) => [outcome.actionId, outcome]));
  const problems = results
    .map((result) => {
      const outcome = byId.get(result.actionId);
      if (outcome) {
        const words = outcomeMessage(outcome, decision);
        return words.tone === 'success' ? null : [words.title, words.message].filter((part) => part !== '').join(': ');
      }
      return result.ok ? null : `${result.actionId}: ${result.message ?? LABELS.errorNoReason}`;
    })
    .filter((problem): problem is string => problem !== null);
  const message =
    problems.length === 0 ? title : formatLabel(LABELS.toastSomeFailed, problems.length, problems.join('; '));
  const tone: Tone = problems.length === 0 ? 'success' : succeeded > 0 ? 'warning' : 'error';
  return { title, message, succeeded, failed, tone };
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

/** The inbox's view as Lightning page state (custom state keys carry the `c__` prefix). */
export interface InboxState {
  actionId: string | null;
  status: string;
  objectName: string;
  risk: string;
  agent: string;
  mine: boolean;
  pageNumber: number;
}

/** Page state → the inbox's view; missing keys take the given defaults. */
export function stateFromPage(state: Record<string, string | undefined> | undefined, defaults: InboxState): InboxState {
  const s = state ?? {};
  const page = Number(s.c__page);
  return {
    actionId: s.c__action || null,
    status: s.c__status ?? defaults.status,
    objectName: s.c__object ?? defaults.objectName,
    risk: s.c__risk ?? defaults.risk,
    agent: s.c__agent ?? defaults.agent,
    mine: s.c__mine === undefined ? defaults.mine : s.c__mine === '1',
    pageNumber: Number.isInteger(page) && page > 0 ? page : defaults.pageNumber,
  };
}

/** The inbox's view → page state, leaving out what equals the defaults so the URL stays short. */
export function pageStateOf(view: InboxState, defaults: InboxState): Record<string, string | undefined> {
  return {
    c__action: view.actionId ?? undefined,
    c__status: view.status !== defaults.status ? view.status : undefined,
    c__object: view.objectName !== defaults.objectName ? view.objectName : undefined,
    c__risk: view.risk !== defaults.risk ? view.risk : undefined,
    c__agent: view.agent !== defaults.agent ? view.agent : undefined,
    c__mine: view.mine !== defaults.mine ? (view.mine ? '1' : '0') : undefined,
    c__page: view.pageNumber !== defaults.pageNumber ? String(view.pageNumber) : undefined,
  };
}
