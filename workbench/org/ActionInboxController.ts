/**
 * ActionInboxController — twin of ActionInboxController.cls and its builders (InboxRowBuilder, ActionDetailBuilder,
 * EditPreview, DecisionOutcomeBuilder, RelatedActionBuilder, RunTimelineBuilder): the approver's controller
 * contract of docs/architecture.md, same parameters and results. The workbench serves each method at
 * `POST /workbench/api/controller/<method>`; the acting user comes from `X-ActionPlane-User`.
 */
import { coerceValue, driftedFields, type FieldType } from '../../src/core/FieldValueCoercer';
import type { JsonValue } from '../../src/core/Values';
import type { ApprovalService, DecisionOutcome } from './ApprovalService';
import type { AuditTrail, ChainCheck } from './AuditTrail';
import { formatLabel, label } from './CustomLabels';
import type { DemoUser } from './DemoData';
import type { IntakeService } from './IntakeService';
import { describeField, describeObject, type ObjectDescribe } from './ObjectDescribe';
import type { AgentRun, AuditEvent, FieldChange, OrgStore, PlannedAction } from './OrgStore';
import { parseDecision, PolicyExplanation, type Explained } from './PolicyExplanation';
import { approvalCount, PolicyWords } from './PolicyWords';
import type { RecoveryService } from './RecoveryService';
import { ControllerError, fromJsonText, toJsonText } from './RequestError';

type Params = Record<string, unknown>;

const OPEN = new Set(['PendingApproval', 'Approved']);
/** Statuses in which a plan still waits to run, so the record can drift from it (ActionDetailBuilder.WAITING). */
const WAITING = new Set(['PendingApproval', 'Approved']);
/** Picklists whose value order is a sequence (ActionDetailBuilder.ORDERED_PICKLISTS). */
const ORDERED_PICKLISTS = new Set(['opportunity.stagename']);

function text(p: Params, name: string): string | null {
  const v = p[name];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') throw new ControllerError(`${name} must be text`);
  return v;
}

function required(p: Params, name: string): string {
  const v = text(p, name);
  if (v === null) throw new ControllerError(`${name} is required`);
  return v;
}

function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(blank)';
  if (typeof v === 'number') return v.toLocaleString('en-US');
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function isReference(type: string | null): boolean {
  return type !== null && type.toLowerCase() === 'reference';
}

/** A value that reads as a record id (DisplayNameSelector.asId): 15 or 18 letters and digits. */
function asId(value: unknown): string | null {
  return typeof value === 'string' && /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(value) ? value : null;
}

function distinctApprovals(decisions: { Approver__c: string; Decision__c: string }[]): number {
  return new Set(decisions.filter((d) => d.Decision__c === 'Approve').map((d) => d.Approver__c)).size;
}

function editedValuesOf(p: Params): Record<string, unknown> | null {
  const edited = p.editedValues;
  if (edited !== undefined && edited !== null && (typeof edited !== 'object' || Array.isArray(edited))) {
    throw new ControllerError('editedValues must be an object of { Field: value }');
  }
  return (edited ?? null) as Record<string, unknown> | null;
}

/** ActionInboxController.DecisionOutcome: where one decided action stands after the call. */
export interface DecisionOutcomeRow {
  actionId: string;
  name: string | null;
  ok: boolean;
  status: string | null;
  message: string | null;
  approvals: number | null;
  requiredApprovals: number | null;
  decidedBy: string[];
  lastDecision: string | null;
  resultMessage: string | null;
}

/** ActionInboxController.FieldPreview: one field of an edit preview. */
interface FieldPreviewRow {
  field: string;
  after: JsonValue;
  edited: boolean;
  effect: string | null;
  rule: string | null;
  reason: string | null;
  error: string | null;
}

export class ActionInboxController {
  constructor(
    private readonly org: OrgStore,
    private readonly audit: AuditTrail,
    private readonly approval: ApprovalService,
    private readonly recovery: RecoveryService,
    private readonly intake: IntakeService,
  ) {}

