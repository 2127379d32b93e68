/**
 * RecoveryService — twin of RecoveryService.cls: compensate an applied action (revert, only if the record is still
 * as we left it), re-plan a stale one from current values, halt a run, and replay a run's decisions against the
 * policy in force today. Every new action is linked to the old one (Compensates__c / RetryOf__c).
 */
import { valuesEqual, type JsonValue } from '../../src/core/Values';
import type { ActionLifecycle } from './ActionLifecycle';
import type { Actor, AuditTrail } from './AuditTrail';
import type { DemoUser } from './DemoData';
import type { ExecutionService } from './ExecutionService';
import type { IntakeService } from './IntakeService';
import { describeObject } from './ObjectDescribe';
import type { OrgStore, PlannedAction } from './OrgStore';
import { planChanges } from './PlanBuilder';
import { ControllerError, fromJsonText } from './RequestError';

export interface NewActionResult {
  actionId: string;
  status: string;
  effect: string;
  message: string;
}

export interface ReplayLine {
  actionId: string;
  name: string;
  storedEffect: string;
  replayEffect: string;
  differs: boolean;
  reasons: string[];
}

export class RecoveryService {
  constructor(
    private readonly org: OrgStore,
    private readonly audit: AuditTrail,
    private readonly lifecycle: ActionLifecycle,
    private readonly execution: ExecutionService,
    private readonly intake: IntakeService,
  ) {}

  /**
   * Reverts an Applied action with a new, linked action run at once as `user` (an approver's explicit decision);
   * refused when any field was changed since it was applied. The original becomes Compensated.
   */
  compensate(actionId: string, reason: string | null, user: DemoUser): NewActionResult {
    const original = this.requireAction(actionId);
    this.requireApprover(user);
    if (original.Status__c !== 'Applied') {
      throw new ControllerError(`Only an applied action can be compensated; ${original.Name} is ${original.Status__c}`);
    }
    const record = this.org.findRecord(original.TargetObject__c, original.TargetRecordId__c);
    const object = describeObject(original.TargetObject__c);
    if (!record || !object)
      throw new ControllerError(`${original.TargetObject__c} ${original.TargetRecordId__c} no longer exists`);
    const changes = this.org.changesOf(original.Id);
    const touched = changes.filter(
      (c) => !valuesEqual(fromJsonText(c.AppliedValue__c), (record[c.FieldApiName__c] ?? null) as JsonValue),
    );
    if (touched.length > 0) {
      throw new ControllerError(
        `Cannot compensate ${original.Name}: ${touched.map((c) => c.FieldLabel__c).join(', ')} changed since it was applied`,
      );
    }
    const revert = Object.fromEntries(changes.map((c) => [c.FieldApiName__c, fromJsonText(c.BeforeValue__c)]));
    const plan = planChanges(object, record, revert, 'compensation');
    if (!plan.ok) throw new ControllerError(plan.errors.map((e) => e.message).join('; '));
    const run = this.requireRun(original);
    const actor: Actor = { actorType: 'User', actor: user.username };
    this.audit.append(run, original.Id, 'CompensationRequested', actor, { reason });
    const decision = this.intake.decide(run.AgentName__c, {
      object: object.name,
      recordId: record.Id,
      changes: plan.changes,
      confidence: null,
    });
    const compensating = this.intake.createAction(
      run,
      {
        idempotencyKey: `${original.IdempotencyKey__c}:compensate:${this.org.actions.length + 1}`,
        object: object.name,
        recordId: record.Id,
        changes: plan.changes,
        confidence: null,
        rationale: `Compensates ${original.Name}${reason ? `: ${reason}` : ''}`,
        evidence: null,
        supersedes: null,
        compensates: original.Id,
      },
      decision,
      user,
      actor,
    );
    this.lifecycle.move(compensating, 'autoApprove', actor, `compensation requested by ${user.username}`);
    const status = this.execution.execute(compensating, user, actor);
    if (status === 'Applied') {
      original.ResultMessage__c = `Compensated by ${compensating.Name}`;
      this.lifecycle.move(original, 'compensate', actor, reason);
    }
    return {
      actionId: compensating.Id,
      status,
      effect: compensating.Effect__c,
      message:
        status === 'Applied'
          ? `${original.Name} reverted by ${compensating.Name}`
          : (compensating.ResultMessage__c ?? status),
    };
  }

