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
  | 'NOT_CREATEABLE'
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

/** What an action does to its record (the request's `operation`; the server matches it case-insensitively). */
export type Operation = 'update' | 'create' | 'delete';

/** The members every proposed action shares, whatever its operation. */
interface ProposedActionBase {
  idempotencyKey: string;
  object: string;
  confidence?: number | null;
  rationale?: string;
  evidence?: JsonValue;
  supersedes?: string;
}

/** Change fields of one existing record (the v1 shape). */
export interface ProposedUpdate extends ProposedActionBase {
  operation: 'update';
  recordId: string;
  /** Field API name → new value, at least one field. */
  changes: Record<string, JsonValue>;
}

/** Create one new record: every given field is a new value; no `recordId` (the new record's id comes once applied). */
export interface ProposedCreate extends ProposedActionBase {
  operation: 'create';
  recordId?: null;
  /** Field API name → value of the new record, at least one field; the object's required fields included. */
  changes: Record<string, JsonValue>;
}

/** Delete one existing record: no `changes` (the record's live values are what the approver sees removed). */
export interface ProposedDelete extends ProposedActionBase {
  operation: 'delete';
  recordId: string;
  changes?: null;
}

export type ProposedAction = ProposedUpdate | ProposedCreate | ProposedDelete;

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
  /** update, create or delete (servers before creates and deletes send none: an update). */
  operation?: Operation;
  /** The record the action is on; a create's is null until applied, then the record it created. */
  recordId?: string | null;
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
  /** The target record; for a create, null until it is applied, then the new record's id. */
  recordId: string | null;
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

/** The operation of an action as answered: `update` when the server names none. */
export function operationOf(action: { operation?: string | null }): Operation {
  const operation = action.operation?.toLowerCase();
  return operation === 'create' || operation === 'delete' ? operation : 'update';
}

/** Statuses after which an action never changes again (design.md "Statuses"). */
export const TERMINAL_STATUSES: readonly ActionStatus[] = ACTION_STATUSES.filter(isTerminalStatus);

/** True for a final status; any other string (an unknown status too) is not final. */
export function isTerminal(status: string): boolean {
  return isActionStatus(status) && isTerminalStatus(status);
}
