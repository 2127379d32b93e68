/**
 * IntakeService — twin of IntakeService.cls (REST v1 `POST /actions`, the invocable action, the MCP client).
 * Validates the WHOLE request first (every error, each with its exact path) and writes nothing unless every action
 * is valid; then per action: plan → policy (shared core) → Blocked | PendingApproval | AutoApproved → execute.
 */
import { compilePolicies, evaluatePolicy, type PolicyDecision } from '../../src/core/PolicyEngine';
import type { ActionLifecycle } from './ActionLifecycle';
import type { Actor, AuditTrail } from './AuditTrail';
import type { DemoUser } from './DemoData';
import { findDuplicateKeys } from './DuplicateKeyScanner';
import type { ExecutionService } from './ExecutionService';
import { describeObject } from './ObjectDescribe';
import type { AgentRun, OrgStore, PlannedAction } from './OrgStore';
import { planChanges, type PlannedChange } from './PlanBuilder';
import { RequestError, fromJsonText, toJsonText, type FieldError } from './RequestError';

export const RUN_SOURCES = ['Agentforce', 'External', 'Flow', 'Workbench'];

export interface IntakeFieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
  effect: string;
  rule: string;
}

export interface IntakeActionResult {
  id: string;
  idempotencyKey: string;
  status: string;
  effect: string;
  risk: string;
  reasons: string[];
  fieldChanges: IntakeFieldChange[];
  expiresAt: string | null;
}

export interface IntakeResponse {
  status: 200 | 201;
  body: { runId: string; actions: IntakeActionResult[] };
}

/** What one valid action of a request turns into before anything is written. */
export interface ActionProposal {
  idempotencyKey: string;
  object: string;
  recordId: string;
  changes: PlannedChange[];
  confidence: number | null;
  rationale: string | null;
  evidence: string | null;
  supersedes: PlannedAction | null;
  retryOf?: string | null;
  compensates?: string | null;
}

interface RunInput {
  externalId: string | null;
  agent: string;
  source: string;
  goal: string | null;
  evidence: string | null;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function evidenceText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  return Array.isArray(v) ? 'array' : typeof v;
}

export class IntakeService {
  constructor(
    private readonly org: OrgStore,
    private readonly audit: AuditTrail,
    private readonly lifecycle: ActionLifecycle,
    private readonly execution: ExecutionService,
  ) {}

  /** `POST /actions` with the raw request body, as `user`. */
  submit(rawBody: string, user: DemoUser): IntakeResponse {
    const settings = compilePolicies(this.org.policyMetadataInForce()).settings;
    if (settings.mode === 'Paused') {
      throw new RequestError(503, [
        {
          code: 'PAUSED',
          message:
            'ActionPlane is paused (kill switch, ActionPlaneSetting Default Mode = Paused): no new actions are accepted until an admin sets Mode to Enforce',
        },
      ]);
    }
    if (!user.permissions.includes('Agent')) {
      throw new RequestError(403, [
        {
          code: 'NOT_ALLOWED',
          message: `${user.username} may not submit actions (needs the ActionPlane agent permission)`,
        },
      ]);
    }
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new RequestError(400, [{ code: 'MALFORMED_JSON', message: `The body is not valid JSON: ${why}` }]);
    }
    if (!isObject(body)) {
      throw new RequestError(400, [
        {
          code: 'MALFORMED_JSON',
          message: `The body must be a JSON object with "run" and "actions", got ${typeName(body)}`,
        },
      ]);
    }

    const errors: FieldError[] = [];
    const run = this.readRun(body.run, errors);
    const rawActions = body.actions;
    if (rawActions === undefined || rawActions === null) {
      errors.push({
        path: 'actions',
        code: 'MISSING_FIELD',
        message: 'actions is required: a non-empty array of actions',
      });
    } else if (!Array.isArray(rawActions)) {
      errors.push({
        path: 'actions',
        code: 'INVALID_TYPE',
        message: `actions must be an array, got ${typeName(rawActions)}`,
      });
    } else if (rawActions.length === 0) {
      errors.push({ path: 'actions', code: 'MISSING_FIELD', message: 'actions must contain at least one action' });
    } else if (rawActions.length > settings.maxActionsPerRequest) {
      throw new RequestError(400, [
        {
          path: 'actions',
          code: 'TOO_MANY_ACTIONS',
          message: `${rawActions.length} actions in one request; the limit is ${settings.maxActionsPerRequest} (ActionPlaneSetting MaxActionsPerRequest__c)`,
        },
      ]);
    }
    for (const dup of findDuplicateKeys(rawBody)) {
      if (/^actions\[\d+\]\.changes$/.test(dup.objectPath)) {
        errors.push({
          path: `${dup.objectPath}.${dup.key}`,
          code: 'DUPLICATE_FIELD',
          message: `${dup.key} appears more than once in these changes (field names are case-insensitive)`,
        });
      }
    }

