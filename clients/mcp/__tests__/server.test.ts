import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ActionPlaneClient } from '../../actionplane-client';
import { APPROVERS, startWorkbench, type RunningWorkbench } from '../../testing/workbenchHarness';
import { createActionPlaneMcpServer } from '../server';

let wb: RunningWorkbench;
let mcp: Client;
/** The same server acting as the demo administrator, who may delete the demo deals (the agent may only edit them). */
let adminMcp: Client;
let reader: ActionPlaneClient;
let adminReader: ActionPlaneClient;

const ADMIN = 'ada.admin@actionplane.demo';

async function connect(client: ActionPlaneClient): Promise<Client> {
  const server = createActionPlaneMcpServer(client, { agent: 'Claude_Sales_Agent' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const agent = new Client({ name: 'test-agent', version: '1.0.0' });
  await agent.connect(clientSide);
  return agent;
}

beforeAll(async () => {
  wb = await startWorkbench();
  reader = new ActionPlaneClient({ baseUrl: wb.url });
  mcp = await connect(reader);
  adminReader = new ActionPlaneClient({ baseUrl: wb.url, actingUser: ADMIN });
  adminMcp = await connect(adminReader);
});
afterAll(async () => {
  await mcp.close();
  await adminMcp.close();
  await wb.close();
});
beforeEach(() => wb.reset());

async function callText(
  name: string,
  args: Record<string, unknown>,
  as: Client = mcp,
): Promise<{ text: string; isError: boolean }> {
  const result = (await as.callTool({ name, arguments: args })) as CallToolResult;
  const first = result.content[0];
  return { text: first?.type === 'text' ? first.text : '', isError: result.isError === true };
}

const opp = (i: number) => wb.opportunities[i]!;

describe('ActionPlane MCP server', () => {
  it('listsTheFiveToolsWithDescriptionsAndInputSchemas', async () => {
    const { tools } = await mcp.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'get_action_status',
      'list_pending_for_run',
      'propose_record_create',
      'propose_record_delete',
      'propose_record_update',
    ]);
    const propose = tools.find((t) => t.name === 'propose_record_update')!;
    expect(propose.description).toMatch(/waiting for approval/);
    expect(propose.inputSchema.required).toEqual(expect.arrayContaining(['object', 'recordId', 'changes']));
    expect(Object.keys(propose.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['confidence', 'rationale', 'evidence', 'runId', 'agent', 'idempotencyKey']),
    );
  });

  it('proposeSaysPendingWithTheApproverGroupAndWhy', async () => {
    const amount = Math.round(opp(0).Amount * 1.35);
    const r = await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(0).Id,
      changes: { Amount: amount },
      confidence: 0.9,
      runId: 'mcp-run-1',
    });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(
      /^PendingApproval: Submitted for approval by Sales_Managers \(2 approvals needed\) because Amount rises 35%/,
    );
    expect(r.text).toMatch(/Action id: \w+ \(run \w+\)/);
  });

  it('proposeSaysAppliedForAConfidentRoutineChange', async () => {
    const r = await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(1).Id,
      changes: { NextStep: 'Book the demo' },
      confidence: 0.95,
    });
    expect(r.text).toMatch(/^Applied: Applied automatically: NextStep ".*" → "Book the demo"\./);
  });

  it('proposeSaysBlockedWithTheReason', async () => {
    const r = await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(2).Id,
      changes: { Description: 'Rewritten by the agent' },
      confidence: 0.99,
    });
    expect(r.text).toMatch(/^Blocked: Blocked by policy because Description changes: blocked — Agents may only change/);
    expect(r.text).toContain('Nothing was changed.');
  });

  it('proposeIsIdempotentForTheSameRunAndChange', async () => {
    const args = {
      object: 'Opportunity',
      recordId: opp(1).Id,
      changes: { NextStep: 'Once' },
      confidence: 0.95,
      runId: 'mcp-run-2',
    };
    await callText('propose_record_update', args);
    const again = await callText('propose_record_update', args);
    expect(again.text).toContain('already proposed earlier with the same key');
  });

  it('proposeReturnsAToolErrorWithEachFieldProblem', async () => {
    const r = await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(0).Id,
      changes: { Amount: 'lots', Nope__c: 1 },
    });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^ActionPlane refused to accept the proposal \(HTTP 400\):/);
    expect(r.text).toMatch(/- actions\[0\]\.changes\.Amount: INVALID_TYPE — /);
    expect(r.text).toMatch(/- actions\[0\]\.changes\.Nope__c: UNKNOWN_FIELD — /);
    expect(r.text).toContain('Nothing was written.');
  });

  it('proposeTellsTheAgentWhenActionPlaneIsPaused', async () => {
    await wb.setMode('Paused');
    const r = await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(1).Id,
      changes: { NextStep: 'x' },
    });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/HTTP 503[\s\S]*PAUSED[\s\S]*paused by an admin/);
  });

  it('rejectsInputThatDoesNotMatchTheSchemaBeforeCallingActionPlane', async () => {
    const r = await mcp.callTool({
      name: 'propose_record_update',
      arguments: { object: 'Opportunity', recordId: opp(0).Id, changes: {}, confidence: 3 },
    });
    expect(r.isError).toBe(true);
    expect(JSON.stringify(r.content)).toMatch(/confidence|changes/);
  });

  it('getActionStatusSaysAppliedAfterApprovalWithTheDecisions', async () => {
    const proposed = await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(0).Id,
      changes: { Amount: Math.round(opp(0).Amount * 1.35) },
      confidence: 0.9,
    });
    const id = /Action id: (\w+)/.exec(proposed.text)![1]!;
    for (const u of APPROVERS) await wb.decide(id, u, 'Approve');
    const r = await callText('get_action_status', { actionId: id });
    expect(r.text).toMatch(/^Applied: Applied after approval: Amount \d+ → \d+\./);
    expect(r.text).toContain('- Approve by');
    expect(r.text).toMatch(/Applied values: \{"Amount":\d+\}/);
  });

  it('getActionStatusSaysRejectedWithTheApproversReason', async () => {
    const proposed = await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(0).Id,
      changes: { StageName: 'Closed Won' },
      confidence: 0.9,
    });
    const id = /Action id: (\w+)/.exec(proposed.text)![1]!;
    await wb.decide(id, APPROVERS[0], 'Reject', 'No signed order form yet');
    const r = await callText('get_action_status', { actionId: id });
    expect(r.text).toMatch(/^Rejected: Rejected by .*: No signed order form yet\. Nothing was changed\./);
  });

  it('getActionStatusReportsAnUnknownIdAsAToolError', async () => {
    const r = await callText('get_action_status', { actionId: 'a02000000000000AAA' });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/HTTP 404[\s\S]*RECORD_NOT_FOUND/);
  });

  it('listPendingForRunListsOnlyTheWaitingActionsWithApproverAndReason', async () => {
    await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(0).Id,
      changes: { Amount: Math.round(opp(0).Amount * 1.35) },
      confidence: 0.9,
      runId: 'mcp-run-3',
    });
    await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(1).Id,
      changes: { NextStep: 'Call back' },
      confidence: 0.95,
      runId: 'mcp-run-3',
    });
    const r = await callText('list_pending_for_run', { runId: 'mcp-run-3' });
    expect(r.text).toMatch(
      /^1 action\(s\) of run mcp-run-3 wait for approval:\n- \w+: Submitted for approval by Sales_Managers/,
    );
  });

  it('listPendingForRunSaysWhenNothingWaits', async () => {
    await callText('propose_record_update', {
      object: 'Opportunity',
      recordId: opp(1).Id,
      changes: { NextStep: 'Done' },
      confidence: 0.95,
      runId: 'mcp-run-4',
    });
    const r = await callText('list_pending_for_run', { runId: 'mcp-run-4' });
    expect(r.text).toMatch(/^No action of run mcp-run-4 waits for approval \(1 action\(s\) in the run/);
    const missing = await callText('list_pending_for_run', { runId: 'no-such-run' });
    expect(missing.isError).toBe(true);
  });
});

