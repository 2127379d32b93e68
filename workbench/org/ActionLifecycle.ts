/**
 * ActionLifecycle — every status change of a PlannedAction__c goes through here: the shared core's status machine
 * decides whether the move is legal, each move appends a StatusChanged audit event and publishes
 * ActionStatusChanged__e on the workbench's event bus (the twin of ActionTransitions + ActionStatusPublisher).
 */
import { transition } from '../../src/core/ActionStatusMachine';
import { countByStatus, statusFor } from '../../src/core/RunStatusRollup';
import type { Actor, AuditTrail } from './AuditTrail';
import type { EventBus } from './EventBus';
import type { OrgStore, PlannedAction, RunStatus } from './OrgStore';

export type StatusEvent =
  | 'autoApprove'
  | 'block'
  | 'requireApproval'
  | 'approve'
  | 'reject'
  | 'expire'
  | 'cancel'
  | 'supersede'
  | 'apply'
  | 'conflict'
  | 'fail'
  | 'compensate';

export class ActionLifecycle {
  constructor(
    private readonly org: OrgStore,
    private readonly audit: AuditTrail,
    private readonly events: EventBus | null = null,
  ) {}

  /** Moves `action` by `event`; throws IllegalTransitionError (from the core) when the move is not allowed. */
  move(action: PlannedAction, event: StatusEvent, actor: Actor, reason: string | null = null): void {
    const previous = action.Status__c;
    const next = transition(previous, event);
    action.Status__c = next;
    const run = this.org.run(action.Run__c);
    if (!run) return;
    this.audit.append(run, action.Id, 'StatusChanged', actor, { from: previous, to: next, event, reason });
    run.Status__c = this.rollUp(run.Id, run.Status__c);
    this.events?.publish({
      ActionId__c: action.Id,
      RunId__c: run.Id,
      ExternalRunId__c: run.ExternalRunId__c,
      Status__c: next,
      PreviousStatus__c: previous,
      Effect__c: action.Effect__c,
      Reason__c: reason,
    });
  }

  /** The run's status from its actions' statuses (AgentRun__c.Status__c), by the shared core's roll-up rule. */
  rollUp(runId: string, current: RunStatus): RunStatus {
    return statusFor(countByStatus(this.org.actionsOf(runId).map((a) => a.Status__c)), current);
  }
}
