/**
 * ActionInboxController — twin of ActionInboxController.cls: the approver's controller contract of
 * docs/architecture.md, same parameters and results. The workbench serves each method at
 * `POST /workbench/api/controller/<method>`; the acting user comes from `X-ActionPlane-User`.
 */
import type { ApprovalService, DecisionOutcome } from './ApprovalService';
import type { AuditTrail, ChainCheck } from './AuditTrail';
import type { DemoUser } from './DemoData';
import { describeField, describeObject } from './ObjectDescribe';
import type { AgentRun, AuditEvent, OrgStore, PlannedAction } from './OrgStore';
import type { RecoveryService } from './RecoveryService';
import { ControllerError, fromJsonText } from './RequestError';

type Params = Record<string, unknown>;

const OPEN = new Set(['PendingApproval', 'Approved']);

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

export class ActionInboxController {
  constructor(
    private readonly org: OrgStore,
    private readonly audit: AuditTrail,
    private readonly approval: ApprovalService,
    private readonly recovery: RecoveryService,
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
          `ActionInboxController has no method '${method}' (getInbox, getAction, decide, getRunTimeline, haltRun, replayRun, compensate, replan, getActionsForRecord)`,
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
    if (!action) throw new ControllerError(`No action with id ${actionId}`);
    const record = this.org.findRecord(action.TargetObject__c, action.TargetRecordId__c);
    const object = describeObject(action.TargetObject__c);
    const cannot = this.approval.cannotDecideReason(action, user);
    const run = this.org.run(action.Run__c);
    return {
      action: {
        ...this.rowOf(action, user),
        rationale: action.Rationale__c,
        evidence: action.Evidence__c,
        reasons: action.PolicyReasons__c === '' ? [] : action.PolicyReasons__c.split('\n'),
        resultMessage: action.ResultMessage__c,
        appliedAt: action.AppliedAt__c,
        proposedBy: this.org.userById(action.ProposedBy__c)?.name ?? null,
        allowSelfApproval: action.AllowSelfApproval__c,
        approverGroup: action.ApproverGroup__c,
        supersedes: action.Supersedes__c,
        retryOf: action.RetryOf__c,
        compensates: action.Compensates__c,
      },
      fieldChanges: this.org.changesOf(action.Id).map((c) => {
        const describe = object ? describeField(object, c.FieldApiName__c) : undefined;
        return {
          field: c.FieldApiName__c,
          label: c.FieldLabel__c,
          type: c.FieldType__c,
          before: fromJsonText(c.BeforeValue__c),
          after: fromJsonText(c.ProposedValue__c),
          applied: fromJsonText(c.AppliedValue__c),
          current: record ? (record[c.FieldApiName__c] ?? null) : null,
          effect: c.Effect__c,
          rule: c.GoverningRule__c,
          sensitivity: c.Sensitivity__c,
          editedByApprover: c.EditedByApprover__c,
          originalProposed: fromJsonText(c.OriginalProposedValue__c),
          scale: describe?.scale ?? null,
          picklistValues: describe?.picklistValues ?? null,
        };
      }),
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
    };
  }

  decide(p: Params, user: DemoUser): { results: DecisionOutcome[] } {
    const ids = p.actionIds;
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === 'string')) {
      throw new ControllerError('actionIds must be a non-empty list of action ids');
    }
    const decision = p.decision;
    if (decision !== 'Approve' && decision !== 'Reject')
      throw new ControllerError("decision must be 'Approve' or 'Reject'");
    const edited = p.editedValues;
    if (edited !== undefined && edited !== null && (typeof edited !== 'object' || Array.isArray(edited))) {
      throw new ControllerError('editedValues must be an object of { Field: value }');
    }
    return {
      results: this.approval.decide(
        ids,
        decision,
        text(p, 'reason'),
        (edited ?? null) as Record<string, unknown> | null,
        user,
      ),
    };
  }

  getRunTimeline(runId: string, user: DemoUser) {
    const run = this.org.run(runId);
    if (!run) throw new ControllerError(`No run with id ${runId}`);
    const chain: ChainCheck = this.audit.verify(run.Id);
    return {
      run: this.runSummary(run),
      actions: this.org.actionsOf(run.Id).map((a) => this.rowOf(a, user)),
      events: this.org.eventsOf(run.Id).map((e) => this.eventRow(e)),
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

  rowOf(a: PlannedAction, user: DemoUser) {
    const record = this.org.findRecord(a.TargetObject__c, a.TargetRecordId__c);
    const object = describeObject(a.TargetObject__c);
    const run = this.org.run(a.Run__c);
    const changes = this.org.changesOf(a.Id);
    const approvals = new Set(
      this.org
        .decisionsOf(a.Id)
        .filter((d) => d.Decision__c === 'Approve')
        .map((d) => d.Approver__c),
    ).size;
    return {
      id: a.Id,
      name: a.Name,
      status: a.Status__c,
      effect: a.Effect__c,
      risk: a.Risk__c,
      objectName: a.TargetObject__c,
      recordId: a.TargetRecordId__c,
      recordName: record && object ? (record[object.nameField] as string | null) : null,
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
      approvals,
      canDecide: this.approval.cannotDecideReason(a, user) === null,
    };
  }

  private agentOf(a: PlannedAction): string {
    return this.org.run(a.Run__c)?.AgentName__c ?? '';
  }

  private runSummary(run: AgentRun) {
    return {
      id: run.Id,
      name: run.Name,
      externalId: run.ExternalRunId__c,
      agent: run.AgentName__c,
      source: run.Source__c,
      goal: run.Goal__c,
      status: run.Status__c,
      requestedBy: this.org.userById(run.RequestedBy__c)?.name ?? null,
      createdAt: run.CreatedDate,
    };
  }

  private eventRow(e: AuditEvent) {
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
    };
  }
}
