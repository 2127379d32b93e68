/**
 * actionPlaneApi — the one place the approver's components talk to the server.
 *
 * Each function wraps one `ActionInboxController` @AuraEnabled method (docs/architecture.md, "The approver's
 * controller contract") and gives its parameters and result a type. In the org the imports resolve to Apex; the
 * workbench swaps the same `@salesforce/apex/*` modules for fetch shims, so nothing else may call the server.
 */
import getInboxApex from '@salesforce/apex/ActionInboxController.getInbox';
import getActionApex from '@salesforce/apex/ActionInboxController.getAction';
import decideApex from '@salesforce/apex/ActionInboxController.decide';
import getRunTimelineApex from '@salesforce/apex/ActionInboxController.getRunTimeline';
import haltRunApex from '@salesforce/apex/ActionInboxController.haltRun';
import replayRunApex from '@salesforce/apex/ActionInboxController.replayRun';
import compensateApex from '@salesforce/apex/ActionInboxController.compensate';
import replanApex from '@salesforce/apex/ActionInboxController.replan';
import getActionsForRecordApex from '@salesforce/apex/ActionInboxController.getActionsForRecord';
import { LABELS } from 'c/actionPlaneLabels';

/** A field value as stored: JSON (strings, numbers, booleans, null; dates as YYYY-MM-DD). */
export type FieldValue = string | number | boolean | null;

export type ActionStatus =
  | 'Proposed'
  | 'AutoApproved'
  | 'PendingApproval'
  | 'Approved'
  | 'Applied'
  | 'Blocked'
  | 'Rejected'
  | 'Expired'
  | 'Cancelled'
  | 'Superseded'
  | 'Failed'
  | 'Conflict'
  | 'Compensated';
export type Effect = 'AutoRun' | 'RequireApproval' | 'Block';
export type Risk = 'Low' | 'Medium' | 'High' | 'Critical';
export type Decision = 'Approve' | 'Reject';

export interface InboxRow {
  id: string;
  name: string;
  status: ActionStatus;
  effect: Effect | null;
  risk: Risk | null;
  objectName: string;
  recordId: string;
  recordName: string | null;
  agent: string | null;
  runId: string;
  runName: string | null;
  confidence: number | null;
  createdAt: string;
  expiresAt: string | null;
  changedFields: string[];
  summary: string | null;
  requiredApprovals: number | null;
  approvals: number | null;
  canDecide: boolean;
}

export interface InboxFilters {
  /** A status, 'Open' (PendingApproval + Approved) or 'All'. */
  status: string;
  objectName: string;
  risk: string;
  agent: string;
  mine: boolean;
  pageSize: number;
  pageNumber: number;
}

export interface InboxPage {
  rows: InboxRow[];
  total: number;
  pageNumber: number;
  pageSize: number;
  agents: string[];
  objects: string[];
}

export interface ActionDetailAction extends InboxRow {
  rationale: string | null;
  evidence: string | null;
  reasons: string[];
  resultMessage: string | null;
  appliedAt: string | null;
  proposedBy: string | null;
  allowSelfApproval: boolean;
  approverGroup: string | null;
  supersedes: string | null;
  retryOf: string | null;
  compensates: string | null;
}

export interface FieldChange {
  field: string;
  label: string | null;
  type: string | null;
  before: FieldValue;
  after: FieldValue;
  applied: FieldValue;
  current: FieldValue;
  effect: Effect | null;
  rule: string | null;
  sensitivity: string | null;
  editedByApprover: boolean;
  originalProposed: FieldValue;
  scale: number | null;
  picklistValues: string[] | null;
}

export interface DecisionRow {
  approver: string;
  decision: Decision;
  reason: string | null;
  decidedAt: string;
  editedValues: Record<string, FieldValue> | null;
}

export interface RunSummary {
  id: string;
  name: string;
  externalId: string | null;
  agent: string | null;
  source: string | null;
  goal: string | null;
  status: string;
  requestedBy: string | null;
  createdAt: string;
}

export interface ActionDetail {
  action: ActionDetailAction;
  fieldChanges: FieldChange[];
  decisions: DecisionRow[];
  run: RunSummary | null;
  canDecide: boolean;
  cannotDecideReason: string | null;
}

export interface DecideResult {
  actionId: string;
  ok: boolean;
  status: ActionStatus | null;
  message: string | null;
}

export interface AuditEventRow {
  sequence: number;
  type: string;
  actorType: string;
  actor: string;
  occurredAt: string;
  actionId: string | null;
  summary: string | null;
  hash: string;
  prevHash: string;
}

export interface ChainVerification {
  verified: boolean;
  brokenAt: number | null;
  message: string | null;
}