  /** Plans the same proposed values again from the record's current values, as a new action linked by RetryOf__c. */
  replan(actionId: string, user: DemoUser): NewActionResult {
    const original = this.requireAction(actionId);
    this.requireApprover(user);
    if (!['Conflict', 'Failed', 'Expired'].includes(original.Status__c)) {
      throw new ControllerError(
        `Only a Conflict, Failed or Expired action can be re-planned; ${original.Name} is ${original.Status__c}`,
      );
    }
    const record = this.org.findRecord(original.TargetObject__c, original.TargetRecordId__c);
    const object = describeObject(original.TargetObject__c);
    if (!record || !object)
      throw new ControllerError(`${original.TargetObject__c} ${original.TargetRecordId__c} no longer exists`);
    const proposed = Object.fromEntries(
      this.org.changesOf(original.Id).map((c) => [c.FieldApiName__c, fromJsonText(c.ProposedValue__c)]),
    );
    const plan = planChanges(object, record, proposed, 'replan');
    if (!plan.ok) throw new ControllerError(plan.errors.map((e) => e.message).join('; '));
    const run = this.requireRun(original);
    const proposer = this.org.userById(original.ProposedBy__c) ?? user;
    const action = this.intake.propose(
      run,
      {
        idempotencyKey: `${original.IdempotencyKey__c}:replan:${this.org.actions.length + 1}`,
        object: object.name,
        recordId: record.Id,
        changes: plan.changes,
        confidence: original.Confidence__c,
        rationale: original.Rationale__c,
        evidence: original.Evidence__c,
        supersedes: null,
        retryOf: original.Id,
      },
      proposer,
      { actorType: 'User', actor: user.username },
    );
    return {
      actionId: action.Id,
      status: action.Status__c,
      effect: action.Effect__c,
      message: `Re-planned as ${action.Name}: ${action.Status__c}`,
    };
  }

  /** Stops a run: every pending action is cancelled and the run is Halted with the reason. */
  haltRun(
    runId: string,
    reason: string | null,
    user: DemoUser,
  ): { runId: string; cancelled: number; status: string; message: string } {
    this.requireApprover(user);
    const run = this.org.run(runId);
    if (!run) throw new ControllerError(`No run with id ${runId}`);
    if (reason === null || reason.trim() === '') throw new ControllerError('A reason is required to halt a run');
    const actor: Actor = { actorType: 'User', actor: user.username };
    const pending = this.org.actionsOf(run.Id).filter((a) => a.Status__c === 'PendingApproval');
    for (const action of pending) {
      action.ResultMessage__c = `Cancelled: run halted by ${user.name}`;
      this.lifecycle.move(action, 'cancel', actor, `run halted: ${reason}`);
    }
    run.Status__c = 'Halted';
    run.HaltReason__c = reason;
    this.audit.append(run, null, 'RunHalted', actor, { reason, cancelled: pending.map((a) => a.Id) });
    return {
      runId: run.Id,
      cancelled: pending.length,
      status: run.Status__c,
      message: `Run halted; ${pending.length} pending action(s) cancelled`,
    };
  }

  /** Re-decides each action of the run with today's policy and says which decisions would differ. */
  replayRun(runId: string, user: DemoUser): { runId: string; differing: number; results: ReplayLine[] } {
    const run = this.org.run(runId);
    if (!run) throw new ControllerError(`No run with id ${runId}`);
    const results = this.org.actionsOf(run.Id).map((action): ReplayLine => {
      const changes = this.org.changesOf(action.Id).map((c) => ({
        field: c.FieldApiName__c,
        label: c.FieldLabel__c,
        type: c.FieldType__c as never,
        before: fromJsonText(c.BeforeValue__c),
        after: fromJsonText(c.OriginalProposedValue__c ?? c.ProposedValue__c),
      }));
      const decision = this.intake.decide(run.AgentName__c, {
        object: action.TargetObject__c,
        recordId: action.TargetRecordId__c,
        changes,
        confidence: action.Confidence__c,
      });
      return {
        actionId: action.Id,
        name: action.Name,
        storedEffect: action.Effect__c,
        replayEffect: decision.effect,
        differs: decision.effect !== action.Effect__c,
        reasons: decision.reasons,
      };
    });
    const differing = results.filter((r) => r.differs).length;
    this.audit.append(
      run,
      null,
      'RunReplayed',
      { actorType: 'User', actor: user.username },
      {
        differing,
        results: results.map((r) => ({
          actionId: r.actionId,
          storedEffect: r.storedEffect,
          replayEffect: r.replayEffect,
        })),
      },
    );
    return { runId: run.Id, differing, results };
  }

  private requireAction(actionId: string): PlannedAction {
    const action = this.org.action(actionId);
    if (!action) throw new ControllerError(`No action with id ${actionId}`);
    return action;
  }

  private requireRun(action: PlannedAction) {
    const run = this.org.run(action.Run__c);
    if (!run) throw new ControllerError(`The run of ${action.Name} is missing`);
    return run;
  }

  private requireApprover(user: DemoUser): void {
    if (!user.permissions.includes('Approver'))
      throw new ControllerError(`${user.name} is not an ActionPlane approver`);
  }
}
