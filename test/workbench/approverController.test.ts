/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON, asserted field by field */
/**
 * The approver's controller additions of issue 17 through the workbench (ActionInboxController's Apex on the
 * emulator): names instead of ids, the decision in labels, drift before the vote, previewEdit, decide outcomes,
 * linked actions, the timeline in words, and ActionStatusChanged__e on the event stream.
 */
import type { StreamedEvent } from '../../workbench/demoOrg';
import { ADA, MARIA, SAM, WorkbenchClient, warmUp } from './workbenchClient';

let wb: WorkbenchClient;

beforeAll(warmUp, 120_000);

beforeEach(async () => {
  wb = await WorkbenchClient.start();
});

afterEach(async () => {
  await wb.close();
});

async function call(method: string, params: Record<string, unknown>, user = MARIA) {
  const res = await wb.controller(method, params, user);
  if (res.status !== 200) throw new Error(`${method}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An Account owner change: routed to ActionPlane Approvers (Ada), two approvals. */
async function proposeOwnerChange() {
  const account = (await wb.records('Account'))[0];
  const res = await wb.submit({
    run: { agent: 'territory-agent' },
    actions: [
      {
        idempotencyKey: 'owner-1',
        object: 'Account',
        recordId: account.Id,
        operation: 'update',
        changes: { OwnerId: wb.userId(SAM) },
        confidence: 0.9,
      },
    ],
  });
  expect(res.status).toBe(201);
  return { account, action: res.body.actions[0] };
}

test('inboxRowsNameTheRecordTheGroupAndEachChange', async () => {
  const opp = await wb.opportunity(0);
  const action = await wb.propose(opp.Id, { Amount: 20250, StageName: 'Qualification' }, 0.88);

  const page = await call('getInbox', { status: 'Open' });

  const row = page.rows.find((r: { id: string }) => r.id === action.id);
  expect(row.recordName).toBe(opp.Name);
  expect(row.approverGroup).toBe('Sales_Managers');
  expect(row.approverGroupLabel).toBe('Sales Managers');
  // `type` is the field's Schema.DisplayType name and `scale` its describe scale (0 for a picklist).
  expect(row.changes).toEqual([
    expect.objectContaining({
      field: 'Amount',
      label: 'Amount',
      type: 'CURRENCY',
      before: opp.Amount,
      after: 20250,
      scale: 2,
    }),
    expect.objectContaining({
      field: 'StageName',
      label: 'Stage',
      type: 'PICKLIST',
      before: opp.StageName,
      after: 'Qualification',
      scale: 0,
    }),
  ]);
  expect(row.referenceNames[opp.Id]).toBe(opp.Name);
});

// Ada (View All) sees an action routed to Sales Managers, a group she is not in.
test('aRowSaysItIsNotYoursAndWhose', async () => {
  const opp = await wb.opportunity(2);
  const action = await wb.propose(opp.Id, { StageName: 'Qualification' });

  const row = (await call('getInbox', { status: 'Open' }, ADA)).rows.find((r: { id: string }) => r.id === action.id);

  expect(row.canDecide).toBe(false);
  expect(row.cannotDecideCode).toBe('NOT_APPROVER');
  expect(row.approverGroupLabel).toBe('Sales Managers');
});

test('lookupValuesAndTheRecordCarryTheirNames', async () => {
  const { account, action } = await proposeOwnerChange();

  const detail = await call('getAction', { actionId: action.id }, ADA);

  expect(detail.fieldChanges[0].before).toBe(wb.userId(MARIA));
  expect(detail.action.referenceNames).toEqual({
    [account.Id]: account.Name,
    [wb.userId(MARIA)]: 'Maria Lopez',
    [wb.userId(SAM)]: 'Sam Okafor',
  });
});

test('theReviewExplainsTheDecisionInLabels', async () => {
  const opp = await wb.opportunity(0);
  const action = await wb.propose(
    opp.Id,
    { Amount: Math.round(opp.Amount * 1.35), StageName: 'Qualification', NextStep: 'Call the CFO' },
    0.88,
  );

  const detail = await call('getAction', { actionId: action.id });

  expect(detail.action.headline).toBe('Needs 2 approvals from Sales Managers: Amount rises 35% (more than 20%)');
  const reason = (field: string) => detail.fieldChanges.find((f: { field: string }) => f.field === field).reason;
  expect(reason('Amount')).toBe('Amount rises 35% (more than 20%): needs 2 approvals from Sales Managers');
  expect(reason('StageName')).toBe('Stage changes: needs 1 approval from Sales Managers');
  expect(reason('NextStep')).toMatch(
    / changes, confidence 0.88 meets 0.8: no approval needed for this field on its own$/,
  );
  expect(detail.action.ruleReasons[0]).toBe(
    'Amount rises 35% (more than 20%): needs 2 approvals from Sales Managers — Large amount changes need two managers. (Opp_Amount_Rise_Over_20pct)',
  );
  expect(detail.action.ruleReasons.join(' ')).not.toMatch(/StageName|Sales_Managers|may run automatically/);
  expect(detail.fieldChanges.find((f: { field: string }) => f.field === 'StageName').ordered).toBe(true);
  expect(detail.fieldChanges.find((f: { field: string }) => f.field === 'Amount').ordered).toBe(false);
});

test('driftIsFlaggedBeforeAnyoneVotesButNotAfterApplying', async () => {
  const opp = await wb.opportunity(1);
  const pending = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  await wb.request('PATCH', `/workbench/api/records/Opportunity/${opp.Id}`, { StageName: 'Closed Lost' });

  const stale = await call('getAction', { actionId: pending.id });
  expect(stale.action.stale).toBe(true);
  expect(stale.action.driftedFields).toEqual(['Stage']);
  expect(stale.fieldChanges[0]).toMatchObject({ drifted: true, current: 'Closed Lost', before: opp.StageName });

  const other = await wb.opportunity(2);
  const applied = await wb.propose(other.Id, { StageName: 'Qualification' });
  await wb.decide(applied.id, 'Approve', MARIA);
  const done = await call('getAction', { actionId: applied.id });
  expect(done.action.status).toBe('Applied');
  expect(done.action.stale).toBe(false);
  expect(done.fieldChanges[0].drifted).toBe(false);
  expect(done.action.appliedBy).toBe('Maria Lopez');
});

test('previewEditSaysAnEditNeedsMoreApprovalsAndWritesNothing', async () => {
  const opp = await wb.opportunity(3);
  const action = await wb.propose(opp.Id, { Amount: Math.round(opp.Amount * 1.1) });
  const before = await wb.snapshot();

  const preview = await call('previewEdit', { actionId: action.id, editedValues: { Amount: opp.Amount * 2 } });

  expect(preview).toMatchObject({
    edited: true,
    requiredApprovalsBefore: 1,
    requiredApprovals: 2,
    raisesApprovals: true,
    blocked: false,
    approverGroupLabel: 'Sales Managers',
    message: 'This edit needs 2 approvals instead of 1 approval: after your approval the action waits for 1 more.',
  });
  expect(preview.headline).toBe('Needs 2 approvals from Sales Managers: Amount rises 100% (more than 20%)');
  expect(preview.fields[0]).toMatchObject({ field: 'Amount', after: opp.Amount * 2, edited: true, error: null });
  expect(await wb.snapshot()).toBe(before);
});

test('previewEditReportsAnInvalidValueOnItsFieldAndABlockedEdit', async () => {
  const opp = await wb.opportunity(3);
  const action = await wb.propose(opp.Id, { Amount: Math.round(opp.Amount * 1.1) });

  const invalid = await call('previewEdit', { actionId: action.id, editedValues: { Amount: 'lots' } });
  expect(invalid.fields[0].error).toMatch(/Amount/);
  expect(invalid.message).toBeNull();

  const unknown = await wb.controller(
    'previewEdit',
    { actionId: action.id, editedValues: { Description: 'x' } },
    MARIA,
  );
  expect(unknown.status).toBe(400);
  expect(unknown.body.message).toMatch(/only the proposed fields can be edited\.$/);

  await wb.request('POST', '/workbench/api/settings', { Mode__c: 'Paused' });
  const blocked = await call('previewEdit', { actionId: action.id, editedValues: { Amount: opp.Amount + 1 } });
  expect(blocked.blocked).toBe(true);
  expect(blocked.message).toMatch(/^Policy would block this edit, so it cannot be approved: Blocked/);
});

test('anEditThatRaisesTheApprovalsWaitsForTheNextApprover', async () => {
  const opp = await wb.opportunity(3);
  const action = await wb.propose(opp.Id, { Amount: Math.round(opp.Amount * 1.1) });

  const res = await call('decide', {
    actionIds: [action.id],
    decision: 'Approve',
    editedValues: { Amount: opp.Amount * 2 },
  });

  expect(res.outcomes[0]).toMatchObject({ ok: true, status: 'PendingApproval', approvals: 1, requiredApprovals: 2 });
  expect((await wb.opportunity(3)).Amount).toBe(opp.Amount);
  const detail = await call('getAction', { actionId: action.id }, SAM);
  expect(detail.action.headline).toBe('Needs 2 approvals from Sales Managers: Amount rises 100% (more than 20%)');
});

test('theLoserOfARaceHearsWhoDecidedAndTheStatus', async () => {
  const opp = await wb.opportunity(4);
  const action = await wb.propose(opp.Id, { StageName: 'Qualification' });
  await wb.decide(action.id, 'Approve', SAM);

  const res = await call('decide', { actionIds: [action.id], decision: 'Approve' }, MARIA);

  expect(res.results[0].ok).toBe(false);
  expect(res.outcomes[0]).toMatchObject({
    ok: false,
    status: 'Applied',
    decidedBy: ['Sam Okafor'],
    lastDecision: 'Approve',
    name: 'PA-00000001',
  });
});

test('aReplanSaysWhatItReplacesAndTheOldOneLinksToIt', async () => {
  const opp = await wb.opportunity(5);
  const action = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  await wb.request('POST', '/workbench/api/clock/advance', { hours: 200 });
  expect((await call('getAction', { actionId: action.id })).action.status).toBe('Expired');

  const replanned = await call('replan', { actionId: action.id });

  const detail = await call('getAction', { actionId: replanned.actionId });
  expect(detail.related).toEqual([
    expect.objectContaining({ relation: 'retryOf', actionId: action.id, name: 'PA-00000001', status: 'Expired' }),
  ]);
  const old = await call('getAction', { actionId: action.id });
  expect(old.related).toEqual([expect.objectContaining({ relation: 'retriedBy', actionId: replanned.actionId })]);
});

test('theTimelineNamesPeopleAndStatusMoves', async () => {
  const opp = await wb.opportunity(6);
  const action = await wb.propose(opp.Id, { StageName: 'Qualification' });
  await wb.decide(action.id, 'Approve', MARIA);

  const timeline = await call('getRunTimeline', { runId: (await wb.getAction(action.id)).body.runId });

  const applied = timeline.events.find((e: { toStatus: string | null }) => e.toStatus === 'Applied');
  expect(applied).toMatchObject({ fromStatus: 'Approved', actionName: 'PA-00000001' });
  const vote = timeline.events.find((e: { type: string }) => e.type === 'ApprovalRecorded');
  expect(vote).toMatchObject({ actorName: 'Maria Lopez', decision: 'Approve' });
});

// A blocked action is inserted Blocked (ActionProposed, PolicyDecided): no move to name. A Conflict is a move whose
// reason names the drifted field, by its label.
test('aMovesReasonNamesTheFieldByItsLabel', async () => {
  const opp = await wb.opportunity(10);
  const action = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  await wb.request('PATCH', `/workbench/api/records/Opportunity/${opp.Id}`, { StageName: 'Closed Lost' });
  expect((await wb.decide(action.id, 'Approve', MARIA)).status).toBe('Conflict');

  const timeline = await call('getRunTimeline', { runId: (await wb.getAction(action.id)).body.runId });

  const conflict = timeline.events.find((e: { toStatus: string | null }) => e.toStatus === 'Conflict');
  expect(conflict.reason).toBe('Conflict: the record changed since the plan (Stage). Nothing was written.');
});

// A standard field's reason uses its Field Reference label ("Next Step"), as an org's describe gives it.
test('aStandardFieldsReasonUsesItsLabel', async () => {
  const opp = await wb.opportunity(0);
  const action = await wb.propose(opp.Id, { NextStep: 'Call the CFO', StageName: 'Qualification' }, 0.88);
  const detail = await call('getAction', { actionId: action.id });
  expect(detail.fieldChanges.find((f: { field: string }) => f.field === 'NextStep').reason).toBe(
    'Next Step changes, confidence 0.88 meets 0.8: no approval needed for this field on its own',
  );
});

test('everyStatusMoveIsPublishedAsActionStatusChanged', async () => {
  const seen: StreamedEvent[] = [];
  const unsubscribe = wb.app.demo.subscribe((e) => seen.push(e));
  const opp = await wb.opportunity(7);
  const action = await wb.propose(opp.Id, { StageName: 'Qualification' });
  await wb.decide(action.id, 'Approve', MARIA);
  unsubscribe();

  // A new action has no previous status: it is inserted PendingApproval.
  expect(seen.map((e) => [e.payload.PreviousStatus__c, e.payload.Status__c])).toEqual([
    [null, 'PendingApproval'],
    ['PendingApproval', 'Approved'],
    ['Approved', 'Applied'],
  ]);
  expect(seen.every((e) => e.payload.ActionId__c === action.id)).toBe(true);
  expect(seen.map((e) => e.replayId)).toEqual([1, 2, 3]);
});

test('theEventStreamSendsEachEventAsServerSentEvents', async () => {
  const address = wb.app.server.address() as { port: number };
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${address.port}/workbench/api/events`, { signal: controller.signal });
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const opp = await wb.opportunity(8);
  const action = await wb.propose(opp.Id, { StageName: 'Qualification' });
  let text = '';
  while (!text.includes('"Status__c":"PendingApproval"')) {
    const chunk = await reader.read();
    if (chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  controller.abort();
  expect(text).toContain('event: ActionStatusChanged__e');
  expect(text).toContain(`"ActionId__c":"${action.id}"`);
});
