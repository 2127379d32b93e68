/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON, asserted field by field */
/**
 * The demo org a newcomer's `npm start` opens: the seeded proposals of two agents, decided by the shipped policies
 * through the package's Apex; the same ids on every start; the state saved under a folder and loaded on the next
 * start; a reset that restores the seed and forgets the saved state.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkbench } from '../../workbench/server';
import { STATE_FILE } from '../../workbench/stateFile';
import { ADA, AGENT, MARIA, repoProject, WorkbenchClient, warmUp } from './workbenchClient';

beforeAll(warmUp, 120_000);

/** Every action of the seed as [agent, status, risk, requiredApprovals, approvals, object], as Ada (View All) reads. */
async function seededActions(wb: WorkbenchClient) {
  const page = await wb.controller('getInbox', { status: 'All', pageSize: 50, pageNumber: 1 }, ADA);
  expect(page.status).toBe(200);
  return page.body.rows
    .map((r: Record<string, unknown>) => [r.agent, r.status, r.risk, r.requiredApprovals, r.approvals, r.objectName])
    .sort((a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('the seeded demo org', () => {
  let wb: WorkbenchClient;
  beforeEach(async () => {
    wb = await WorkbenchClient.start({ seedRuns: true });
  });
  afterEach(() => wb.close());

  it('shows two agents with pending actions of every risk and approval count, one applied and one blocked', async () => {
    expect(await seededActions(wb)).toEqual(
      [
        ['Forecast_Agent', 'PendingApproval', 'Low', 1, 0, 'Opportunity'],
        ['Forecast_Agent', 'PendingApproval', 'Medium', 1, 0, 'Account'],
        ['Forecast_Agent', 'PendingApproval', 'Medium', 1, 0, 'Opportunity'],
        ['Forecast_Agent', 'PendingApproval', 'Medium', 1, 0, 'Opportunity'],
        ['Pipeline_Agent', 'Applied', 'Low', 1, 0, 'Opportunity'],
        ['Pipeline_Agent', 'Blocked', 'High', 1, 0, 'Opportunity'],
        ['Pipeline_Agent', 'PendingApproval', 'High', 1, 0, 'Opportunity'],
        ['Pipeline_Agent', 'PendingApproval', 'High', 2, 1, 'Opportunity'],
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    const runs = (await wb.request('GET', '/workbench/api/runs')).body.runs;
    expect(runs.map((r: { externalId: string }) => r.externalId).sort()).toEqual([
      'demo-forecast-q1',
      'demo-pipeline-renewals',
    ]);
    // Submitted through REST v1 as the agent user: the run is the agent's, readable by it.
    const run = await wb.getRun('demo-pipeline-renewals', AGENT);
    expect(run.status).toBe(200);
    expect(run.body.chain.verified).toBe(true);
  });

  it('notifies the approver groups the proposals were routed to', async () => {
    const res = await wb.request('GET', `/workbench/api/notifications?user=${encodeURIComponent(MARIA)}`);
    expect(res.status).toBe(200);
    expect(res.body.notifications.length).toBeGreaterThan(0);
    expect(res.body.notifications[0]).toMatchObject({
      type: 'ActionPlaneApprovalRequest',
      recipients: ['Sales_Managers'],
    });
  });

  it('is set up again with the same ids by a reset, which restores the seed', async () => {
    const ids = async () => ({
      opportunities: (await wb.records()).map((r) => r.Id),
      users: (await wb.request('GET', '/workbench/api/users')).body.users.map((u: { id: string }) => u.id),
      actions: (await seededActions(wb)).length,
      runs: (await wb.request('GET', '/workbench/api/runs')).body.runs.map((r: { id: string }) => r.id),
    });
    const first = await ids();
    const opp = await wb.opportunity(20);
    await wb.propose(opp.Id, { StageName: 'Qualification' });
    expect((await ids()).actions).toBe(first.actions + 1);
    expect((await wb.request('POST', '/workbench/api/reset')).status).toBe(200);
    expect(await ids()).toEqual(first);
    // Another start: the same records and values (the seeded AutoRun writes its Opportunity when it runs).
    const other = await WorkbenchClient.start({ seedRuns: true });
    const values = async (client: WorkbenchClient) =>
      (await client.records()).map((r: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'LastModifiedDate' && k !== 'SystemModstamp')),
      );
    const [mine, theirs] = [await values(wb), await values(other)];
    await other.close();
    expect(theirs).toEqual(mine);
  });
});

describe('the saved demo org', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'actionplane-state-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function started() {
    const app = createWorkbench({
      project: repoProject(),
      seedRuns: false,
      uiDir: '/nonexistent-ui-dir',
      stateDir: dir,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app;
  }

  it('survives a restart: what was submitted, decided and edited is there again, and new ids continue', async () => {
    const app = await started();
    const opp = app.demo.records('Opportunity')?.records[3];
    const first = app.demo.rest({
      method: 'POST',
      path: '/actionplane/v1/actions',
      body: JSON.stringify({
        run: { agent: 'pipeline-agent', externalId: 'saved-run' },
        actions: [
          {
            idempotencyKey: 'saved-1',
            object: 'Opportunity',
            recordId: opp?.Id,
            operation: 'update',
            changes: { StageName: 'Closed Won' },
          },
        ],
      }),
      userId: app.demo.userId(AGENT) ?? '',
    });
    expect(first.status).toBe(201);
    const actionId = JSON.parse(first.body.toString()).actions[0].id as string;
    expect(app.demo.updateSettings({ Mode__c: 'ApproveAll' })).toEqual([]);
    app.demo.advanceClock(5);
    const before = JSON.stringify(app.demo.exportState().org);
    await app.close();
    expect(existsSync(join(dir, STATE_FILE))).toBe(true);

    const again = await started();
    expect(JSON.stringify(again.demo.exportState().org)).toBe(before);
    expect(again.demo.settings().Mode__c).toBe('ApproveAll');
    expect(again.demo.now() - Date.now()).toBeGreaterThan(4.9 * 3_600_000);
    const decided = again.demo.aura(
      'decide',
      { actionIds: [actionId], decision: 'Approve' },
      again.demo.userId(MARIA) ?? '',
    );
    expect(decided.ok && (decided.value as { results: { status: string }[] }).results[0]?.status).toBe('Applied');
    const second = again.demo.rest({
      method: 'POST',
      path: '/actionplane/v1/actions',
      body: JSON.stringify({
        run: { agent: 'pipeline-agent', externalId: 'saved-run' },
        actions: [
          {
            idempotencyKey: 'saved-2',
            object: 'Opportunity',
            recordId: opp?.Id,
            operation: 'update',
            changes: { NextStep: 'x' },
          },
        ],
      }),
      userId: again.demo.userId(AGENT) ?? '',
    });
    const body = JSON.parse(second.body.toString());
    expect(body.runId).toBe(JSON.parse(first.body.toString()).runId);
    expect(body.actions[0].id).not.toBe(actionId);
    await again.close();
  });

  it('is forgotten by a reset, and set aside when the package changed since it was saved', async () => {
    const app = await started();
    app.demo.advanceClock(1);
    await app.close();
    expect(existsSync(join(dir, STATE_FILE))).toBe(true);

    const resetting = await started();
    const address = resetting.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${address.port}/workbench/api/reset`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(existsSync(join(dir, STATE_FILE))).toBe(false);
    resetting.demo.advanceClock(2);
    await resetting.close();

    const saved = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'));
    writeFileSync(join(dir, STATE_FILE), JSON.stringify({ ...saved, fingerprint: 'another version of the package' }));
    const lines: string[] = [];
    const fresh = createWorkbench({
      project: repoProject(),
      seedRuns: false,
      uiDir: '/nonexistent-ui-dir',
      stateDir: dir,
      log: (line) => lines.push(line),
    });
    expect(lines.join('\n')).toMatch(/the package \(force-app, demo-app …\) changed since it was saved/);
    expect(fresh.demo.now() - Date.now()).toBeLessThan(60_000);
    expect(readdirSync(dir).some((f) => f.startsWith('workbench-state.set-aside-'))).toBe(true);
    await fresh.close();
  });
});
