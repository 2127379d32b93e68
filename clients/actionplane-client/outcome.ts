/**
 * What an agent tells its user about one action, in one sentence — the same words in the CLI and the MCP server:
 * applied; pending with approver group and reason; blocked with reason; rejected with the approver's reason.
 */
import type { ActionPlaneClient } from './ActionPlaneClient';
import type { ActionDetail, ActionResult, JsonValue } from './types';

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

function rejection(action: ActionResult | ActionDetail): { by: string; reason: string | null } | null {
  if (!('decisions' in action)) return null;
  const reject = action.decisions.find((d) => d.decision === 'Reject');
  return reject ? { by: reject.approver ?? 'an approver', reason: reject.reason } : null;
}

/** One sentence for the user about where the action stands and why. */
export function describeOutcome(action: ActionResult | ActionDetail): string {
  switch (action.status) {
    case 'Applied':
      return `Applied${action.effect === 'AutoRun' ? ' automatically' : ' after approval'}: ${changeList(action)}.`;
    case 'AutoApproved':
      return `Approved automatically${because(action.reasons)}; it is being applied.`;
    case 'Approved':
      return `Approved; it is being applied: ${changeList(action)}.`;
    case 'PendingApproval': {
      const group = action.approverGroup?.trim() ? action.approverGroup : 'an approver';
      const count =
        action.requiredApprovals && action.requiredApprovals > 1
          ? ` (${action.requiredApprovals} approvals needed)`
          : '';
      const until = action.expiresAt ? ` It expires at ${action.expiresAt} if nobody decides.` : '';
      return `Submitted for approval by ${group}${count}${because(action.reasons)}. Nothing changes until it is approved.${until}`;
    }
    case 'Blocked':
      return `Blocked by policy${because(action.reasons)}. Nothing was changed.`;
    case 'Rejected': {
      const r = rejection(action);
      const why = r?.reason ?? action.resultMessage ?? null;
      return `Rejected${r ? ` by ${r.by}` : ''}${why ? `: ${why}` : ''}. Nothing was changed.`;
    }
    case 'Expired':
      return `Expired: nobody decided before ${action.expiresAt ?? 'the deadline'} (this is not a rejection). Nothing was changed; propose it again if it still matters.`;
    case 'Cancelled':
      return `Cancelled${action.resultMessage ? `: ${action.resultMessage}` : ''}. Nothing was changed.`;
    case 'Superseded':
      return `Superseded by a newer proposal${action.resultMessage ? ` (${action.resultMessage})` : ''}. Nothing was changed.`;
    case 'Conflict':
      return `Not applied: the record changed after the proposal${action.resultMessage ? ` (${action.resultMessage})` : ''}. Read the record again and propose anew.`;
    case 'Failed':
      return `Could not be applied${action.resultMessage ? `: ${action.resultMessage}` : ''}.`;
    case 'Compensated':
      return `Applied earlier and then reverted${action.resultMessage ? `: ${action.resultMessage}` : ''}.`;
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
