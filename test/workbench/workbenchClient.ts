/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON, asserted field by field */
/**
 * Test helpers for the workbench API tests: an in-process workbench on a free port — the package's Apex on the
 * platform emulator, with the demo users and records and no seeded proposals unless asked — and small typed calls
 * for intake REST v1, the controller and the demo records. Real HTTP, not `app.inject`: light-my-request pulls an
 * ESM-only dependency that Jest's CommonJS runtime cannot load.
 */
import type { AddressInfo } from 'node:net';
import { loadProject, type ProjectMetadata } from '../../emulator/src/project';
import { createWorkbench, REST_BASE, type Workbench } from '../../workbench/server';

/** The repository's sfdx project, loaded once per test file (every workbench of the file runs it). */
let project: ProjectMetadata | undefined;
export function repoProject(): ProjectMetadata {
  project ??= loadProject(process.cwd());
  return project;
}

/** A request runs Apex; the first use of each class parses it (once per test file): allow for a loaded machine. */
export const WORKBENCH_TEST_TIMEOUT_MS = 60_000;
jest.setTimeout(WORKBENCH_TEST_TIMEOUT_MS);

/**
 * Sets up one seeded demo org so every Apex class the flows use is parsed before the first test's clock starts
 * (`beforeAll(warmUp, …)`); each test still gets a workbench of its own.
 */
export async function warmUp(): Promise<void> {
  const wb = await WorkbenchClient.start({ seedRuns: true });
  await wb.close();
}

export const AGENT = 'agent@actionplane.demo';
export const MARIA = 'maria.lopez@actionplane.demo';
export const SAM = 'sam.okafor@actionplane.demo';
export const ADA = 'ada.admin@actionplane.demo';
export const VIEWER = 'viewer@actionplane.demo';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of many shapes; assertions check them
export type Json = any;

export interface Reply<T = Json> {
  status: number;
  body: T;
}

export class WorkbenchClient {
  private seq = 0;

  private constructor(
    readonly app: Workbench,
    private readonly url: string,
  ) {}

  /** `seedRuns`: submit the two agents' demo proposals first, as `npm start` does (default: an empty inbox). */
  static async start(options: { seedRuns?: boolean } = {}): Promise<WorkbenchClient> {
    const app = createWorkbench({
      project: repoProject(),
      seedRuns: options.seedRuns ?? false,
      uiDir: '/nonexistent-ui-dir',
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    return new WorkbenchClient(app, `http://127.0.0.1:${port}`);
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  async request(method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, user?: string): Promise<Reply<Json>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user) headers['x-actionplane-user'] = user;
    const res = await fetch(`${this.url}${url}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : JSON.parse(text) };
  }

  /** `POST /actions` with a raw string or an object body. */
  submit(body: unknown, user?: string): Promise<Reply<Json>> {
    return this.request('POST', `${REST_BASE}/actions`, body, user);
  }

  /** A one-action request on `recordId` with a fresh idempotency key. */
  async propose(
    recordId: string,
    changes: Record<string, unknown>,
    confidence = 0.9,
    user?: string,
    extra: Record<string, unknown> = {},
  ) {
    this.seq += 1;
    const res = await this.submit(
      {
        run: { agent: 'pipeline-agent', externalId: `test-run-${this.seq}` },
        actions: [
          {
            idempotencyKey: `test-key-${this.seq}`,
            object: 'Opportunity',
            recordId,
            operation: 'update',
            changes,
            confidence,
            ...extra,
          },
        ],
      },
      user,
    );
    if (res.status !== 201) throw new Error(`propose failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.actions[0];
  }

  /** `GET /actions/{id}` as `user` (default: the demo agent, who sees the actions it proposed). */
  getAction(id: string, user?: string): Promise<Reply<Json>> {
    return this.request('GET', `${REST_BASE}/actions/${id}`, undefined, user);
  }

  getRun(id: string, user?: string): Promise<Reply<Json>> {
    return this.request('GET', `${REST_BASE}/runs/${encodeURIComponent(id)}`, undefined, user);
  }

  cancel(id: string, user?: string): Promise<Reply<Json>> {
    return this.request('POST', `${REST_BASE}/actions/${id}/cancel`, {}, user);
  }

  controller(method: string, params: Record<string, unknown>, user: string): Promise<Reply<Json>> {
    return this.request('POST', `/workbench/api/controller/${method}`, params, user);
  }

  async decide(
    actionId: string,
    decision: 'Approve' | 'Reject',
    user: string,
    reason?: string,
    editedValues?: Record<string, unknown>,
  ) {
    const res = await this.controller('decide', { actionIds: [actionId], decision, reason, editedValues }, user);
    if (res.status !== 200) throw new Error(`decide failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.results[0];
  }

  async records(object = 'Opportunity'): Promise<Json[]> {
    const res = await this.request('GET', `/workbench/api/records/${object}`);
    return res.body.records;
  }

  async opportunity(index: number): Promise<Json> {
    return (await this.records())[index];
  }

  /** Everything an intake request could have written: records, runs and audit events. */
  async snapshot(): Promise<string> {
    const [opps, accounts, cases, runs] = await Promise.all([
      this.records('Opportunity'),
      this.records('Account'),
      this.records('Case'),
      this.request('GET', '/workbench/api/runs'),
    ]);
    const db = this.app.demo.org.db;
    return JSON.stringify({
      opps,
      accounts,
      cases,
      runs: runs.body,
      actions: db.count('PlannedAction__c'),
      changes: db.count('FieldChange__c'),
      decisions: db.count('ApprovalDecision__c'),
      events: db.count('AuditEvent__c'),
    });
  }

  /** A demo user's record id (ids come from the org's id generator: the order of the set-up fixes them). */
  userId(username: string): string {
    const id = this.app.demo.userId(username);
    if (!id) throw new Error(`no demo user ${username}`);
    return id;
  }
}
