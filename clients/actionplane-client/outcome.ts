/**
 * What an agent tells its user about one action, in one sentence — the same words in the CLI and the MCP server:
 * applied; pending with approver group and reason; blocked with reason; rejected with the approver's reason. A create
 * or a delete says so: what nothing means ("Nothing is created until it is approved"), what was written.
 */
import type { ActionPlaneClient } from './ActionPlaneClient';
import { operationOf, type ActionDetail, type ActionResult, type JsonValue, type Operation } from './types';

/** How many values a sentence lists before it says "and N more" (a delete plans every non-blank field). */
const MAX_LISTED_VALUES = 6;

const NOTHING: Record<Operation, string> = {
  update: 'Nothing was changed',
  create: 'Nothing was created',
  delete: 'Nothing was deleted',
};

const UNTIL_APPROVED: Record<Operation, string> = {
  update: 'Nothing changes until it is approved.',
  create: 'Nothing is created until it is approved.',
  delete: 'Nothing is deleted until it is approved.',
};

function show(value: JsonValue | undefined): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function because(reasons: string[]): string {
  return reasons.length === 0 ? '' : ` because ${reasons.join('; ')}`;
}

function changeList(action: ActionResult): string {
  return action.fieldChanges.map((f) => `${f.field} ${show(f.before)} → ${show(f.applied ?? f.after)}`).join(', ');
}

/**
 * The values of a create (new) or a delete (removed, the record's values when it was planned), `Field "value"`,
 * at most MAX_LISTED_VALUES of them.
 */
export function valueList(action: ActionResult): string {
  const removed = operationOf(action) === 'delete';
  const listed = action.fieldChanges
    .slice(0, MAX_LISTED_VALUES)
    .map((f) => `${f.field} ${show(removed ? f.before : (f.applied ?? f.after))}`);
  const more = action.fieldChanges.length - listed.length;
  return more > 0 ? `${listed.join(', ')} and ${more} more` : listed.join(', ');
}

/** ` (Opportunity 006…)` when the action names its record (ActionDetail), else nothing. */
function recordOf(action: ActionResult | ActionDetail): string {
  if (!('object' in action) || !action.recordId) return '';
  return ` (${action.object} ${action.recordId})`;
}

function applied(action: ActionResult | ActionDetail, operation: Operation): string {
  const how = action.effect === 'AutoRun' ? ' automatically' : ' after approval';
  switch (operation) {
    case 'create':
      return `Created${how}${recordOf(action)}: ${valueList(action)}.`;
    case 'delete':
      return `Deleted${how}${recordOf(action)}.`;
    case 'update':
      return `Applied${how}: ${changeList(action)}.`;
  }
}

function rejection(action: ActionResult | ActionDetail): { by: string; reason: string | null } | null {
  if (!('decisions' in action)) return null;
  const reject = action.decisions.find((d) => d.decision === 'Reject');
  return reject ? { by: reject.approver ?? 'an approver', reason: reject.reason } : null;
}

function message(action: ActionResult, before: string, after = ''): string {
  return action.resultMessage ? `${before}${action.resultMessage}${after}` : '';
}

/** One sentence for the user about where the action stands and why. */
export function describeOutcome(action: ActionResult | ActionDetail): string {
  const operation = operationOf(action);
  const nothing = NOTHING[operation];
  switch (action.status) {
    case 'Applied':
      return applied(action, operation);
    case 'AutoApproved':
      return `Approved automatically${because(action.reasons)}; it is being applied.`;
    case 'Approved':
      if (operation === 'delete') return 'Approved; the record is being deleted.';
      return `Approved; it is being applied: ${operation === 'create' ? valueList(action) : changeList(action)}.`;
    case 'PendingApproval': {
      const group = action.approverGroup?.trim() ? action.approverGroup : 'an approver';
      const count =
        action.requiredApprovals && action.requiredApprovals > 1
          ? ` (${action.requiredApprovals} approvals needed)`
          : '';
      const until = action.expiresAt ? ` It expires at ${action.expiresAt} if nobody decides.` : '';
      return `Submitted for approval by ${group}${count}${because(action.reasons)}. ${UNTIL_APPROVED[operation]}${until}`;
    }
    case 'Blocked':
      return `Blocked by policy${because(action.reasons)}. ${nothing}.`;
    case 'Rejected': {
      const r = rejection(action);
      const why = r?.reason ?? action.resultMessage ?? null;
      return `Rejected${r ? ` by ${r.by}` : ''}${why ? `: ${why}` : ''}. ${nothing}.`;
    }
    case 'Expired':
      return `Expired: nobody decided before ${action.expiresAt ?? 'the deadline'} (this is not a rejection). ${nothing}; propose it again if it still matters.`;
    case 'Cancelled':
      return `Cancelled${message(action, ': ')}. ${nothing}.`;
    case 'Superseded':
      return `Superseded by a newer proposal${message(action, ' (', ')')}. ${nothing}.`;
    case 'Conflict':
      return operation === 'delete'
        ? `Not deleted: the record changed or was deleted after the proposal${message(action, ' (', ')')}. Read the record again and propose anew if it should still go.`
        : `Not applied: the record changed after the proposal${message(action, ' (', ')')}. Read the record again and propose anew.`;
    case 'Failed':
      return `Could not be ${operation === 'update' ? 'applied' : `${operation}d`}${message(action, ': ')}.`;
    case 'Compensated':
      if (operation === 'create') return `Created earlier and then deleted again${message(action, ': ')}.`;
      if (operation === 'delete')
        return `Deleted earlier and then restored from the Recycle Bin${message(action, ': ')}.`;
      return `Applied earlier and then reverted${message(action, ': ')}.`;
    case 'Proposed':
      return 'Proposed; policy has not decided yet.';
  }
}

/**
 * The submit answer may lack the approver group of a pending action (the workbench sends it only on
 * GET /actions/{id}); read it so the user hears who decides. One read per such action.
 */
export async function withApproverGroups(client: ActionPlaneClient, actions: ActionResult[]): Promise<ActionResult[]> {
  return Promise.all(
    actions.map(async (a) => {
      if (a.status !== 'PendingApproval' || a.approverGroup) return a;
      const detail = await client.getAction(a.id);
      return { ...a, approverGroup: detail.approverGroup ?? null, requiredApprovals: detail.requiredApprovals ?? null };
    }),
  );
}

/**
 * The submit answer names no record for a create; once it is applied (AutoRun) read the action, whose detail names
 * the new record, so the user hears which record was created. One read per applied create.
 */
export async function withCreatedRecords(
  client: ActionPlaneClient,
  actions: (ActionResult | ActionDetail)[],
): Promise<(ActionResult | ActionDetail)[]> {
  return Promise.all(
    actions.map(async (a) =>
      operationOf(a) === 'create' && a.status === 'Applied' && !('recordId' in a) ? client.getAction(a.id) : a,
    ),
  );
}