    const proposals: (ActionProposal | PlannedAction)[] = [];
    if (Array.isArray(rawActions)) {
      const keys = new Map<string, number>();
      rawActions.forEach((raw, i) => {
        const result = this.readAction(raw, i, keys, errors);
        if (result) proposals.push(result);
      });
    }
    if (errors.length > 0 || run === null) throw new RequestError(400, dedupe(errors));

    const replays = proposals.filter((p): p is PlannedAction => 'Id' in p);
    if (replays.length === proposals.length) {
      const first = replays[0] as PlannedAction;
      return { status: 200, body: { runId: first.Run__c, actions: replays.map((a) => this.resultOf(a)) } };
    }

    const agentRun = this.findOrStartRun(run, user);
    const actor: Actor = { actorType: 'Agent', actor: run.agent };
    const results = proposals.map((p) =>
      'Id' in p ? this.resultOf(p) : this.resultOf(this.propose(agentRun, p, user, actor)),
    );
    return { status: 201, body: { runId: agentRun.Id, actions: results } };
  }

  /** Creates one action from a valid proposal, decides it with the policy core and runs it if AutoRun. */
  propose(run: AgentRun, p: ActionProposal, proposer: DemoUser, actor: Actor): PlannedAction {
    const decision = this.decide(run.AgentName__c, p);
    const action = this.createAction(run, p, decision, proposer, actor);
    const id = action.Id;
    if (p.supersedes) {
      p.supersedes.ResultMessage__c = `Superseded by ${action.Name} (${id})`;
      this.lifecycle.move(p.supersedes, 'supersede', actor, `superseded by ${id}`);
    }
    if (decision.effect === 'Block') {
      action.ResultMessage__c = `Blocked: ${decision.reasons.join('; ')}`;
      this.lifecycle.move(action, 'block', { actorType: 'System', actor: 'PolicyEngine' }, action.ResultMessage__c);
    } else if (decision.effect === 'RequireApproval') {
      const hours = decision.expiresAfterHours;
      action.ExpiresAt__c = hours === null ? null : new Date(this.org.clock.nowMs() + hours * 3_600_000).toISOString();
      this.audit.append(
        run,
        id,
        'ApprovalRequested',
        { actorType: 'System', actor: 'ApprovalRouter' },
        {
          approverGroup: action.ApproverGroup__c,
          requiredApprovals: action.RequiredApprovals__c,
          expiresAt: action.ExpiresAt__c,
        },
      );
      this.lifecycle.move(action, 'requireApproval', { actorType: 'System', actor: 'PolicyEngine' });
    } else {
      this.lifecycle.move(action, 'autoApprove', { actorType: 'System', actor: 'PolicyEngine' });
      this.execution.execute(action, proposer, { actorType: 'System', actor: 'ExecutionService' });
    }
    return action;
  }

  /** Writes a Proposed action, its field changes and the ActionProposed + PolicyDecided audit events. */
  createAction(
    run: AgentRun,
    p: ActionProposal,
    decision: PolicyDecision,
    proposer: DemoUser,
    actor: Actor,
  ): PlannedAction {
    const now = this.org.clock.nowIso();
    const id = this.org.newId('PlannedAction__c');
    const action: PlannedAction = {
      Id: id,
      Name: this.org.autoNumber('PA', 'PlannedAction__c'),
      Run__c: run.Id,
      TargetObject__c: p.object,
      TargetRecordId__c: p.recordId,
      Operation__c: 'Update',
      Confidence__c: p.confidence,
      Rationale__c: p.rationale,
      Evidence__c: p.evidence,
      Status__c: 'Proposed',
      Effect__c: decision.effect,
      Risk__c: decision.risk,
      PolicyReasons__c: decision.reasons.join('\n'),
      MatchedPolicies__c: decision.matchedPolicies.join(','),
      ApproverGroup__c: decision.approverGroup,
      RequiredApprovals__c: Math.max(1, decision.requiredApprovals),
      AllowSelfApproval__c: decision.allowSelfApproval,
      IdempotencyKey__c: p.idempotencyKey,
      ExpiresAt__c: null,
      ProposedBy__c: proposer.id,
      Supersedes__c: p.supersedes?.Id ?? null,
      RetryOf__c: p.retryOf ?? null,
      Compensates__c: p.compensates ?? null,
      AppliedAt__c: null,
      AppliedBy__c: null,
      ResultMessage__c: null,
      DecisionJson__c: JSON.stringify(decision),
      CreatedDate: now,
    };
    this.org.actions.push(action);
    for (const change of p.changes) {
      const fieldDecision = decision.fieldEffects.find((f) => f.field.toLowerCase() === change.field.toLowerCase());
      const sensitivity = decision.contributors.find(
        (c) => c.kind === 'sensitivity' && c.fields.some((f) => f.toLowerCase() === change.field.toLowerCase()),
      );
      this.org.fieldChanges.push({
        Id: this.org.newId('FieldChange__c'),
        Action__c: id,
        FieldApiName__c: change.field,
        FieldLabel__c: change.label,
        FieldType__c: change.type,
        BeforeValue__c: toJsonText(change.before),
        ProposedValue__c: toJsonText(change.after),
        AppliedValue__c: null,
        OriginalProposedValue__c: null,
        EditedByApprover__c: false,
        Effect__c: fieldDecision?.effect ?? decision.effect,
        GoverningRule__c: fieldDecision?.rule ?? '',
        Sensitivity__c: sensitivity ? sensitivity.rule.replace(/^.*\./, '') : null,
      });
    }
    this.audit.append(run, id, 'ActionProposed', actor, {
      idempotencyKey: p.idempotencyKey,
      object: p.object,
      recordId: p.recordId,
      confidence: p.confidence,
      rationale: p.rationale,
      changes: Object.fromEntries(p.changes.map((c) => [c.field, { before: c.before, after: c.after }])),
    });
    this.audit.append(
      run,
      id,
      'PolicyDecided',
      { actorType: 'System', actor: 'PolicyEngine' },
      {
        effect: decision.effect,
        risk: decision.risk,
        requiredApprovals: action.RequiredApprovals__c,
        approverGroup: decision.approverGroup,
        reasons: decision.reasons,
        fieldEffects: decision.fieldEffects.map((f) => ({ field: f.field, effect: f.effect, rule: f.rule })),
        matchedPolicies: decision.matchedPolicies,
      },
    );

    return action;
  }

  /** The policy core's decision for one proposal of `agent`. */
  decide(agent: string, p: Pick<ActionProposal, 'object' | 'recordId' | 'changes' | 'confidence'>): PolicyDecision {
    return evaluatePolicy(compilePolicies(this.org.policyMetadataInForce()), {
      object: p.object,
      recordId: p.recordId,
      agent,
      confidence: p.confidence,
      changes: Object.fromEntries(p.changes.map((c) => [c.field, { before: c.before, after: c.after }])),
    });
  }

  /** The REST answer for one stored action (the 201 body's entry; also the replay answer). */
  resultOf(action: PlannedAction): IntakeActionResult {
    return {
      id: action.Id,
      idempotencyKey: action.IdempotencyKey__c,
      status: action.Status__c,
      effect: action.Effect__c,
      risk: action.Risk__c,
      reasons: action.PolicyReasons__c === '' ? [] : action.PolicyReasons__c.split('\n'),
      fieldChanges: this.org.changesOf(action.Id).map((c) => ({
        field: c.FieldApiName__c,
        label: c.FieldLabel__c,
        before: fromJsonText(c.BeforeValue__c),
        after: fromJsonText(c.ProposedValue__c),
        effect: c.Effect__c,
        rule: c.GoverningRule__c,
      })),
      expiresAt: action.ExpiresAt__c,
    };
  }

  private findOrStartRun(input: RunInput, user: DemoUser): AgentRun {
    const existing =
      input.externalId === null ? undefined : this.org.runs.find((r) => r.ExternalRunId__c === input.externalId);
    if (existing) return existing;
    const id = this.org.newId('AgentRun__c');
    const run: AgentRun = {
      Id: id,
      Name: this.org.autoNumber('RUN', 'AgentRun__c'),
      AgentName__c: input.agent,
      Source__c: input.source,
      ExternalRunId__c: input.externalId ?? `wb-${id}`,
      Goal__c: input.goal,
      Evidence__c: input.evidence,
      RequestedBy__c: user.id,
      ParentRun__c: null,
      Status__c: 'Open',
      HaltReason__c: null,
      LastSequence__c: 0,
      LastHash__c: '',
      CreatedDate: this.org.clock.nowIso(),
    };
    this.org.runs.push(run);
    this.audit.append(
      run,
      null,
      'RunStarted',
      { actorType: 'Agent', actor: input.agent },
      {
        agent: input.agent,
        source: input.source,
        externalId: run.ExternalRunId__c,
        goal: input.goal,
        requestedBy: user.username,
      },
    );
    return run;
  }

  private readRun(raw: unknown, errors: FieldError[]): RunInput | null {
    if (raw === undefined || raw === null) {
      errors.push({
        path: 'run',
        code: 'MISSING_FIELD',
        message: 'run is required: { "agent": "<agent name>" } at least',
      });
      return null;
    }
    if (!isObject(raw)) {
      errors.push({ path: 'run', code: 'INVALID_TYPE', message: `run must be an object, got ${typeName(raw)}` });
      return null;
    }
    const before = errors.length;
    const agent = requiredText(raw.agent, 'run.agent', errors, 255);
    const externalId = optionalText(raw.externalId, 'run.externalId', errors, 255);
    const goal = optionalText(raw.goal, 'run.goal', errors, 131072);
    let source = 'External';
    const rawSource = optionalText(raw.source, 'run.source', errors, 40);
    if (rawSource !== null) {
      const match = RUN_SOURCES.find((s) => s.toLowerCase() === rawSource.trim().toLowerCase());
      if (match) source = match;
      else
        errors.push({
          path: 'run.source',
          code: 'INVALID_VALUE',
          message: `run.source must be one of ${RUN_SOURCES.join(', ')}, got '${rawSource}'`,
        });
    }
    if (errors.length > before || agent === null) return null;
    return { externalId, agent: agent.trim(), source, goal, evidence: evidenceText(raw.evidence) };
  }

  /** Validates one action; returns a proposal, the stored action for a known idempotency key, or null on errors. */
  private readAction(
    raw: unknown,
    i: number,
    keys: Map<string, number>,
    errors: FieldError[],
  ): ActionProposal | PlannedAction | null {
    const at = `actions[${i}]`;
    if (!isObject(raw)) {
      errors.push({ path: at, code: 'INVALID_TYPE', message: `${at} must be an object, got ${typeName(raw)}` });
      return null;
    }
    const before = errors.length;
    const key = requiredText(raw.idempotencyKey, `${at}.idempotencyKey`, errors, 255);
    if (key !== null) {
      const earlier = keys.get(key);
      if (earlier !== undefined) {
        errors.push({
          path: `${at}.idempotencyKey`,
          code: 'INVALID_VALUE',
          message: `idempotencyKey '${key}' is already used by actions[${earlier}] in this request`,
        });
      } else keys.set(key, i);
      const stored = this.org.actions.find((a) => a.IdempotencyKey__c === key);
      if (stored && errors.length === before) return stored;
    }
    const objectName = requiredText(raw.object, `${at}.object`, errors, 80);
    const recordId = requiredText(raw.recordId, `${at}.recordId`, errors, 18);
    const operation = requiredText(raw.operation, `${at}.operation`, errors, 40);
    if (operation !== null && operation.trim().toLowerCase() !== 'update') {
      errors.push({
        path: `${at}.operation`,
        code: 'INVALID_VALUE',
        message: `only update is supported in v1, got '${operation}'`,
      });
    }
    const confidence = readConfidence(raw.confidence, `${at}.confidence`, errors);
    const rationale = optionalText(raw.rationale, `${at}.rationale`, errors, 131072);
    const changes = raw.changes;
    if (changes === undefined || changes === null) {
      errors.push({
        path: `${at}.changes`,
        code: 'MISSING_FIELD',
        message: 'changes is required: { "Field": value, … }',
      });
    } else if (!isObject(changes)) {
      errors.push({
        path: `${at}.changes`,
        code: 'INVALID_TYPE',
        message: `changes must be an object, got ${typeName(changes)}`,
      });
    } else if (Object.keys(changes).length === 0) {
      errors.push({ path: `${at}.changes`, code: 'MISSING_FIELD', message: 'changes must name at least one field' });
    }

    const object = objectName === null ? undefined : describeObject(objectName);
    if (objectName !== null && !object) {
      errors.push({
        path: `${at}.object`,
        code: 'UNKNOWN_OBJECT',
        message: `No object named '${objectName}' in this org`,
      });
    }
    const record = object && recordId !== null ? this.org.findRecord(object.name, recordId) : undefined;
    if (object && recordId !== null && !record) {
      errors.push({
        path: `${at}.recordId`,
        code: 'RECORD_NOT_FOUND',
        message: `No ${object.name} with id '${recordId}' (or you cannot see it)`,
      });
    }
    let supersedes: PlannedAction | null = null;
    if (raw.supersedes !== undefined && raw.supersedes !== null) {
      supersedes = this.readSupersedes(
        raw.supersedes,
        `${at}.supersedes`,
        object?.name ?? null,
        record?.Id ?? null,
        errors,
      );
    }
    let planned: PlannedChange[] = [];
    if (object && record && isObject(changes) && Object.keys(changes).length > 0) {
      const plan = planChanges(object, record, changes, `${at}.changes`);
      if (plan.ok) planned = plan.changes;
      else errors.push(...plan.errors);
    }
    if (errors.length > before || !object || !record || key === null) return null;
    return {
      idempotencyKey: key,
      object: object.name,
      recordId: record.Id,
      changes: planned,
      confidence,
      rationale,
      evidence: evidenceText(raw.evidence),
      supersedes,
    };
  }

  private readSupersedes(
    raw: unknown,
    path: string,
    objectName: string | null,
    recordId: string | null,
    errors: FieldError[],
  ): PlannedAction | null {
    if (typeof raw !== 'string') {
      errors.push({
        path,
        code: 'INVALID_TYPE',
        message: `supersedes must be an action id (text), got ${typeName(raw)}`,
      });
      return null;
    }
    const old = this.org.action(raw);
    if (!old) {
      errors.push({ path, code: 'RECORD_NOT_FOUND', message: `No action with id '${raw}' to supersede` });
      return null;
    }
    if (old.Status__c !== 'PendingApproval') {
      errors.push({
        path,
        code: 'INVALID_VALUE',
        message: `Only a pending action can be superseded; ${old.Id} is ${old.Status__c}`,
      });
      return null;
    }
    if (
      objectName !== null &&
      recordId !== null &&
      (old.TargetObject__c !== objectName || old.TargetRecordId__c !== recordId)
    ) {
      errors.push({
        path,
        code: 'INVALID_VALUE',
        message: `${old.Id} targets ${old.TargetObject__c} ${old.TargetRecordId__c}, not this record`,
      });
      return null;
    }
    return old;
  }
}

