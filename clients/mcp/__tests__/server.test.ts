import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { ActionPlaneClient } from '../../actionplane-client';
import { APPROVERS, startWorkbench, type RunningWorkbench } from '../../testing/workbenchHarness';
import { createActionPlaneMcpServer } from '../server';

let wb: RunningWorkbench;
let mcp: Client;

beforeAll(async () => {
  wb = await startWorkbench();
  const server = createActionPlaneMcpServer(new ActionPlaneClient({ baseUrl: wb.url }), {
    agent: 'Claude_Sales_Agent',
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  mcp = new Client({ name: 'test-agent', version: '1.0.0' });
  await mcp.connect(clientSide);
});
afterAll(async () => {
  await mcp.close();
  await wb.close();
});
beforeEach(() => wb.reset());

async function callText(name: string, args: Record<string, unknown>): Promise<{ text: string; isError: boolean }> {
  const result = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
  const first = result.content[0];
  return { text: first?.type === 'text' ? first.text : '', isError: result.isError === true };
}

const opp = (i: number) => wb.opportunities[i]!;

describe('ActionPlane MCP server', () => {
  it('listsTheThreeToolsWithDescriptionsAndInputSchemas', async () => {
    const { tools } = await mcp.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'get_action_status',
      'list_pending_for_run',
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
