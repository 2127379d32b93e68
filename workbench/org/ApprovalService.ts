/**
 * ApprovalService — twin of ApprovalService.cls: who may decide an action, recording approve/reject decisions
 * (quorum and four-eyes come from the shared core's ApprovalQuorum), approver edits, cancel and expiry.
 */
import { tally } from '../../src/core/ApprovalQuorum';
import type { ActionLifecycle } from './ActionLifecycle';
import type { Actor, AuditTrail } from './AuditTrail';
import { SYSTEM_ACTOR } from './AuditTrail';
import type { DemoUser } from './DemoData';
import type { ExecutionService } from './ExecutionService';
import type { IntakeService } from './IntakeService';
import { describeField, describeObject } from './ObjectDescribe';
import type { OrgStore, PlannedAction } from './OrgStore';
import { ControllerError, fromJsonText, toJsonText } from './RequestError';
import { coerceValue, type FieldType } from '../../src/core/FieldValueCoercer';
import type { JsonValue } from '../../src/core/Values';

export interface DecisionOutcome {
  actionId: string;
  ok: boolean;
  status: string | null;
  message: string | null;
}

const DECIDABLE = new Set(['PendingApproval']);

export class ApprovalService {
  constructor(
    private readonly org: OrgStore,
    private readonly audit: AuditTrail,
    private readonly lifecycle: ActionLifecycle,
    private readonly execution: ExecutionService,
    private readonly intake: IntakeService,
  ) {}

  /** Why `user` cannot decide `action` right now, or null when they can. */
  cannotDecideReason(action: PlannedAction, user: DemoUser): string | null {
    if (!DECIDABLE.has(action.Status__c))
      return `This action is ${action.Status__c}; only pending actions can be decided`;
    if (!user.permissions.includes('Approver')) return `${user.name} is not an ActionPlane approver`;
    const members = this.org.groupMembers(action.ApproverGroup__c);
    if (!user.permissions.includes('Admin') && action.ApproverGroup__c && !members.includes(user.id)) {
      return `${user.name} is not in the approver group ${action.ApproverGroup__c}`;
    }
    if (action.ProposedBy__c === user.id && !action.AllowSelfApproval__c) {
      return 'You proposed this action; another approver must decide it (four-eyes)';
    }
    if (this.org.decisionsOf(action.Id).some((d) => d.Approver__c === user.id)) {
      return 'You have already approved this action; another approver must add theirs';
    }
    return null;
  }

  /** Approve or reject each action as `user`; one result per action, never throwing for a single refusal. */
  decide(
    actionIds: string[],
    decision: 'Approve' | 'Reject',
    reason: string | null,
    editedValues: Record<string, unknown> | null,
    user: DemoUser,
  ): DecisionOutcome[] {
    if (editedValues && Object.keys(editedValues).length > 0 && actionIds.length !== 1) {
      throw new ControllerError('Edited values can only be given when deciding one action');
    }
    if (decision === 'Reject' && (reason === null || reason.trim() === '')) {
      throw new ControllerError('A reason is required to reject: the agent and the audit trail read it');
    }
    return actionIds.map((id) => this.decideOne(id, decision, reason, editedValues, user));
  }

  private decideOne(
    actionId: string,
    decision: 'Approve' | 'Reject',
    reason: string | null,
    editedValues: Record<string, unknown> | null,
    user: DemoUser,
  ): DecisionOutcome {
    const action = this.org.action(actionId);
    if (!action) return { actionId, ok: false, status: null, message: `No action with id ${actionId}` };
    const refusal = this.cannotDecideReason(action, user);
    const existing = this.org.decisionsOf(action.Id);
    const count = () =>
      tally({
        requiredApprovals: action.RequiredApprovals__c,
        allowSelfApproval: action.AllowSelfApproval__c,
        proposerIds: [action.ProposedBy__c],
        decisions: existing.map((d) => ({ approverId: d.Approver__c, decision: d.Decision__c })),
        vote: { approverId: user.id, decision, reason },
      });
    let verdict = count();
    if (!verdict.accepted) {
      return { actionId: action.Id, ok: false, status: action.Status__c, message: verdict.message };
    }
    if (refusal !== null) return { actionId: action.Id, ok: false, status: action.Status__c, message: refusal };
    const actor: Actor = { actorType: 'User', actor: user.username };
    const run = this.org.run(action.Run__c);
    if (!run) return { actionId: action.Id, ok: false, status: action.Status__c, message: 'The run is missing' };

    let edited: Record<string, unknown> | null = null;
    if (decision === 'Approve' && editedValues && Object.keys(editedValues).length > 0) {
      const result = this.applyEdits(action, editedValues, user);
      if (typeof result === 'string')
        return { actionId: action.Id, ok: false, status: action.Status__c, message: result };
      edited = result;
      // As ApprovalService.cls: the vote is counted after the edit, against the approvals the edited change needs.
      verdict = count();
    }
    this.org.decisions.push({
      Id: this.org.newId('ApprovalDecision__c'),
      Action__c: action.Id,
      Approver__c: user.id,
      Decision__c: decision,
      Reason__c: reason,
      EditedValues__c: edited ? JSON.stringify(edited) : null,
      DecidedAt__c: this.org.clock.nowIso(),
    });
    this.audit.append(run, action.Id, 'ApprovalRecorded', actor, {
      decision,
      reason,
      approvals: verdict.approvals,
      requiredApprovals: action.RequiredApprovals__c,
      outcome: verdict.outcome,
    });
    if (verdict.outcome === 'Rejected') {
      action.ResultMessage__c = `Rejected by ${user.name}: ${reason ?? ''}`;
      this.lifecycle.move(action, 'reject', actor, reason);
    } else if (verdict.outcome === 'Approved') {
      this.lifecycle.move(action, 'approve', actor);
      this.execution.execute(action, user, actor);
    }
    const message =
      verdict.outcome === 'Approved'
        ? action.Status__c === 'Applied'
          ? 'Approved and applied'
          : (action.ResultMessage__c ?? `Approved; now ${action.Status__c}`)
        : verdict.outcome === 'Rejected'
          ? 'Rejected'
          : `Approval recorded: ${verdict.approvals} of ${action.RequiredApprovals__c}`;
    return { actionId: action.Id, ok: true, status: action.Status__c, message };
  }

