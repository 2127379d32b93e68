/**
 * The workbench server: HTTP in front of the emulated demo org (demoOrg.ts). Intake REST v1 — and any other Apex
 * REST path of the project — is an Apex REST call as the calling demo user; the components' controller calls are
 * `@AuraEnabled` calls of ActionInboxController as the acting user; the rest are workbench-only endpoints for demos
 * and tests. Every answer about an action is the package's Apex answer. NOT the production path — the org is.
 */
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { EmulatorUnsupportedError } from '../emulator/src/errors';
import type { Json } from '../emulator/src/entry/wireValues';
import { AGENT_USERNAME, MARIA_USERNAME } from './demoData';
import { DemoOrg, DemoOrgError, type DemoOrgOptions } from './demoOrg';
import { StateFile } from './stateFile';

export const APEX_REST_BASE = '/services/apexrest';
export const REST_BASE = `${APEX_REST_BASE}/actionplane/v1`;
export const USER_HEADER = 'x-actionplane-user';
export const DEFAULT_UI_DIR = join(__dirname, '..', 'build', 'workbench-ui');

export interface WorkbenchOptions extends DemoOrgOptions {
  /** Folder with the built UI (`index.html` + bundle); default `build/workbench-ui`. */
  uiDir?: string;
  /** Repository root, for `node_modules` (default: the current folder). */
  rootDir?: string;
  /** Save the org's state here and load it on start (`npm start`: `.actionplane`); default: nothing is saved. */
  stateDir?: string;
  /** Fastify request logging (off by default). */
  logger?: boolean;
  /** Where start-up messages go (default: nowhere). */
  log?: (line: string) => void;
}

export type Workbench = FastifyInstance & { demo: DemoOrg; state: StateFile | undefined };

