/**
 * Test support: a real workbench (the package's Apex on the platform emulator behind intake REST v1) listening on a
 * free port, and the person-side moves tests need (an approver decides, an admin pauses intake). Only for Jest.
 */
import type { AddressInfo } from 'node:net';
import { loadProject, type ProjectMetadata } from '../../emulator/src/project';
import { ADA_USERNAME } from '../../workbench/demoData';
import { createWorkbench, type Workbench } from '../../workbench/server';

/** A request runs Apex; the first use of each class parses it: allow for that on a loaded machine. */
jest.setTimeout(60_000);
let project: ProjectMetadata | undefined;

export const APPROVERS = ['maria.lopez@actionplane.demo', 'sam.okafor@actionplane.demo'] as const;

export interface DemoOpportunity {
  Id: string;
  Name: string;
  Amount: number;
  StageName: string;
  CloseDate: string;
  NextStep: string | null;
}

export interface RunningWorkbench {
  app: Workbench;
  /** Server root, e.g. http://127.0.0.1:43123 */
  url: string;
  opportunities: DemoOpportunity[];
  /** An approver decides through the controller contract, as in the inbox. */
  decide(actionId: string, user: string, decision: 'Approve' | 'Reject', reason?: string): Promise<void>;
  /**
   * The members of the action's approver group approve it, as many as it needs (never its proposer), whichever group
   * policy routed it to. Returns who approved.
   */
  approve(actionId: string, proposer?: string): Promise<string[]>;
  setMode(mode: 'Enforce' | 'ApproveAll' | 'Paused'): Promise<void>;
  /** Restores the demo org (records, runs, settings). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** `seedRuns`: the two agents' demo proposals first, as `npm start` (default: none, so each test sees only its own). */
export async function startWorkbench(options: { seedRuns?: boolean } = {}): Promise<RunningWorkbench> {
  project ??= loadProject(process.cwd());
  const app = createWorkbench({ project, seedRuns: options.seedRuns ?? false, uiDir: '/nonexistent-ui-dir' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // Real HTTP, not app.inject: light-my-request pulls an ESM-only dependency Jest's CommonJS runtime cannot load.
  const records = await fetch(`${url}/workbench/api/records/Opportunity`);
  const opportunities = ((await records.json()) as { records: DemoOpportunity[] }).records;
  const wb: RunningWorkbench = {
    app,
    url,
    opportunities,
    async approve(actionId, proposer) {
      // The administrator sees every action (View All), so the routing is read as it is stored.
      const r = await fetch(`${url}/services/apexrest/actionplane/v1/actions/${actionId}`, {
        headers: { 'x-actionplane-user': ADA_USERNAME },
      });
      const action = (await r.json()) as { approverGroup?: string | null; requiredApprovals?: number | null };
      const approvers = app.demo
        .users()
        .filter((u) => u.groups.includes(action.approverGroup ?? '') && u.username !== proposer)
        .map((u) => u.username)
        .slice(0, action.requiredApprovals ?? 1);
      if (approvers.length < (action.requiredApprovals ?? 1)) {
        throw new Error(`approve ${actionId}: too few members of ${action.approverGroup ?? '(no group)'} to approve`);
      }
      for (const user of approvers) await wb.decide(actionId, user, 'Approve');
      return approvers;
    },
    async decide(actionId, user, decision, reason) {
      const r = await fetch(`${url}/workbench/api/controller/decide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-actionplane-user': user },
        body: JSON.stringify({ actionIds: [actionId], decision, reason: reason ?? null, editedValues: null }),
      });
      const text = await r.text();
      const body = JSON.parse(text) as { results?: { ok: boolean; message: string | null }[]; message?: string };
      const result = body.results?.[0];
      if (r.status !== 200 || !result?.ok) {
        throw new Error(`decide ${decision} by ${user} failed: ${result?.message ?? body.message ?? text}`);
      }
    },
    async setMode(mode) {
      const r = await fetch(`${url}/workbench/api/settings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Mode__c: mode }),
      });
      if (r.status !== 200) throw new Error(`setting Mode ${mode} failed: ${await r.text()}`);
    },
    async reset() {
      const r = await fetch(`${url}/workbench/api/reset`, { method: 'POST' });
      if (r.status !== 200) throw new Error(`reset failed: ${await r.text()}`);
    },
    close: () => app.close(),
  };
  return wb;
}
