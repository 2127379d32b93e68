/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON, asserted field by field */
/**
 * The custom notification a routed approval sends (issue 15 item 1), as the org records it: its title and body name
 * the action, the record and the first policy reason (ApprovalRouter.titleFor / bodyFor, which read
 * PlannedAction__c.PolicyReasons__c), it opens the action, and it reaches the approver group's members only. Apex
 * has no API to read sent notifications, so this is asserted on the emulated org through the workbench.
 */
import { ADA, AGENT, MARIA, SAM, WorkbenchClient, warmUp, type Json } from './workbenchClient';

beforeAll(warmUp, 120_000);

async function notificationsOf(wb: WorkbenchClient, user: string): Promise<Json[]> {
  const res = await wb.request('GET', `/workbench/api/notifications?user=${encodeURIComponent(user)}`);
  expect(res.status).toBe(200);
  return res.body.notifications as Json[];
}

describe('the approval request notification', () => {
  let wb: WorkbenchClient;
  beforeEach(async () => {
    wb = await WorkbenchClient.start();
  });
  afterEach(() => wb.close());

  it('names the action, the record and the first policy reason, and opens the action', async () => {
    const opp = await wb.opportunity(3);
    const action = await wb.propose(opp.Id, { Amount: Number(opp.Amount) * 1.3 });
    expect(action.status).toBe('PendingApproval');
    expect(action.approverGroup).toBe('Sales_Managers');

    const received = await notificationsOf(wb, MARIA);

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      type: 'ActionPlaneApprovalRequest',
      title: `Approval needed: ${action.name as string}`,
      body: `An agent proposes a change to Opportunity ${opp.Id as string}. ${action.reasons[0] as string}`,
      targetId: action.id,
      recipients: ['Sales_Managers'],
      sentBy: AGENT,
    });
  });

  it('reaches the approver group, not an administrator outside it nor the agent', async () => {
    const opp = await wb.opportunity(3);
    await wb.propose(opp.Id, { Amount: Number(opp.Amount) * 1.3 });

    expect(await notificationsOf(wb, SAM)).toHaveLength(1);
    expect(await notificationsOf(wb, ADA)).toEqual([]);
    expect(await notificationsOf(wb, AGENT)).toEqual([]);
  });

  it('is one notification per group for a request of several actions, counting them', async () => {
    const [first, second] = [await wb.opportunity(3), await wb.opportunity(4)];
    const res = await wb.submit({
      run: { agent: 'pipeline-agent', externalId: 'notify-two' },
      actions: [first, second].map((opp: Json, i) => ({
        idempotencyKey: `notify-two-${i}`,
        object: 'Opportunity',
        recordId: opp.Id,
        operation: 'update',
        changes: { Amount: Number(opp.Amount) * 1.3 },
        confidence: 0.9,
      })),
    });
    expect(res.status).toBe(201);
    expect(res.body.actions.map((a: Json) => a.approverGroup)).toEqual(['Sales_Managers', 'Sales_Managers']);

    const received = await notificationsOf(wb, MARIA);

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      title: '2 agent actions need your approval',
      body: `Agents propose 2 changes, starting with Opportunity ${first.Id as string}. Open the ActionPlane inbox.`,
      targetId: res.body.actions[0].id,
      recipients: ['Sales_Managers'],
    });
  });
});
