/**
 * The intake REST v1 shapes (openapi/actionplane-v1.yaml), as TypeScript types. Field values are JSON values.
 */
import {
  ACTION_STATUSES,
  isActionStatus,
  isTerminal as isTerminalStatus,
  type ActionStatus,
} from '../../src/core/ActionStatusMachine';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

// Statuses and which of them are final come from the decision core's status machine: one list, not a copy.
export type { ActionStatus } from '../../src/core/ActionStatusMachine';

export type Effect = 'AutoRun' | 'RequireApproval' | 'Block';
export type Risk = 'Low' | 'Medium' | 'High' | 'Critical';

export type ErrorCode =
  | 'MALFORMED_JSON'
  | 'MISSING_FIELD'
  | 'UNKNOWN_OBJECT'
  | 'UNKNOWN_FIELD'
  | 'NOT_UPDATEABLE'
  | 'INVALID_TYPE'
  | 'INVALID_VALUE'
  | 'RECORD_NOT_FOUND'
  | 'TOO_MANY_ACTIONS'
  | 'DUPLICATE_FIELD'
  | 'PAUSED'
  | 'NOT_ALLOWED';

/** One field-precise problem: `{ path: "actions[0].changes.Amount", code, message }`. */
export interface ApiFieldError {
  path?: string | null;
  /** An ErrorCode from ActionPlane, or the platform's own code (INVALID_SESSION_ID…) or HTTP_<status>. */
  code: string;
  message: string;
}

export interface RunInput {
  externalId?: string;
  agent: string;
  source?: 'Agentforce' | 'External' | 'Flow' | 'Workbench';
  goal?: string;
  evidence?: JsonValue;
}

export interface ProposedAction {
  idempotencyKey: string;
  object: string;
  recordId: string;
  operation: 'update';
  changes: Record<string, JsonValue>;
  confidence?: number | null;
  rationale?: string;
  evidence?: JsonValue;
  supersedes?: string;
}

export interface SubmitRequest {
  run: RunInput;
  actions: ProposedAction[];
}

export interface FieldChange {
  field: string;
  label: string | null;
  before: JsonValue;
  after: JsonValue;
  applied?: JsonValue;
  effect: Effect | null;
  rule: string | null;
  editedByApprover?: boolean;
  originalProposed?: JsonValue;
}

export interface ActionResult {
  id: string;
  name?: string;
  idempotencyKey: string;
  status: ActionStatus;
  effect: Effect;
  risk: Risk;
  reasons: string[];
  approverGroup?: string | null;
  requiredApprovals?: number | null;
  expiresAt: string | null;
  resultMessage?: string | null;
  /** One sentence for the user (the org sends it; the client computes one when absent). */
  message?: string;
  fieldChanges: FieldChange[];
}

export interface SubmitResponse {
  runId: string;
  externalRunId?: string | null;
  replayed?: boolean;
  actions: ActionResult[];
}

export interface Decision {
  approver: string | null;
  approverId?: string;
  decision: 'Approve' | 'Reject';
  reason: string | null;
  decidedAt: string | null;
  editedValues?: Record<string, JsonValue> | null;
}

export interface AuditEvent {
  sequence: number;
  type: string;
  actionId?: string | null;
  actorType: 'Agent' | 'User' | 'System';
  actor: string | null;
  occurredAt: string;
  payload: JsonValue;
  prevHash: string;
  hash: string;
}

export interface ActionDetail extends ActionResult {
  runId: string;
  object: string;
  recordId: string;
  confidence?: number | null;
  rationale?: string | null;
  appliedAt?: string | null;
  supersedes?: string | null;
  retryOf?: string | null;
  compensates?: string | null;
  appliedValues: Record<string, JsonValue>;
  decisions: Decision[];
  auditEvents: AuditEvent[];
}

export interface RunSummary {
  id: string;
  name?: string | null;
  externalId: string | null;
  agent: string;
  source: string;
  goal?: string | null;
  status: string;
  haltReason?: string | null;
  createdAt?: string | null;
}

export interface RunDetail {
  run: RunSummary;
  actions: ActionResult[];
  auditEvents: AuditEvent[];
  chain: { verified: boolean; brokenAt: number | null; message: string | null };
  verified?: boolean;
}

/** Statuses after which an action never changes again (design.md "Statuses"). */
export const TERMINAL_STATUSES: readonly ActionStatus[] = ACTION_STATUSES.filter(isTerminalStatus);

/** True for a final status; any other string (an unknown status too) is not final. */
export function isTerminal(status: string): boolean {
  return isActionStatus(status) && isTerminalStatus(status);
}