export interface RunTimeline {
  run: RunSummary;
  actions: InboxRow[];
  events: AuditEventRow[];
  chain: ChainVerification;
}

export interface HaltResult {
  runId: string;
  cancelled: number;
  status: string;
  message: string | null;
}

export interface ReplayResultRow {
  actionId: string;
  name: string;
  storedEffect: Effect | null;
  replayEffect: Effect | null;
  differs: boolean;
  reasons: string[];
}

export interface ReplayResult {
  runId: string;
  differing: number;
  results: ReplayResultRow[];
}

export interface NewActionResult {
  actionId: string;
  status: ActionStatus;
  effect: Effect | null;
  message: string | null;
}

/** One inbox page for the given filters. */
export function loadInbox(filters: InboxFilters): Promise<InboxPage> {
  return getInboxApex({ ...filters }) as Promise<InboxPage>;
}

/** One action with its field changes, decisions and run. */
export function loadAction(actionId: string): Promise<ActionDetail> {
  return getActionApex({ actionId }) as Promise<ActionDetail>;
}

/**
 * Approve or reject actions. `editedValues` (edit-then-approve) is only allowed with exactly one action; a reject
 * needs a reason. Both rules are checked here too so a bad call never reaches the server.
 */
export async function decideActions(
  actionIds: string[],
  decision: Decision,
  reason: string | null,
  editedValues: Record<string, FieldValue> | null = null,
): Promise<DecideResult[]> {
  if (actionIds.length === 0) throw new Error(LABELS.errorChooseAction);
  if (decision === 'Reject' && (reason === null || reason.trim() === '')) {
    throw new Error(LABELS.rejectNeedsReason);
  }
  if (editedValues !== null && actionIds.length !== 1) {
    throw new Error(LABELS.errorEditOneOnly);
  }
  const response = (await decideApex({
    actionIds,
    decision,
    reason: reason === null ? null : reason.trim(),
    editedValues,
  })) as { results: DecideResult[] };
  return response.results;
}

/** The run with its actions, audit events and the server's chain verification. */
export function loadRunTimeline(runId: string): Promise<RunTimeline> {
  return getRunTimelineApex({ runId }) as Promise<RunTimeline>;
}

/** Halt a run: cancels its pending actions and refuses new ones. */
export function haltRun(runId: string, reason: string): Promise<HaltResult> {
  return haltRunApex({ runId, reason }) as Promise<HaltResult>;
}

/** Re-evaluate every action of a run against today's policy; nothing is written. */
export function replayRun(runId: string): Promise<ReplayResult> {
  return replayRunApex({ runId }) as Promise<ReplayResult>;
}

/** Propose the revert of an applied action (a new compensating action). */
export function compensateAction(actionId: string, reason: string): Promise<NewActionResult> {
  return compensateApex({ actionId, reason }) as Promise<NewActionResult>;
}

/** Plan the action again from the record's current values (after a conflict). */
export function replanAction(actionId: string): Promise<NewActionResult> {
  return replanApex({ actionId }) as Promise<NewActionResult>;
}

/** Agent actions on one record, newest first. */
export async function loadActionsForRecord(recordId: string): Promise<InboxRow[]> {
  const response = (await getActionsForRecordApex({ recordId })) as { rows: InboxRow[] };
  return response.rows;
}

/**
 * A message a person can read from whatever a server call rejected with: an AuraHandledException
 * (`{ body: { message } }`), a page error list (`{ body: [{ message }] }`), field errors, a fetch error from the
 * workbench (`{ message }`), an Error or a string.
 */
export function errorMessage(error: unknown): string {
  if (typeof error === 'string' && error.trim() !== '') return error;
  if (error !== null && typeof error === 'object') {
    const body = (error as { body?: unknown }).body;
    if (Array.isArray(body)) {
      const messages = body
        .map((entry) => (entry !== null && typeof entry === 'object' ? (entry as { message?: unknown }).message : null))
        .filter((message): message is string => typeof message === 'string' && message !== '');
      if (messages.length > 0) return messages.join(', ');
    } else if (body !== null && typeof body === 'object') {
      const { message, pageErrors, fieldErrors } = body as {
        message?: unknown;
        pageErrors?: { message?: string }[];
        fieldErrors?: Record<string, { message?: string }[]>;
      };
      const parts: string[] = [];
      for (const pageError of pageErrors ?? []) if (pageError.message) parts.push(pageError.message);
      for (const [field, errors] of Object.entries(fieldErrors ?? {})) {
        for (const fieldError of errors) if (fieldError.message) parts.push(`${field}: ${fieldError.message}`);
      }
      if (parts.length > 0) return parts.join(', ');
      if (typeof message === 'string' && message !== '') return message;
    }
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string' && message !== '') return message;
  }
  return LABELS.errorNoReason;
}