  /** Calls `method` with `params` as `user`; unknown methods are refused with the list of known ones. */
  call(method: string, params: Params, user: DemoUser): unknown {
    switch (method) {
      case 'getInbox':
        return this.getInbox(params, user);
      case 'getAction':
        return this.getAction(required(params, 'actionId'), user);
      case 'decide':
        return this.decide(params, user);
      case 'previewEdit':
        return this.previewEdit(required(params, 'actionId'), editedValuesOf(params), user);
      case 'getRunTimeline':
        return this.getRunTimeline(required(params, 'runId'), user);
      case 'haltRun':
        return this.recovery.haltRun(required(params, 'runId'), text(params, 'reason'), user);
      case 'replayRun':
        return this.recovery.replayRun(required(params, 'runId'), user);
      case 'compensate':
        return this.recovery.compensate(required(params, 'actionId'), text(params, 'reason'), user);
      case 'replan':
        return this.recovery.replan(required(params, 'actionId'), user);
      case 'getActionsForRecord':
        return this.getActionsForRecord(required(params, 'recordId'), user);
      default:
        throw new ControllerError(
          `ActionInboxController has no method '${method}' (getInbox, getAction, decide, previewEdit, getRunTimeline, haltRun, replayRun, compensate, replan, getActionsForRecord)`,
        );
    }
  }

  getInbox(p: Params, user: DemoUser) {
    const status = text(p, 'status') ?? 'Open';
    const objectName = text(p, 'objectName');
    const risk = text(p, 'risk');
    const agent = text(p, 'agent');
    const mine = p.mine === true;
    const pageSize = Math.min(200, Math.max(1, Number(p.pageSize ?? 50) || 50));
    const pageNumber = Math.max(1, Number(p.pageNumber ?? 1) || 1);
    const all = [...this.org.actions].sort(
      (a, b) => b.CreatedDate.localeCompare(a.CreatedDate) || b.Name.localeCompare(a.Name),
    );
    const matching = all.filter(
      (a) =>
        (status === 'All' || (status === 'Open' ? OPEN.has(a.Status__c) : a.Status__c === status)) &&
        (objectName === null || a.TargetObject__c.toLowerCase() === objectName.toLowerCase()) &&
        (risk === null || a.Risk__c === risk) &&
        (agent === null || this.agentOf(a).toLowerCase() === agent.toLowerCase()) &&
        (!mine || this.approval.cannotDecideReason(a, user) === null),
    );
    const rows = matching.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((a) => this.rowOf(a, user));
    return {
      rows,
      total: matching.length,
      pageNumber,
      pageSize,
      agents: [...new Set(all.map((a) => this.agentOf(a)))].sort(),
      objects: [...new Set(all.map((a) => a.TargetObject__c))].sort(),
    };
  }

  getAction(actionId: string, user: DemoUser) {
    const action = this.org.action(actionId);
    if (!action) throw new ControllerError(`Action ${actionId} was not found or is not shared with you.`);
    const record = this.org.findRecord(action.TargetObject__c, action.TargetRecordId__c);
    const object = describeObject(action.TargetObject__c);
    const run = this.org.run(action.Run__c);
    const changes = this.org.changesOf(action.Id);
    const cannot = this.readableReason(action, changes, user);
    const currentOf = (c: FieldChange): JsonValue => (record ? (record[c.FieldApiName__c] ?? null) : null);
    const explained = this.explanationOf(action, changes);
    const waiting = WAITING.has(action.Status__c) && record !== undefined;
    const drifted = new Set(
      waiting
        ? driftedFields(
            changes.map((c) => ({ field: c.FieldApiName__c, before: fromJsonText(c.BeforeValue__c) })),
            record,
          )
        : [],
    );
    const fieldChanges = changes.map((c) => {
      const describe = object ? describeField(object, c.FieldApiName__c) : undefined;
      const picklistValues = describe?.picklistValues ?? null;
      return {
        field: c.FieldApiName__c,
        label: c.FieldLabel__c,
        type: c.FieldType__c,
        before: fromJsonText(c.BeforeValue__c),
        after: fromJsonText(c.ProposedValue__c),
        applied: fromJsonText(c.AppliedValue__c),
        current: currentOf(c),
        effect: c.Effect__c,
        rule: c.GoverningRule__c,
        sensitivity: c.Sensitivity__c,
        editedByApprover: c.EditedByApprover__c,
        originalProposed: fromJsonText(c.OriginalProposedValue__c),
        scale: describe?.scale ?? null,
        picklistValues,
        reason: explained.fieldReasons[c.FieldApiName__c] ?? null,
        drifted: drifted.has(c.FieldApiName__c),
        ordered:
          picklistValues !== null &&
          ORDERED_PICKLISTS.has(`${action.TargetObject__c}.${c.FieldApiName__c}`.toLowerCase()),
      };
    });
    const driftedLabels = fieldChanges.filter((f) => f.drifted).map((f) => f.label);
    return {
      action: {
        ...this.rowOf(action, user, changes.map(currentOf)),
        rationale: action.Rationale__c,
        evidence: action.Evidence__c,
        reasons: action.PolicyReasons__c === '' ? [] : action.PolicyReasons__c.split('\n'),
        resultMessage: action.ResultMessage__c,
        appliedAt: action.AppliedAt__c,
        proposedBy: this.org.userById(action.ProposedBy__c)?.name ?? null,
        allowSelfApproval: action.AllowSelfApproval__c,
        supersedes: action.Supersedes__c,
        retryOf: action.RetryOf__c,
        compensates: action.Compensates__c,
        headline: explained.headline,
        ruleReasons: explained.ruleReasons,
        appliedBy: this.org.userById(action.AppliedBy__c)?.name ?? null,
        stale: driftedLabels.length > 0,
        driftedFields: driftedLabels,
      },
      fieldChanges,
      decisions: this.org.decisionsOf(action.Id).map((d) => ({
        approver: this.org.userById(d.Approver__c)?.name ?? d.Approver__c,
        decision: d.Decision__c,
        reason: d.Reason__c,
        decidedAt: d.DecidedAt__c,
        editedValues: d.EditedValues__c === null ? null : (JSON.parse(d.EditedValues__c) as Record<string, unknown>),
      })),
      run: run ? this.runSummary(run) : null,
      canDecide: cannot === null,
      cannotDecideReason: cannot,
      related: this.relatedTo(action),
    };
  }