function requiredText(v: unknown, path: string, errors: FieldError[], max: number): string | null {
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    errors.push({ path, code: 'MISSING_FIELD', message: `${path} is required` });
    return null;
  }
  return optionalText(v, path, errors, max);
}

function optionalText(v: unknown, path: string, errors: FieldError[], max: number): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') {
    errors.push({ path, code: 'INVALID_TYPE', message: `${path} must be text, got ${typeName(v)}` });
    return null;
  }
  if (v.length > max) {
    errors.push({
      path,
      code: 'INVALID_VALUE',
      message: `${path} is ${v.length} characters; at most ${max} are allowed`,
    });
    return null;
  }
  return v;
}

function readConfidence(v: unknown, path: string, errors: FieldError[]): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    errors.push({
      path,
      code: 'INVALID_TYPE',
      message: `confidence must be a number between 0 and 1, got ${typeName(v)}`,
    });
    return null;
  }
  if (v < 0 || v > 1) {
    errors.push({ path, code: 'INVALID_VALUE', message: `confidence must be between 0 and 1, got ${v}` });
    return null;
  }
  return v;
}

/** One error per path and code: a duplicate key is reported by both the raw scan and the plan. */
function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path ?? ''}|${e.code}|${e.path === undefined ? e.message : ''}`;
    if (seen.has(k.toLowerCase())) return false;
    seen.add(k.toLowerCase());
    return true;
  });
}