  /** Records an approver's edits on the action's own fields; returns the coerced values or a refusal message. */
  private applyEdits(
    action: PlannedAction,
    values: Record<string, unknown>,
    user: DemoUser,
  ): Record<string, unknown> | string {
    const object = describeObject(action.TargetObject__c);
    const changes = this.org.changesOf(action.Id);
    if (!object) return `Unknown object ${action.TargetObject__c}`;
    const coerced: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(values)) {
      const change = changes.find((c) => c.FieldApiName__c.toLowerCase() === name.toLowerCase());
      const describe = describeField(object, name);
      if (!change || !describe) return `${name} is not part of this action; an approver may only edit proposed fields`;
      const result = coerceValue(describe, raw);
      if (!result.ok) return `${describe.label}: ${result.message}`;
      coerced[describe.name] = result.value;
    }
    const proposal = changes.map((c) => ({
      field: c.FieldApiName__c,
      label: c.FieldLabel__c,
      type: c.FieldType__c as FieldType,
      before: fromJsonText(c.BeforeValue__c),
      after:
        c.FieldApiName__c in coerced ? (coerced[c.FieldApiName__c] as JsonValue) : fromJsonText(c.ProposedValue__c),
    }));
    const run = this.org.run(action.Run__c);
    const decision = this.intake.decide(run?.AgentName__c ?? '', {
      object: action.TargetObject__c,
      recordId: action.TargetRecordId__c,
      changes: proposal,
      confidence: action.Confidence__c,
    });
    if (decision.effect === 'Block') return `The edited values are blocked by policy: ${decision.reasons.join('; ')}`;
    for (const change of changes) {
      if (!(change.FieldApiName__c in coerced)) continue;
      change.OriginalProposedValue__c ??= change.ProposedValue__c;
      change.ProposedValue__c = toJsonText(coerced[change.FieldApiName__c]);
      change.EditedByApprover__c = true;
    }
    // As EditedProposal.reevaluate: the decision now describes the edited values (reasons, risk, each field's
    // effect and rule); approvals never drop below what the action needed; self-approval only ever tightens.
    action.RequiredApprovals__c = Math.max(action.RequiredApprovals__c, decision.requiredApprovals || 1);
    action.Risk__c = decision.risk;
    action.PolicyReasons__c = decision.reasons.join('\n');
    action.MatchedPolicies__c = decision.matchedPolicies.join(',');
    action.DecisionJson__c = JSON.stringify(decision);
    action.AllowSelfApproval__c = action.AllowSelfApproval__c && decision.allowSelfApproval;
    for (const change of changes) {
      const fieldDecision = decision.fieldEffects.find((f) => f.field === change.FieldApiName__c);
      if (fieldDecision) {
        change.Effect__c = fieldDecision.effect;
        change.GoverningRule__c = fieldDecision.rule;
      }
    }
    if (run) {
      this.audit.append(
        run,
        action.Id,
        'EditedByApprover',
        { actorType: 'User', actor: user.username },
        {
          values: coerced,
          effect: decision.effect,
          requiredApprovals: action.RequiredApprovals__c,
        },
      );
    }
    return coerced;
  }

  /** `POST /actions/{id}/cancel`: only the proposer, only while pending. Returns the refusal, or null on success. */
  cancel(action: PlannedAction, user: DemoUser): string | null {
    if (action.ProposedBy__c !== user.id) return `Only the proposing agent may cancel ${action.Id}`;
    if (action.Status__c !== 'PendingApproval')
      return `${action.Id} is ${action.Status__c}; only a pending action can be cancelled`;
    action.ResultMessage__c = `Cancelled by ${user.username}`;
    this.lifecycle.move(action, 'cancel', { actorType: 'Agent', actor: user.username }, 'cancelled by the proposer');
    return null;
  }

  /** The ActionExpiryJob: every pending action past its ExpiresAt__c becomes Expired (not a human rejection). */
  expireOverdue(): string[] {
    const now = this.org.clock.nowMs();
    const overdue = this.org.actions.filter(
      (a) => a.Status__c === 'PendingApproval' && a.ExpiresAt__c !== null && Date.parse(a.ExpiresAt__c) <= now,
    );
    for (const action of overdue) {
      action.ResultMessage__c = `Expired at ${action.ExpiresAt__c ?? ''} without a decision`;
      this.lifecycle.move(action, 'expire', SYSTEM_ACTOR, 'no decision before the expiry time');
    }
    return overdue.map((a) => a.Id);
  }
}