  decide(p: Params, user: DemoUser): { results: DecisionOutcome[]; outcomes: DecisionOutcomeRow[] } {
    const ids = p.actionIds;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
      throw new ControllerError('actionIds must be a non-empty list of action ids');
    }
    const decision = p.decision;
    if (decision !== 'Approve' && decision !== 'Reject')
      throw new ControllerError("decision must be 'Approve' or 'Reject'");
    const results = this.approval.decide(ids, decision, text(p, 'reason'), editedValuesOf(p), user);
    return { results, outcomes: results.map((r) => this.outcomeOf(r)) };
  }

  /** DecisionOutcomeBuilder: where the action stands after the call, with its votes and who cast them. */
  private outcomeOf(result: DecisionOutcome): DecisionOutcomeRow {
    const action = this.org.action(result.actionId);
    const votes = action ? this.org.decisionsOf(action.Id) : [];
    const names: string[] = [];
    for (const vote of votes) {
      const name = this.org.userById(vote.Approver__c)?.name;
      if (name !== undefined && !names.includes(name)) names.push(name);
    }
    return {
      actionId: result.actionId,
      name: action?.Name ?? null,
      ok: result.ok,
      status: action?.Status__c ?? result.status,
      message: result.message,
      approvals: action ? distinctApprovals(votes) : null,
      requiredApprovals: action?.RequiredApprovals__c ?? null,
      decidedBy: names,
      lastDecision: votes.at(-1)?.Decision__c ?? null,
      resultMessage: action?.ResultMessage__c ?? null,
    };
  }

  /** EditPreview: what policy decides for the approver's edit, before it is sent; nothing is written. */
  previewEdit(actionId: string, editedValues: Record<string, unknown> | null, user: DemoUser) {
    void user; // Any approver may preview; deciding checks who may vote.
    const action = this.org.action(actionId);
    if (!action) throw new ControllerError(`Action ${actionId} was not found or is not shared with you.`);
    const object = describeObject(action.TargetObject__c);
    const changes = this.org.changesOf(action.Id).map((c) => ({ ...c }));
    const fields: FieldPreviewRow[] = changes.map((c) => ({
      field: c.FieldApiName__c,
      after: fromJsonText(c.ProposedValue__c),
      edited: false,
      effect: null,
      rule: null,
      reason: null,
      error: null,
    }));
    let edited = false;
    let invalid = false;
    for (const [name, raw] of Object.entries(editedValues ?? {})) {
      const index = changes.findIndex((c) => c.FieldApiName__c.toLowerCase() === name.toLowerCase());
      const change = changes[index];
      const field = fields[index];
      if (!change || !field) {
        throw new ControllerError(
          `editedValues.${name}: ${action.Name} does not change ${name}; only the proposed fields can be edited.`,
        );
      }
      const describe = object ? describeField(object, change.FieldApiName__c) : undefined;
      const result = describe ? coerceValue(describe, raw) : { ok: false as const, message: `${name} is unknown` };
      if (!result.ok) {
        field.error = result.message;
        invalid = true;
        continue;
      }
      const editedJson = toJsonText(result.value);
      field.after = result.value;
      if (editedJson !== change.ProposedValue__c) {
        change.ProposedValue__c = editedJson;
        field.edited = true;
        edited = true;
      }
    }
    const decision = this.intake.decide(this.agentOf(action), {
      object: action.TargetObject__c,
      recordId: action.TargetRecordId__c,
      changes: changes.map((c) => ({
        field: c.FieldApiName__c,
        label: c.FieldLabel__c,
        type: c.FieldType__c as FieldType,
        before: fromJsonText(c.BeforeValue__c),
        after: fromJsonText(c.ProposedValue__c),
      })),
      confidence: action.Confidence__c,
    });
    const requiredBefore = action.RequiredApprovals__c ?? 1;
    const requiredApprovals = edited ? Math.max(requiredBefore, decision.requiredApprovals || 1) : requiredBefore;
    const approvals = distinctApprovals(this.org.decisionsOf(action.Id));
    const blocked = edited && decision.effect === 'Block';
    const explained = new PolicyExplanation(this.wordsFor(action, changes)).explain(
      decision,
      requiredApprovals,
      action.ApproverGroup__c,
    );
    for (const field of fields) {
      const fieldDecision = decision.fieldEffects.find((f) => f.field === field.field);
      field.effect = fieldDecision?.effect ?? null;
      field.rule = fieldDecision?.rule ?? null;
      field.reason = explained.fieldReasons[field.field] ?? null;
    }
    const raisesApprovals = requiredApprovals > requiredBefore;
    let message: string | null = null;
    if (!invalid && edited) {
      if (blocked) message = formatLabel(label('ActionPlane_EditBlocked'), explained.headline);
      else if (raisesApprovals) {
        message = formatLabel(
          label('ActionPlane_EditRaisesApprovals'),
          approvalCount(requiredApprovals),
          approvalCount(requiredBefore),
          String(Math.max(requiredApprovals - approvals - 1, 0)),
        );
      } else message = formatLabel(label('ActionPlane_EditKeepsApprovals'), approvalCount(requiredApprovals));
    }
    return {
      actionId: action.Id,
      effect: edited ? decision.effect : action.Effect__c,
      risk: edited ? decision.risk : action.Risk__c,
      requiredApprovals,
      requiredApprovalsBefore: requiredBefore,
      approvals,
      approverGroup: action.ApproverGroup__c,
      approverGroupLabel: this.groupLabel(action.ApproverGroup__c),
      blocked,
      raisesApprovals,
      edited,
      headline: explained.headline,
      message,
      ruleReasons: explained.ruleReasons,
      fields,
    };
  }

  getRunTimeline(runId: string, user: DemoUser) {
    const run = this.org.run(runId);
    if (!run) throw new ControllerError(`No run with id ${runId}`);
    const chain: ChainCheck = this.audit.verify(run.Id);
    const actions = this.org.actionsOf(run.Id);
    const names = new Map(actions.map((a) => [a.Id, a.Name]));
    return {
      run: this.runSummary(run),
      actions: actions.map((a) => this.rowOf(a, user)),
      events: this.org.eventsOf(run.Id).map((e) => {
        const row = this.eventRow(e, names);
        // RunTimelineBuilder: a move's reason names its action's fields by their labels, as the review does.
        if (row.actionId !== null && row.reason !== null) {
          row.reason = this.wordsFor(null, this.org.changesOf(row.actionId)).readable(row.reason);
        }
        return row;
      }),
      chain,
    };
  }

  getActionsForRecord(recordId: string, user: DemoUser) {
    const rows = this.org.actions
      .filter(
        (a) => a.TargetRecordId__c === recordId || (recordId.length === 15 && a.TargetRecordId__c.startsWith(recordId)),
      )
      .sort((a, b) => b.CreatedDate.localeCompare(a.CreatedDate) || b.Name.localeCompare(a.Name))
      .map((a) => this.rowOf(a, user));
    return { rows };
  }

  /** InboxRowBuilder.fill; `extraValues` are more values that may hold ids (the record's current values). */
  rowOf(a: PlannedAction, user: DemoUser, extraValues: unknown[] = []) {
    const object = describeObject(a.TargetObject__c);
    const run = this.org.run(a.Run__c);
    const changes = this.org.changesOf(a.Id);
    const cannot = this.readableReason(a, changes, user);
    return {
      id: a.Id,
      name: a.Name,
      status: a.Status__c,
      effect: a.Effect__c,
      risk: a.Risk__c,
      objectName: a.TargetObject__c,
      recordId: a.TargetRecordId__c,
      recordName: this.nameOf(a.TargetRecordId__c) ?? a.TargetRecordId__c,
      agent: this.agentOf(a),
      runId: a.Run__c,
      runName: run?.Name ?? null,
      confidence: a.Confidence__c,
      createdAt: a.CreatedDate,
      expiresAt: a.ExpiresAt__c,
      changedFields: changes.map((c) => c.FieldApiName__c),
      summary: changes
        .map(
          (c) =>
            `${c.FieldLabel__c}: ${formatValue(fromJsonText(c.BeforeValue__c))} → ${formatValue(fromJsonText(c.ProposedValue__c))}`,
        )
        .join('; '),
      requiredApprovals: a.RequiredApprovals__c,
      approvals: distinctApprovals(this.org.decisionsOf(a.Id)),
      canDecide: cannot === null,
      changes: changes.map((c) => ({
        field: c.FieldApiName__c,
        label: c.FieldLabel__c || c.FieldApiName__c,
        type: c.FieldType__c,
        before: fromJsonText(c.BeforeValue__c),
        after: fromJsonText(c.ProposedValue__c),
        scale: (object ? describeField(object, c.FieldApiName__c)?.scale : undefined) ?? null,
      })),
      approverGroup: a.ApproverGroup__c,
      approverGroupLabel: this.groupLabel(a.ApproverGroup__c),
      cannotDecideReason: cannot,
      cannotDecideCode: cannot === null ? null : this.cannotDecideCode(a, user),
      referenceNames: this.referenceNamesOf(a, changes, extraValues),
    };
  }

  /** Why the user may not decide, with the group named by its label (InboxRowBuilder.fill). */
  private readableReason(a: PlannedAction, changes: FieldChange[], user: DemoUser): string | null {
    return this.wordsFor(a, changes).readable(this.approval.cannotDecideReason(a, user));
  }

  /** InboxRowBuilder.cannotDecideCode, in the order ApprovalEligibility checks. */
  private cannotDecideCode(a: PlannedAction, user: DemoUser): string {
    if (a.Status__c !== 'PendingApproval') return 'NOT_PENDING';
    const inGroup = user.permissions.includes('Admin') || this.org.groupMembers(a.ApproverGroup__c).includes(user.id);
    if (!user.permissions.includes('Approver') || (a.ApproverGroup__c && !inGroup)) return 'NOT_APPROVER';
    if (this.org.decisionsOf(a.Id).some((d) => d.Approver__c === user.id)) return 'ALREADY_VOTED';
    return 'OWN_PROPOSAL';
  }

  /** The name a person reads for a record or user id (DisplayNameSelector.recordNames), or null. */
  private nameOf(id: string | null): string | null {
    if (id === null) return null;
    const user = this.org.userById(id);
    if (user) return user.name;
    for (const [objectName, records] of Object.entries(this.org.records)) {
      const record = records.find((r) => r.Id === id || (id.length === 15 && r.Id.startsWith(id)));
      const object: ObjectDescribe | undefined = describeObject(objectName);
      if (record && object) {
        const name = record[object.nameField];
        return name === null || name === undefined ? null : String(name);
      }
    }
    return null;
  }

  private referenceNamesOf(a: PlannedAction, changes: FieldChange[], extraValues: unknown[]): Record<string, string> {
    const ids = new Set<string>();
    const add = (value: unknown) => {
      const id = asId(value);
      if (id !== null) ids.add(id);
    };
    add(a.TargetRecordId__c);
    for (const c of changes) {
      if (!isReference(c.FieldType__c)) continue;
      for (const v of [c.BeforeValue__c, c.ProposedValue__c, c.AppliedValue__c, c.OriginalProposedValue__c]) {
        add(fromJsonText(v));
      }
    }
    for (const v of extraValues) add(v);
    const names: Record<string, string> = {};
    for (const id of ids) {
      const name = this.nameOf(id);
      if (name !== null) names[id] = name;
    }
    return names;
  }

  private groupLabel(developerName: string | null): string | null {
    return this.wordsFor(null, []).groupLabel(developerName);
  }

  private wordsFor(_action: PlannedAction | null, changes: FieldChange[]): PolicyWords {
    const fieldLabels = Object.fromEntries(
      changes.map((c) => [c.FieldApiName__c, c.FieldLabel__c || c.FieldApiName__c]),
    );
    const groupLabels = Object.fromEntries(this.org.groups.map((g) => [g.developerName, g.label]));
    return new PolicyWords(fieldLabels, groupLabels);
  }

  /** ActionDetailBuilder.explanation: the stored decision in labels, or the stored reasons when there is none. */
  private explanationOf(action: PlannedAction, changes: FieldChange[]): Explained {
    const explainer = new PolicyExplanation(this.wordsFor(action, changes));
    const decision = parseDecision(action.DecisionJson__c);
    return decision === null
      ? explainer.explainStored(action)
      : explainer.explain(decision, action.RequiredApprovals__c ?? 1, action.ApproverGroup__c);
  }

  /** RelatedActionBuilder.relatedTo: what this action re-plans, supersedes or compensates, and what did so to it. */
  private relatedTo(action: PlannedAction) {
    const outgoing = new Map<string, string>();
    if (action.RetryOf__c) outgoing.set(action.RetryOf__c, 'retryOf');
    if (action.Supersedes__c) outgoing.set(action.Supersedes__c, 'supersedes');
    if (action.Compensates__c) outgoing.set(action.Compensates__c, 'compensates');
    return this.org.actions
      .filter(
        (o) =>
          outgoing.has(o.Id) ||
          o.RetryOf__c === action.Id ||
          o.Supersedes__c === action.Id ||
          o.Compensates__c === action.Id,
      )
      .sort((a, b) => a.CreatedDate.localeCompare(b.CreatedDate) || a.Name.localeCompare(b.Name))
      .map((o) => ({
        relation:
          outgoing.get(o.Id) ??
          (o.RetryOf__c === action.Id ? 'retriedBy' : o.Supersedes__c === action.Id ? 'supersededBy' : 'compensatedBy'),
        actionId: o.Id,
        name: o.Name,
        status: o.Status__c,
        resultMessage: o.ResultMessage__c,
      }));
  }

  private agentOf(a: PlannedAction): string {
    return this.org.run(a.Run__c)?.AgentName__c ?? '';
  }

  private runSummary(run: AgentRun) {
    const requestedBy = this.org.userById(run.RequestedBy__c)?.name ?? null;
    return {
      id: run.Id,
      name: run.Name,
      externalId: run.ExternalRunId__c,
      agent: run.AgentName__c,
      source: run.Source__c,
      goal: run.Goal__c,
      status: run.Status__c,
      requestedBy,
      createdAt: run.CreatedDate,
      requestedByName: requestedBy,
    };
  }

  private eventRow(e: AuditEvent, actionNames: Map<string, string>) {
    const payload = JSON.parse(e.Payload__c) as { data?: Record<string, string | number | null | string[]> };
    const data = payload.data ?? {};
    const summary =
      e.EventType__c === 'StatusChanged'
        ? `${formatValue(data.from)} → ${formatValue(data.to)}${data.reason ? `: ${formatValue(data.reason)}` : ''}`
        : e.EventType__c === 'ApprovalRecorded'
          ? `${formatValue(data.decision)}${data.reason ? `: ${formatValue(data.reason)}` : ''} (${formatValue(data.approvals)} of ${formatValue(data.requiredApprovals)})`
          : e.EventType__c === 'PolicyDecided'
            ? `${formatValue(data.effect)}, risk ${formatValue(data.risk)}`
            : e.EventType__c === 'ConflictDetected'
              ? `Drifted: ${(data.driftedFields as string[] | undefined)?.join(', ') ?? ''}`
              : e.EventType__c;
    const textOf = (v: string | number | null | string[] | undefined): string | null =>
      v === null || v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
    return {
      sequence: e.Sequence__c,
      type: e.EventType__c,
      actorType: e.ActorType__c,
      actor: e.Actor__c,
      occurredAt: e.OccurredAt__c,
      actionId: e.Action__c,
      summary,
      hash: e.Hash__c,
      prevHash: e.PrevHash__c,
      actorName: e.ActorType__c === 'User' ? (this.org.userByUsername(e.Actor__c)?.name ?? e.Actor__c) : e.Actor__c,
      actionName: e.Action__c === null ? null : (actionNames.get(e.Action__c) ?? null),
      fromStatus: e.EventType__c === 'StatusChanged' ? textOf(data.from) : null,
      toStatus: e.EventType__c === 'StatusChanged' ? textOf(data.to) : null,
      decision: textOf(data.decision),
      reason: textOf(data.reason),
      effect: e.EventType__c === 'PolicyDecided' ? textOf(data.effect) : null,
      risk: e.EventType__c === 'PolicyDecided' ? textOf(data.risk) : null,
    };
  }
}
