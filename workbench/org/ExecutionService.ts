/**
 * ExecutionService — twin of ExecutionService.cls: re-reads the record, refuses a stale plan (any "before" value
 * drifted → Conflict, nothing written), otherwise writes the proposed values as the deciding user and marks the
 * action Applied. One action at a time, like the org's savepoint per action.
 */
import { driftedFields } from '../../src/core/FieldValueCoercer';
import type { ActionLifecycle } from './ActionLifecycle';
import type { Actor, AuditTrail } from './AuditTrail';
import type { DemoUser } from './DemoData';
import type { OrgStore, PlannedAction } from './OrgStore';
import { fromJsonText, toJsonText } from './RequestError';

export class ExecutionService {
  constructor(
    private readonly org: OrgStore,
    private readonly audit: AuditTrail,
    private readonly lifecycle: ActionLifecycle,
  ) {}

  /** Executes an AutoApproved or Approved action as `decider`; returns the action's final status. */
  execute(action: PlannedAction, decider: DemoUser | null, actor: Actor): PlannedAction['Status__c'] {
    const run = this.org.run(action.Run__c);
    const record = this.org.findRecord(action.TargetObject__c, action.TargetRecordId__c);
    if (!run) throw new Error(`run ${action.Run__c} of action ${action.Id} is missing`);
    if (this.isPaused()) {
      action.ResultMessage__c = 'Not executed: ActionPlane is paused (kill switch)';
      this.audit.append(run, action.Id, 'ExecutionFailed', actor, { message: action.ResultMessage__c });
      this.lifecycle.move(action, 'fail', actor, action.ResultMessage__c);
      return action.Status__c;
    }
    if (!record) {
      action.ResultMessage__c = `${action.TargetObject__c} ${action.TargetRecordId__c} no longer exists`;
      this.audit.append(run, action.Id, 'ExecutionFailed', actor, { message: action.ResultMessage__c });
      this.lifecycle.move(action, 'fail', actor, action.ResultMessage__c);
      return action.Status__c;
    }
    const changes = this.org.changesOf(action.Id);
    const drifted = driftedFields(
      changes.map((c) => ({ field: c.FieldApiName__c, before: fromJsonText(c.BeforeValue__c) })),
      record,
    );
    if (drifted.length > 0) {
      action.ResultMessage__c = `Not applied: ${drifted.join(', ')} changed on the record after the proposal (stale plan); re-plan to propose again from the current values`;
      this.audit.append(run, action.Id, 'ConflictDetected', actor, {
        driftedFields: drifted,
        current: Object.fromEntries(drifted.map((f) => [f, record[f] ?? null])),
      });
      this.lifecycle.move(action, 'conflict', actor, action.ResultMessage__c);
      return action.Status__c;
    }
    const now = this.org.clock.nowIso();
    const applied: Record<string, unknown> = {};
    for (const change of changes) {
      const value = fromJsonText(change.ProposedValue__c);
      record[change.FieldApiName__c] = value;
      change.AppliedValue__c = toJsonText(value);
      applied[change.FieldApiName__c] = value;
    }
    record.LastModifiedDate = now;
    action.AppliedAt__c = now;
    action.AppliedBy__c = decider?.id ?? null;
    action.ResultMessage__c = `Applied to ${action.TargetObject__c} ${action.TargetRecordId__c}`;
    this.audit.append(run, action.Id, 'Applied', actor, { recordId: action.TargetRecordId__c, values: applied });
    this.lifecycle.move(action, 'apply', actor, null);
    return action.Status__c;
  }

  private isPaused(): boolean {
    const mode = this.org.policyMetadataInForce().settings?.Mode__c;
    return typeof mode === 'string' && mode.trim().toLowerCase() === 'paused';
  }
}