const actionIdOf = (text: string) => /Action id: (\w+)/.exec(text)![1]!;

const NEW_DEAL = { Name: 'Acme - Second Team', StageName: 'Prospecting', CloseDate: '2026-12-31', Amount: 20000 };

describe('propose_record_create', () => {
  it('declaresTheNewRecordsValuesAndNoRecordId', async () => {
    const { tools } = await mcp.listTools();
    const create = tools.find((t) => t.name === 'propose_record_create')!;
    expect(create.description).toMatch(/ONE new Salesforce record/);
    expect(create.description).toMatch(/propose_record_update instead/);
    expect(create.inputSchema.required?.sort()).toEqual(['changes', 'object']);
    expect(Object.keys(create.inputSchema.properties ?? {}).sort()).toEqual(
      ['agent', 'changes', 'confidence', 'evidence', 'idempotencyKey', 'object', 'rationale', 'runId'].sort(),
    );
    expect(create.inputSchema.additionalProperties).toBe(false);
  });

  it('saysPendingWithTheApproverGroupAndPlansOneNewValuePerField', async () => {
    const r = await callText('propose_record_create', { object: 'Opportunity', changes: NEW_DEAL, confidence: 0.9 });
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(
      /^PendingApproval: Submitted for approval by \w+ because .*\. Nothing is created until it is approved\./,
    );
    expect(r.text).toContain(
      'New values: Name "Acme - Second Team", StageName "Prospecting", CloseDate "2026-12-31", Amount 20000.',
    );
    const action = await reader.getAction(actionIdOf(r.text));
    expect(action.operation).toBe('create');
    expect(action.recordId).toBeNull();
    expect(action.fieldChanges.map((f) => [f.field, f.before, f.after])).toEqual([
      ['Name', null, 'Acme - Second Team'],
      ['StageName', null, 'Prospecting'],
      ['CloseDate', null, '2026-12-31'],
      ['Amount', null, 20000],
    ]);
    expect(wb.app.demo.records('Opportunity')!.records.map((o) => o.Name)).not.toContain(NEW_DEAL.Name);
  });

  it('reportsEachMissingRequiredFieldWithItsPathAndWritesNothing', async () => {
    const r = await callText('propose_record_create', { object: 'Opportunity', changes: { Amount: 20000 } });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/^ActionPlane refused to accept the proposal \(HTTP 400\):/);
    for (const field of ['Name', 'StageName', 'CloseDate'])
      expect(r.text).toMatch(new RegExp(`- actions\\[0\\]\\.changes\\.${field}: MISSING_FIELD — `));
    expect(r.text).toContain('Nothing was written.');
    expect(wb.app.demo.runs()).toEqual([]);
  });

  it('reportsAFieldNobodyMaySetOnCreateAsNotCreateable', async () => {
    const r = await callText('propose_record_create', {
      object: 'Opportunity',
      changes: { ...NEW_DEAL, ExpectedRevenue: 1 },
    });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/- actions\[0\]\.changes\.ExpectedRevenue: NOT_CREATEABLE — /);
  });

  it('refusesARecordIdBeforeCallingActionPlane', async () => {
    const r = await mcp.callTool({
      name: 'propose_record_create',
      arguments: { object: 'Opportunity', recordId: opp(0).Id, changes: NEW_DEAL },
    });
    expect(r.isError).toBe(true);
    expect(JSON.stringify(r.content)).toMatch(/recordId/);
    expect(wb.app.demo.runs()).toEqual([]);
  });

  it('isIdempotentForTheSameRunAndValues', async () => {
    const args = { object: 'Opportunity', changes: NEW_DEAL, runId: 'mcp-create-1' };
    const first = await callText('propose_record_create', args);
    const again = await callText('propose_record_create', args);
    expect(again.text).toContain('already proposed earlier with the same key');
    expect(actionIdOf(again.text)).toBe(actionIdOf(first.text));
  });

  it('getActionStatusNamesTheNewRecordOnceApproved', async () => {
    const proposed = await callText('propose_record_create', { object: 'Opportunity', changes: NEW_DEAL });
    const id = actionIdOf(proposed.text);
    await wb.approve(id);
    const r = await callText('get_action_status', { actionId: id });
    expect(r.text).toMatch(/^Applied: Created after approval \(Opportunity (\w{18})\): Name "Acme - Second Team", /);
    const newId = /\(Opportunity (\w{18})\)/.exec(r.text)![1]!;
    expect(r.text).toContain(`Create Opportunity ${newId}`);
    expect(wb.app.demo.record('Opportunity', newId)?.Name).toBe(NEW_DEAL.Name);
  });
});

