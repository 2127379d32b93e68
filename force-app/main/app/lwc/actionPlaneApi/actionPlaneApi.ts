/**
 * actionPlaneApi — the one place the approver's components talk to the server.
 *
 * Each function wraps one `ActionInboxController` @AuraEnabled method (docs/architecture.md, "The approver's
 * controller contract") and gives its parameters and result a type; `subscribeToStatusChanges` listens to the
 * `ActionStatusChanged__e` platform event through the EMP API. In the org the imports resolve to Apex and
 * `lightning/empApi`; the workbench swaps the same modules for fetch and Server-Sent Events shims, so nothing else
 * may call the server.
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
import previewEditApex from '@salesforce/apex/ActionInboxController.previewEdit';
import STATUS_EVENT from '@salesforce/schema/ActionStatusChanged__e';
import EVENT_ACTION_ID from '@salesforce/schema/ActionStatusChanged__e.ActionId__c';
import EVENT_RUN_ID from '@salesforce/schema/ActionStatusChanged__e.RunId__c';
import EVENT_STATUS from '@salesforce/schema/ActionStatusChanged__e.Status__c';
import EVENT_PREVIOUS_STATUS from '@salesforce/schema/ActionStatusChanged__e.PreviousStatus__c';
import { isEmpEnabled, onError, subscribe, unsubscribe, type EmpMessage } from 'lightning/empApi';
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
  /** The target record; null for a create not applied yet (the record does not exist). */
  recordId: string | null;
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
  /** Each changed field with its values (older servers send only changedFields and summary). */
  changes?: ChangeSummary[];
  approverGroup?: string | null;
  /** The approver group's label, e.g. "Sales Managers". */
  approverGroupLabel?: string | null;
  cannotDecideReason?: string | null;
  cannotDecideCode?: CannotDecideCode | null;
  /** Record id → name for the target record and every lookup value in the changes. */
  referenceNames?: Record<string, string>;
  /** What the action does to its record (PlannedAction__c.Operation__c); older servers send none: an update. */
  operation?: Operation | null;
  /** A Create that restores a deleted record from the Recycle Bin (the compensation of a delete). */
  restoresRecord?: boolean;
  /** The target object's label ("Opportunity"); older servers send none: the API name stands in. */
  objectLabel?: string | null;
}

/** What an action does to its record: change fields of it, create it, or delete it. */
export type Operation = 'Update' | 'Create' | 'Delete';

export type CannotDecideCode = 'NOT_PENDING' | 'NOT_APPROVER' | 'OWN_PROPOSAL' | 'ALREADY_VOTED';

export interface ChangeSummary {
  field: string;
  label: string | null;
  type: string | null;
  before: FieldValue;
  after: FieldValue;
  scale: number | null;
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
  /** One sentence: what the action needs and the rule behind it, in labels. */
  headline?: string | null;
  /** Every policy rule behind the decision, in labels (reasons keeps the stored text). */
  ruleReasons?: string[];
  appliedBy?: string | null;
  /** A pending plan whose record no longer holds the planned "before" values. */
  stale?: boolean;
  driftedFields?: string[];
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
  /** Why this field needs what it needs, in labels. */
  reason?: string | null;
  /** The record's current value differs from the planned "before" (pending actions). */
  drifted?: boolean;
  /** The picklist's values are a sequence (Opportunity stages), so a move has steps. */
  ordered?: boolean;
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
  requestedByName?: string | null;
}

export interface ActionDetail {
  action: ActionDetailAction;
  fieldChanges: FieldChange[];
  decisions: DecisionRow[];
  run: RunSummary | null;
  canDecide: boolean;
  cannotDecideReason: string | null;
  /** Actions linked to this one either way (re-plans, supersedes, compensations). */
  related?: RelatedAction[];
}

export type Relation = 'retryOf' | 'retriedBy' | 'supersedes' | 'supersededBy' | 'compensates' | 'compensatedBy';

export interface RelatedAction {
  relation: Relation;
  actionId: string;
  name: string;
  status: ActionStatus;
  resultMessage: string | null;
}

export interface DecideResult {
  actionId: string;
  ok: boolean;
  status: ActionStatus | null;
  message: string | null;
}

