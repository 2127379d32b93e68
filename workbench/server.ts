/**
 * The workbench server: the intake REST v1 paths exactly as the org serves them, the approver's controller
 * contract, a few workbench-only endpoints for demos and tests, and the compiled UI. NOT the production path —
 * the org is; this exists so a person or a test can use ActionPlane with no org.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { IllegalTransitionError } from '../src/core/ActionStatusMachine';
import { coerceValue } from '../src/core/FieldValueCoercer';
import { compilePolicies, PolicyConfigError } from '../src/core/PolicyEngine';
import type { JsonValue } from '../src/core/Values';
import type { DemoUser, FieldValue } from './org/DemoData';
import { describeField, describeObject } from './org/ObjectDescribe';
import { ControllerError, RequestError, fromJsonText, type FieldError } from './org/RequestError';
import { WorkbenchOrg, type WorkbenchOrgOptions } from './org/WorkbenchOrg';

export const REST_BASE = '/services/apexrest/actionplane/v1';
export const USER_HEADER = 'x-actionplane-user';
export const DEFAULT_UI_DIR = join(__dirname, '..', 'build', 'workbench-ui');

export interface WorkbenchOptions extends WorkbenchOrgOptions {
  /** Folder with the built UI (`index.html` + bundle); default `build/workbench-ui`. */
  uiDir?: string;
  /** Repository root, for `node_modules` (default: the current folder). */
  rootDir?: string;
  /** Fastify request logging (off by default). */
  logger?: boolean;
}

export type Workbench = FastifyInstance & { org: WorkbenchOrg };

function restError(reply: FastifyReply, status: number, errors: FieldError[]) {
  return reply.code(status).send({ errors });
}

function parseJsonBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'string') return body as Record<string, unknown>;
  try {
    const parsed = JSON.parse(body) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ControllerError('The body must be a JSON object');
    }
    return parsed as Record<string, unknown>;
  } catch (e) {
    if (e instanceof ControllerError) throw e;
    throw new ControllerError(`The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Builds the workbench (not listening): `await app.listen({ port })`, or `app.inject(...)` in tests. */
export function createWorkbench(options: WorkbenchOptions = {}): Workbench {
  const org = new WorkbenchOrg(options);
  const store = org.store;
  const app = Fastify({ logger: options.logger ?? false }) as unknown as Workbench;
  app.decorate('org', org);

  // Bodies arrive as text so intake can report MALFORMED_JSON and repeated keys itself (JSON.parse hides them).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  /** The acting demo user: the `X-ActionPlane-User` header, else `fallback`. */
  const actingUser = (req: FastifyRequest, fallback: DemoUser): DemoUser | string => {
    const header = req.headers[USER_HEADER];
    const name = Array.isArray(header) ? header[0] : header;
    if (name === undefined || name.trim() === '') return fallback;
    return (
      store.userByUsername(name) ??
      `Unknown user '${name}' in X-ActionPlane-User; demo users: ${store.users.map((u) => u.username).join(', ')}`
    );
  };

  // ---- Intake REST v1 (contract: same paths and shapes as ActionIntakeResource in the org) ----
  app.post(`${REST_BASE}/actions`, (req, reply) => {
    const user = actingUser(req, store.agentUser());
    if (typeof user === 'string') return restError(reply, 401, [{ code: 'NOT_ALLOWED', message: user }]);
    const raw = typeof req.body === 'string' ? req.body : '';
    try {
      const result = org.intake.submit(raw, user);
      return reply.code(result.status).send(result.body);
    } catch (e) {
      if (e instanceof RequestError) return restError(reply, e.status, e.errors);
      throw e;
    }
  });

  app.get<{ Params: { id: string } }>(`${REST_BASE}/actions/:id`, (req, reply) => {
    const user = actingUser(req, store.agentUser());
    if (typeof user === 'string') return restError(reply, 401, [{ code: 'NOT_ALLOWED', message: user }]);
    const action = store.action(req.params.id);
    if (!action) {
      return restError(reply, 404, [
        { path: 'id', code: 'RECORD_NOT_FOUND', message: `No action with id '${req.params.id}'` },
      ]);
    }
    const changes = store.changesOf(action.Id);
    return reply.send({
      ...org.intake.resultOf(action),
      runId: action.Run__c,
      object: action.TargetObject__c,
      recordId: action.TargetRecordId__c,
      confidence: action.Confidence__c,
      rationale: action.Rationale__c,
      requiredApprovals: action.RequiredApprovals__c,
      approverGroup: action.ApproverGroup__c,
      resultMessage: action.ResultMessage__c,
      appliedAt: action.AppliedAt__c,
      supersedes: action.Supersedes__c,
      retryOf: action.RetryOf__c,
      compensates: action.Compensates__c,
      fieldChanges: changes.map((c) => ({
        field: c.FieldApiName__c,
        label: c.FieldLabel__c,
        before: fromJsonText(c.BeforeValue__c),
        after: fromJsonText(c.ProposedValue__c),
        applied: fromJsonText(c.AppliedValue__c),
        effect: c.Effect__c,
        rule: c.GoverningRule__c,
        editedByApprover: c.EditedByApprover__c,
        originalProposed: fromJsonText(c.OriginalProposedValue__c),
      })),
      appliedValues: Object.fromEntries(
        changes
          .filter((c) => c.AppliedValue__c !== null)
          .map((c) => [c.FieldApiName__c, fromJsonText(c.AppliedValue__c)]),
      ),
      decisions: store.decisionsOf(action.Id).map((d) => ({
        approver: store.userById(d.Approver__c)?.username ?? d.Approver__c,
        decision: d.Decision__c,
        reason: d.Reason__c,
        decidedAt: d.DecidedAt__c,
        editedValues: d.EditedValues__c === null ? null : (JSON.parse(d.EditedValues__c) as JsonValue),
      })),
      auditEvents: store
        .eventsOf(action.Run__c)
        .filter((e) => e.Action__c === action.Id)
        .map((e) => auditRow(e)),
    });
  });

  app.get<{ Params: { id: string } }>(`${REST_BASE}/runs/:id`, (req, reply) => {
    const user = actingUser(req, store.agentUser());
    if (typeof user === 'string') return restError(reply, 401, [{ code: 'NOT_ALLOWED', message: user }]);
    const run = store.run(req.params.id);
    if (!run) {
      return restError(reply, 404, [
        { path: 'id', code: 'RECORD_NOT_FOUND', message: `No run with id or externalId '${req.params.id}'` },
      ]);
    }
    const chain = org.audit.verify(run.Id);
    return reply.send({
      run: {
        id: run.Id,
        name: run.Name,
        externalId: run.ExternalRunId__c,
        agent: run.AgentName__c,
        source: run.Source__c,
        goal: run.Goal__c,
        status: run.Status__c,
        haltReason: run.HaltReason__c,
        createdAt: run.CreatedDate,
      },
      actions: store.actionsOf(run.Id).map((a) => org.intake.resultOf(a)),
      auditEvents: store.eventsOf(run.Id).map((e) => auditRow(e)),
      chain,
      verified: chain.verified,
    });
  });

  app.post<{ Params: { id: string } }>(`${REST_BASE}/actions/:id/cancel`, (req, reply) => {
    const user = actingUser(req, store.agentUser());
    if (typeof user === 'string') return restError(reply, 401, [{ code: 'NOT_ALLOWED', message: user }]);
    const action = store.action(req.params.id);
    if (!action) {
      return restError(reply, 404, [
        { path: 'id', code: 'RECORD_NOT_FOUND', message: `No action with id '${req.params.id}'` },
      ]);
    }
    const refusal = org.approval.cancel(action, user);
    if (refusal !== null) return restError(reply, 403, [{ code: 'NOT_ALLOWED', message: refusal }]);
    return reply.send(org.intake.resultOf(action));
  });

  // ---- The approver's controller contract (ActionInboxController) ----
  app.post<{ Params: { method: string } }>('/workbench/api/controller/:method', (req, reply) => {
    const user = actingUser(req, store.userByUsername('maria.lopez@actionplane.demo') as DemoUser);
    if (typeof user === 'string') return reply.code(401).send({ message: user });
    try {
      return reply.send(org.controller.call(req.params.method, parseJsonBody(req.body), user));
    } catch (e) {
      if (e instanceof ControllerError || e instanceof IllegalTransitionError)
        return reply.code(400).send({ message: e.message });
      throw e;
    }
  });

  // ---- ActionStatusChanged__e as Server-Sent Events: what the EMP API streams in the org (lightning/empApi shim) ----
  const streams = new Set<ServerResponse>();
  app.get('/workbench/api/events', (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': ActionStatusChanged__e\n\n');
    const unsubscribe = org.events.subscribe((event) => {
      res.write(`id: ${event.replayId}\nevent: ActionStatusChanged__e\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    streams.add(res);
    req.raw.on('close', () => {
      unsubscribe();
      streams.delete(res);
    });
  });
  // An open stream would keep close() waiting for ever: end them first.
  app.addHook('preClose', (done) => {
    for (const res of streams) res.end();
    streams.clear();
    done();
  });

  // ---- Workbench-only endpoints (demos and tests; no org has these) ----
  app.get('/workbench/api/users', () => ({
    users: store.users.map((u) => ({
      id: u.id,
      username: u.username,
      name: u.name,
      permissions: u.permissions,
      groups: store.groups.filter((g) => g.memberIds.includes(u.id)).map((g) => g.developerName),
    })),
    groups: store.groups.map((g) => ({ developerName: g.developerName, label: g.label, members: g.memberIds })),
    defaultRestUser: store.agentUser().username,
  }));

  app.get('/workbench/api/runs', () => ({
    runs: [...store.runs].reverse().map((r) => ({
      id: r.Id,
      name: r.Name,
      externalId: r.ExternalRunId__c,
      agent: r.AgentName__c,
      status: r.Status__c,
      createdAt: r.CreatedDate,
      actionCount: store.actionsOf(r.Id).length,
    })),
  }));

  app.get<{ Params: { object: string } }>('/workbench/api/records/:object', (req, reply) => {
    const object = describeObject(req.params.object);
    if (!object || !store.records[object.name]) {
      return reply.code(404).send({
        errors: [
          { code: 'UNKNOWN_OBJECT', message: `No demo object '${req.params.object}' (Opportunity, Account, Case)` },
        ],
      });
    }
    return { object: object.name, records: store.records[object.name] };
  });

  app.get<{ Params: { object: string; id: string } }>('/workbench/api/records/:object/:id', (req, reply) => {
    const object = describeObject(req.params.object);
    const record = object ? store.findRecord(object.name, req.params.id) : undefined;
    if (!record)
      return reply
        .code(404)
        .send({ errors: [{ code: 'RECORD_NOT_FOUND', message: `No ${req.params.object} ${req.params.id}` }] });
    return record;
  });

  // Simulates a person editing the record in the org (e.g. to make a pending plan stale).
  app.patch<{ Params: { object: string; id: string } }>('/workbench/api/records/:object/:id', (req, reply) => {
    const object = describeObject(req.params.object);
    const record = object ? store.findRecord(object.name, req.params.id) : undefined;
    if (!object || !record) {
      return reply
        .code(404)
        .send({ errors: [{ code: 'RECORD_NOT_FOUND', message: `No ${req.params.object} ${req.params.id}` }] });
    }
    let values: Record<string, unknown>;
    try {
      values = parseJsonBody(req.body);
    } catch (e) {
      return reply.code(400).send({ errors: [{ code: 'MALFORMED_JSON', message: (e as Error).message }] });
    }
    const errors: FieldError[] = [];
    const coerced: Record<string, FieldValue> = {};
    for (const [name, raw] of Object.entries(values)) {
      const f = describeField(object, name);
      if (!f) errors.push({ path: name, code: 'UNKNOWN_FIELD', message: `${object.name} has no field ${name}` });
      else if (!f.updateable)
        errors.push({ path: name, code: 'NOT_UPDATEABLE', message: `${f.name} cannot be updated` });
      else {
        const r = coerceValue(f, raw);
        if (r.ok) coerced[f.name] = r.value as FieldValue;
        else errors.push({ path: name, code: r.code, message: r.message });
      }
    }
    if (errors.length > 0) return reply.code(400).send({ errors });
    Object.assign(record, coerced, { LastModifiedDate: store.clock.nowIso() });
    return record;
  });

  app.post('/workbench/api/reset', () => {
    store.reset();
    return { ok: true, message: 'Demo org restored to its initial state' };
  });

  app.get('/workbench/api/settings', () => compiledSettingsView());

  app.post('/workbench/api/settings', (req, reply) => {
    let values: Record<string, unknown>;
    try {
      values = parseJsonBody(req.body);
    } catch (e) {
      return reply.code(400).send({ message: (e as Error).message });
    }
    const allowed = [
      'Mode__c',
      'DefaultEffect__c',
      'DefaultApproverGroup__c',
      'DefaultExpiryHours__c',
      'MaxActionsPerRequest__c',
    ];
    const unknown = Object.keys(values).filter((k) => !allowed.includes(k));
    if (unknown.length > 0)
      return reply
        .code(400)
        .send({ message: `Unknown setting(s) ${unknown.join(', ')}; settable: ${allowed.join(', ')}` });
    const previous = { ...store.settingOverrides };
    Object.assign(store.settingOverrides, values);
    try {
      return compiledSettingsView();
    } catch (e) {
      store.settingOverrides = previous;
      if (e instanceof PolicyConfigError) return reply.code(400).send({ message: e.message });
      throw e;
    }
  });

  app.post('/workbench/api/clock/advance', (req, reply) => {
    let values: Record<string, unknown>;
    try {
      values = parseJsonBody(req.body);
    } catch (e) {
      return reply.code(400).send({ message: (e as Error).message });
    }
    const hours = values.hours;
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
      return reply.code(400).send({ message: 'hours must be a positive number' });
    }
    store.clock.advanceHours(hours);
    return { now: store.clock.nowIso(), expired: org.approval.expireOverdue() };
  });

  app.post('/workbench/api/expire', () => ({ now: store.clock.nowIso(), expired: org.approval.expireOverdue() }));

  function compiledSettingsView() {
    const s = compilePolicies(store.policyMetadataInForce()).settings;
    return {
      Mode__c: s.mode,
      DefaultEffect__c: s.defaultEffect,
      DefaultApproverGroup__c: s.defaultApproverGroup,
      DefaultExpiryHours__c: s.defaultExpiryHours,
      MaxActionsPerRequest__c: s.maxActionsPerRequest,
    };
  }

  function auditRow(e: (typeof store.auditEvents)[number]) {
    return {
      sequence: e.Sequence__c,
      type: e.EventType__c,
      actionId: e.Action__c,
      actorType: e.ActorType__c,
      actor: e.Actor__c,
      occurredAt: e.OccurredAt__c,
      payload: JSON.parse(e.Payload__c) as JsonValue,
      prevHash: e.PrevHash__c,
      hash: e.Hash__c,
    };
  }

  // ---- The UI ----
  const uiDir = options.uiDir ?? DEFAULT_UI_DIR;
  // SLDS straight from npm (styles, icons, fonts), as the org serves its own copy.
  void app.register(fastifyStatic, {
    root: join(options.rootDir ?? process.cwd(), 'node_modules', '@salesforce-ux', 'design-system', 'assets'),
    prefix: '/assets/',
    decorateReply: false,
  });
  if (existsSync(join(uiDir, 'index.html'))) {
    void app.register(fastifyStatic, { root: uiDir, prefix: '/' });
  } else {
    app.get('/', (_req, reply) =>
      reply
        .type('text/html')
        .send('<p>The workbench UI is not built. Run <code>npm start</code> (it builds the UI first).</p>'),
    );
  }
  return app;
}