describe('propose_record_delete', () => {
  it('declaresTheRecordAndNoFieldValues', async () => {
    const { tools } = await mcp.listTools();
    const del = tools.find((t) => t.name === 'propose_record_delete')!;
    expect(del.description).toMatch(/deleting ONE existing Salesforce record/);
    expect(del.inputSchema.required?.sort()).toEqual(['object', 'recordId']);
    expect(Object.keys(del.inputSchema.properties ?? {})).not.toContain('changes');
    expect(del.inputSchema.additionalProperties).toBe(false);
  });

  it('saysPendingWithTheValuesTheDeleteRemoves', async () => {
    const r = await callText(
      'propose_record_delete',
      { object: 'Opportunity', recordId: opp(3).Id, rationale: 'A duplicate of the renewal' },
      adminMcp,
    );
    expect(r.isError).toBe(false);
    expect(r.text).toMatch(
      /^PendingApproval: Submitted for approval by .*\. Nothing is deleted until it is approved\./,
    );
    expect(r.text).toContain(`Values the delete removes: `);
    expect(r.text).toContain(`Name "${opp(3).Name}"`);
    const action = await adminReader.getAction(actionIdOf(r.text));
    expect(action.operation).toBe('delete');
    expect(action.recordId).toBe(opp(3).Id);
    const amount = action.fieldChanges.find((f) => f.field === 'Amount');
    expect([amount?.before, amount?.after]).toEqual([opp(3).Amount, null]);
    expect(wb.app.demo.record('Opportunity', opp(3).Id)).toBeDefined();
  });

  it('getActionStatusSaysDeletedOnceApproved', async () => {
    const proposed = await callText('propose_record_delete', { object: 'Opportunity', recordId: opp(3).Id }, adminMcp);
    const id = actionIdOf(proposed.text);
    await wb.approve(id, ADMIN);
    const r = await callText('get_action_status', { actionId: id }, adminMcp);
    expect(r.text).toMatch(new RegExp(`^Applied: Deleted after approval \\(Opportunity ${opp(3).Id}\\)\\.`));
    expect(r.text).toContain(`Delete Opportunity ${opp(3).Id}`);
    expect(wb.app.demo.record('Opportunity', opp(3).Id)).toBeUndefined();
  });

  it('refusesARecordTheAgentMayNotDeleteAtItsPath', async () => {
    // The demo agent may edit the demo deals (shared with it) but not delete them: only their owner may.
    const r = await callText('propose_record_delete', { object: 'Opportunity', recordId: opp(3).Id });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/- actions\[0\]\.recordId: NOT_ALLOWED — /);
    expect(r.text).toContain('Nothing was written.');
  });

  it('reportsARecordThatDoesNotExistAsNotFound', async () => {
    const r = await callText('propose_record_delete', { object: 'Opportunity', recordId: '006000000000000AAA' });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/- actions\[0\]\.recordId: RECORD_NOT_FOUND — /);
  });

  it('refusesFieldValuesBeforeCallingActionPlane', async () => {
    const r = await mcp.callTool({
      name: 'propose_record_delete',
      arguments: { object: 'Opportunity', recordId: opp(3).Id, changes: { Amount: null } },
    });
    expect(r.isError).toBe(true);
    expect(JSON.stringify(r.content)).toMatch(/changes/);
    expect(wb.app.demo.runs()).toEqual([]);
  });
});