/** Where one decided action stands after the call (DecideResponse.outcomes). */
export interface DecisionOutcome {
  actionId: string;
  name: string | null;
  ok: boolean;
  status: ActionStatus | null;
  message: string | null;
  approvals: number | null;
  requiredApprovals: number | null;
  /** Everyone who voted, oldest first: for a refused vote, who decided instead. */
  decidedBy: string[];
  lastDecision: Decision | null;
  resultMessage: string | null;
}

export interface DecideResponse {
  results: DecideResult[];
  outcomes: DecisionOutcome[];
}

/** previewEdit: what policy decides for an edit before it is sent. */
export interface EditPreview {
  actionId: string;
  effect: Effect | null;
  risk: Risk | null;
  requiredApprovals: number;
  requiredApprovalsBefore: number;
  approvals: number;
  approverGroup: string | null;
  approverGroupLabel: string | null;
  blocked: boolean;
  raisesApprovals: boolean;
  edited: boolean;
  headline: string | null;
  message: string | null;
  ruleReasons: string[];
  fields: {
    field: string;
    after: FieldValue;
    edited: boolean;
    effect: Effect | null;
    rule: string | null;
    reason: string | null;
    error: string | null;
  }[];
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
  actorName?: string | null;
  actionName?: string | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  decision?: string | null;
  reason?: string | null;
  /** PolicyDecided: the effect and risk decided. */
  effect?: string | null;
  risk?: string | null;
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
  return (await decide(actionIds, decision, reason, editedValues)).results;
}

/**
 * decideActions with the outcomes: where each action stands afterwards (approval progress, who decided). A server
 * that sends no outcomes gets one per result from the result alone.
 */
export async function decide(
  actionIds: string[],
  decision: Decision,
  reason: string | null,
  editedValues: Record<string, FieldValue> | null = null,
): Promise<DecideResponse> {
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
  })) as { results: DecideResult[]; outcomes?: DecisionOutcome[] };
  const outcomes =
    response.outcomes ??
    response.results.map((result) => ({
      ...result,
      name: null,
      approvals: null,
      requiredApprovals: null,
      decidedBy: [],
      lastDecision: null,
      resultMessage: null,
    }));
  return { results: response.results, outcomes };
}

/** What policy decides for the approver's edit of one action, before anything is sent (nothing is written). */
export function previewEdit(actionId: string, editedValues: Record<string, FieldValue>): Promise<EditPreview> {
  return previewEditApex({ actionId, editedValues }) as Promise<EditPreview>;
}

/** One `ActionStatusChanged__e` message: which action moved, on which run, from which status to which. */
export interface StatusChange {
  actionId: string | null;
  runId: string | null;
  status: string | null;
  previousStatus: string | null;
}

function payloadText(payload: Record<string, unknown>, reference: { fieldApiName?: string }): string | null {
  const value = reference.fieldApiName ? payload[reference.fieldApiName] : undefined;
  return typeof value === 'string' ? value : null;
}

/**
 * Calls `onChange` for every `ActionStatusChanged__e` from now on (new proposals, votes, applies, expiries…), and
 * `onProblem` when the EMP API reports an error on its connection. Resolves with the function that stops listening,
 * or with null when the EMP API is not available here (e.g. a mobile app), so the component can say live updates
 * are off and keep its refresh button. The channel and payload field names come from `@salesforce/schema`, so they
 * carry the package's namespace in a subscriber org.
 */
export async function subscribeToStatusChanges(
  onChange: (change: StatusChange) => void,
  onProblem: (error: unknown) => void,
): Promise<(() => void) | null> {
  const enabled = await isEmpEnabled().catch(() => false);
  if (!enabled) return null;
  onError(onProblem);
  const subscription = await subscribe(`/event/${STATUS_EVENT.objectApiName}`, -1, (message: EmpMessage) => {
    const payload = message.data.payload;
    onChange({
      actionId: payloadText(payload, EVENT_ACTION_ID),
      runId: payloadText(payload, EVENT_RUN_ID),
      status: payloadText(payload, EVENT_STATUS),
      previousStatus: payloadText(payload, EVENT_PREVIOUS_STATUS),
    });
  });
  return () => {
    void unsubscribe(subscription);
  };
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