function jsonBody(body: unknown): { ok: true; value: Record<string, Json> } | { ok: false; message: string } {
  if (body === undefined || body === null || body === '') return { ok: true, value: {} };
  try {
    const parsed = JSON.parse(typeof body === 'string' ? body : JSON.stringify(body)) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return { ok: false, message: 'The body must be a JSON object' };
    return { ok: true, value: parsed as Record<string, Json> };
  } catch (e) {
    return { ok: false, message: `The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Builds the workbench (not listening): `await app.listen({ port })`. */
export function createWorkbench(options: WorkbenchOptions = {}): Workbench {
  const log = options.log ?? (() => undefined);
  const demo = new DemoOrg(options);
  const state = options.stateDir ? new StateFile(options.stateDir, demo, log) : undefined;
  state?.load();
  const app = Fastify({ logger: options.logger ?? false }) as unknown as Workbench;
  app.decorate('demo', demo);
  app.decorate('state', state);

  // Bodies arrive as text: Apex reads RestContext.request.requestBody itself (MALFORMED_JSON, repeated keys).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  // Anything the emulator does not implement fails loudly, naming the feature and the Apex line.
  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof EmulatorUnsupportedError || error instanceof DemoOrgError) {
      log(`✗ ${error.message}`);
      return reply.code(500).send([
        {
          errorCode: error instanceof DemoOrgError ? 'WORKBENCH_ERROR' : 'EMULATOR_UNSUPPORTED',
          message: error.message,
        },
      ]);
    }
    return reply.send(error);
  });

  /** The acting demo user's id: the `X-ActionPlane-User` header, else `fallback`; a message for an unknown one. */
  const actingUser = (req: FastifyRequest, fallback: string): { id: string } | { error: string } => {
    const header = req.headers[USER_HEADER];
    const name = (Array.isArray(header) ? header[0] : header)?.trim() || fallback;
    const id = demo.userId(name);
    if (id) return { id };
    return {
      error: `Unknown user '${name}' in X-ActionPlane-User; demo users: ${demo
        .users()
        .map((u) => u.username)
        .join(', ')}`,
    };
  };

  // ---- Apex REST (intake v1 is /services/apexrest/actionplane/v1/...), as the calling user ----
  const apexRest = (req: FastifyRequest, reply: FastifyReply) => {
    const user = actingUser(req, AGENT_USERNAME);
    if ('error' in user) return reply.code(401).send({ errors: [{ code: 'NOT_ALLOWED', message: user.error }] });
    const method = req.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && k !== USER_HEADER) headers[k] = v;
    }
    const answer = demo.rest({
      method,
      path: req.url.slice(APEX_REST_BASE.length),
      body: typeof req.body === 'string' ? req.body : undefined,
      headers,
      userId: user.id,
      remoteAddress: req.ip,
    });
    reply.code(answer.status);
    for (const [k, v] of Object.entries(answer.headers)) reply.header(k, v);
    return reply.send(answer.body);
  };
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    app.route({ method, url: `${APEX_REST_BASE}/*`, handler: apexRest });
  }

  // ---- The components' controller: ActionInboxController's @AuraEnabled methods, as the acting user ----
  app.post<{ Params: { method: string } }>('/workbench/api/controller/:method', (req, reply) => {
    const user = actingUser(req, MARIA_USERNAME);
    if ('error' in user) return reply.code(401).send({ message: user.error });
    if (!demo.hasControllerMethod(req.params.method))
      return reply.code(404).send({ message: `ActionInboxController has no @AuraEnabled method ${req.params.method}` });
    const params = jsonBody(req.body);
    if (!params.ok) return reply.code(400).send({ message: params.message });
    const answer = demo.aura(req.params.method, params.value, user.id);
    if (answer.ok) return reply.send(answer.value);
    switch (answer.kind) {
      case 'handled':
        return reply.code(400).send({ message: answer.message });
      case 'denied':
        return reply.code(403).send({ message: answer.message });
      case 'apex':
        return reply.code(500).send([{ errorCode: 'APEX_ERROR', message: answer.message }]);
    }
  });

  // ---- Platform events as Server-Sent Events: what the EMP API streams in the org (lightning/empApi shim) ----
  const streams = new Set<ServerResponse>();
  app.get('/workbench/api/events', (req, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write(': platform events of the demo org\n\n');
    const unsubscribe = demo.subscribe((event) => {
      res.write(`id: ${event.replayId}\nevent: ${event.channel}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    streams.add(res);
    req.raw.on('close', () => {
      unsubscribe();
      streams.delete(res);
    });
  });
  // An open stream would keep close() waiting for ever: end them first, and save the state.
  app.addHook('preClose', (done) => {
    for (const res of streams) res.end();
    streams.clear();
    state?.saveNow();
    done();
  });

  // ---- Workbench-only endpoints (demos and tests; no org has these) ----
  app.get('/workbench/api/users', () => ({
    users: demo.users(),
    groups: demo.groups(),
    defaultRestUser: AGENT_USERNAME,
    defaultControllerUser: MARIA_USERNAME,
  }));

  app.get('/workbench/api/runs', () => ({ runs: demo.runs() }));

  app.get<{ Querystring: { user?: string } }>('/workbench/api/notifications', (req, reply) => {
    if (req.query.user === undefined) return { notifications: demo.notifications() };
    const id = demo.userId(req.query.user);
    if (!id) return reply.code(404).send({ message: `No demo user ${req.query.user}` });
    return { notifications: demo.notifications(id) };
  });

  app.get<{ Params: { object: string } }>('/workbench/api/records/:object', (req, reply) => {
    const records = demo.records(req.params.object);
    if (!records) {
      return reply.code(404).send({
        errors: [
          { code: 'UNKNOWN_OBJECT', message: `No demo object '${req.params.object}' (Opportunity, Account, Case)` },
        ],
      });
    }
    return records;
  });

  app.get<{ Params: { object: string; id: string } }>('/workbench/api/records/:object/:id', (req, reply) => {
    const record = demo.record(req.params.object, req.params.id);
    if (!record)
      return reply
        .code(404)
        .send({ errors: [{ code: 'RECORD_NOT_FOUND', message: `No ${req.params.object} ${req.params.id}` }] });
    return record;
  });

  // A person edits the record in the org (e.g. to make a pending plan stale): one update, as the acting user.
  app.patch<{ Params: { object: string; id: string } }>('/workbench/api/records/:object/:id', (req, reply) => {
    const record = demo.record(req.params.object, req.params.id);
    if (!record)
      return reply
        .code(404)
        .send({ errors: [{ code: 'RECORD_NOT_FOUND', message: `No ${req.params.object} ${req.params.id}` }] });
    const values = jsonBody(req.body);
    if (!values.ok) return reply.code(400).send({ errors: [{ code: 'MALFORMED_JSON', message: values.message }] });
    const user = actingUser(req, MARIA_USERNAME);
    if ('error' in user) return reply.code(401).send({ errors: [{ code: 'NOT_ALLOWED', message: user.error }] });
    const id = typeof record.Id === 'string' ? record.Id : req.params.id;
    const failure = demo.updateRecord(req.params.object, id, values.value, user.id);
    if (failure !== null) return reply.code(400).send({ errors: [{ code: 'DML_ERROR', message: failure }] });
    return demo.record(req.params.object, id);
  });

  // Body (optional): { "seedRuns": false } for an org without the two agents' proposals (tests start from it).
  app.post('/workbench/api/reset', (req, reply) => {
    const body = jsonBody(req.body);
    if (!body.ok) return reply.code(400).send({ message: body.message });
    const seedRuns = body.value.seedRuns;
    if (seedRuns !== undefined && typeof seedRuns !== 'boolean')
      return reply.code(400).send({ message: 'seedRuns must be true or false' });
    demo.reset({ seedRuns });
    state?.clear();
    return {
      ok: true,
      message: `Demo org set up again: users and records${(seedRuns ?? demo.seedRuns) ? ' and the seeded proposals' : ''}`,
    };
  });

  app.get('/workbench/api/settings', () => demo.settings());

  app.post('/workbench/api/settings', (req, reply) => {
    const values = jsonBody(req.body);
    if (!values.ok) return reply.code(400).send({ message: values.message });
    const problems = demo.updateSettings(values.value);
    if (problems.length > 0) return reply.code(400).send({ message: problems.join('; ') });
    return demo.settings();
  });

  app.post('/workbench/api/clock/advance', (req, reply) => {
    const values = jsonBody(req.body);
    if (!values.ok) return reply.code(400).send({ message: values.message });
    const hours = values.value.hours;
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
      return reply.code(400).send({ message: 'hours must be a positive number' });
    }
    demo.advanceClock(hours);
    return { now: new Date(demo.now()).toISOString(), expired: demo.runExpiryJob() };
  });

  app.post('/workbench/api/expire', () => ({ now: new Date(demo.now()).toISOString(), expired: demo.runExpiryJob() }));

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
