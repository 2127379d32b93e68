/**
 * ActionStatusMachine — the TypeScript twin of force-app/main/core/classes/ActionStatusMachine.cls.
 *
 * The lifecycle of a PlannedAction__c (design "Statuses"): every status change goes through `transition`, which
 * refuses a move the lifecycle does not allow with an IllegalTransitionError. Conformance vectors
 * (ConformanceVectorsStatus.json) list every legal move and a sample of illegal ones for both twins.
 *
 *   Proposed ─autoApprove→ AutoApproved ─apply→ Applied ─compensate→ Compensated
 *   Proposed ─block→ Blocked
 *   Proposed ─requireApproval→ PendingApproval ─approve (on quorum)→ Approved ─apply|conflict|fail→ Applied|Conflict|Failed
 *   PendingApproval ─reject|expire|cancel|supersede→ Rejected|Expired|Cancelled|Superseded
 *   AutoApproved ─conflict|fail→ Conflict|Failed   (extension: an AutoRun can meet a stale record or a validation rule)
 *
 * Terminal statuses end the action's decision and execution. Applied is terminal too, yet may still be marked
 * Compensated when a compensating action reverts it.
 */
export const ACTION_STATUSES = [
  'Proposed',
  'AutoApproved',
  'PendingApproval',
  'Approved',
  'Applied',
  'Blocked',
  'Rejected',
  'Expired',
  'Cancelled',
  'Superseded',
  'Failed',
  'Conflict',
  'Compensated',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_EVENTS = [
  'autoApprove',
  'block',
  'requireApproval',
  'approve',
  'reject',
  'expire',
  'cancel',
  'supersede',
  'apply',
  'conflict',
  'fail',
  'compensate',
] as const;
export type ActionEvent = (typeof ACTION_EVENTS)[number];

const TERMINAL = new Set<ActionStatus>([
  'Applied',
  'Blocked',
  'Rejected',
  'Expired',
  'Cancelled',
  'Superseded',
  'Failed',
  'Conflict',
  'Compensated',
]);

const EXECUTION: Partial<Record<ActionEvent, ActionStatus>> = {
  apply: 'Applied',
  conflict: 'Conflict',
  fail: 'Failed',
};

/** status → event → next status; a missing entry is an illegal move. */
const MOVES: Readonly<Record<ActionStatus, Partial<Record<ActionEvent, ActionStatus>>>> = {
  Proposed: { autoApprove: 'AutoApproved', block: 'Blocked', requireApproval: 'PendingApproval' },
  PendingApproval: {
    approve: 'Approved',
    reject: 'Rejected',
    expire: 'Expired',
    cancel: 'Cancelled',
    supersede: 'Superseded',
  },
  Approved: EXECUTION,
  AutoApproved: EXECUTION,
  Applied: { compensate: 'Compensated' },
  Blocked: {},
  Rejected: {},
  Expired: {},
  Cancelled: {},
  Superseded: {},
  Failed: {},
  Conflict: {},
  Compensated: {},
};

/** A status change the lifecycle does not allow, or an unknown status or event. */
export class IllegalTransitionError extends Error {
  readonly code = 'ILLEGAL_TRANSITION';
  readonly status: string;
  readonly event: string;
  constructor(status: string, event: string, message?: string) {
    super(message ?? `Cannot ${event} an action that is ${status}`);
    this.name = 'IllegalTransitionError';
    this.status = status;
    this.event = event;
  }
}

export function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === 'string' && (ACTION_STATUSES as readonly string[]).includes(value);
}

export function isActionEvent(value: unknown): value is ActionEvent {
  return typeof value === 'string' && (ACTION_EVENTS as readonly string[]).includes(value);
}

/**
 * The status after `event`.
 * @throws IllegalTransitionError ("Cannot approve an action that is Rejected") when the move is not allowed
 */
export function transition(status: ActionStatus, event: ActionEvent): ActionStatus {
  if (!isActionStatus(status)) {
    throw new IllegalTransitionError(String(status), String(event), `Unknown action status '${String(status)}'`);
  }
  if (!isActionEvent(event)) {
    throw new IllegalTransitionError(status, String(event), `Unknown action event '${String(event)}'`);
  }
  const next = MOVES[status][event];
  if (next === undefined) throw new IllegalTransitionError(status, event);
  return next;
}

/** True when the action's decision and execution are over (Applied may still be compensated). */
export function isTerminal(status: ActionStatus): boolean {
  return TERMINAL.has(status);
}

/** The events allowed from `status`, in ACTION_EVENTS order (empty for an unknown status). */
export function legalEvents(status: ActionStatus): ActionEvent[] {
  const moves = isActionStatus(status) ? MOVES[status] : {};
  return ACTION_EVENTS.filter((e) => moves[e] !== undefined);
}
