/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON, asserted field by field */
/**
 * The whole write path through the workbench API: AutoRun applied at once, replay, quorum and four-eyes, reject
 * with reason, cancel rules, stale plan → Conflict, supersede, expiry, compensate, re-plan, halt, reset — every
 * answer from the package's Apex on the emulator, with the policy records shipped in force-app. An agent reads
 * through REST v1 only what it may see (its own actions); the admin (View All) reads the rest.
 */
import { ADA, AGENT, MARIA, SAM, VIEWER, WorkbenchClient, warmUp } from './workbenchClient';

let wb: WorkbenchClient;

beforeAll(warmUp, 120_000);

beforeEach(async () => {
  wb = await WorkbenchClient.start();
});

afterEach(async () => {
  await wb.close();
});

test('appliesAnAutoRunChangeAtOnce', async () => {
  const opp = await wb.opportunity(2);
  const action = await wb.propose(opp.Id, { NextStep: 'Send the order form' }, 0.95);
  expect(action.status).toBe('Applied');
  expect(action.effect).toBe('AutoRun');
  expect(action.fieldChanges).toEqual([
    expect.objectContaining({
      field: 'NextStep',
      before: opp.NextStep,
      after: 'Send the order form',
      effect: 'AutoRun',
      rule: 'Opp_NextStep_AutoRun',
    }),
  ]);
  expect((await wb.opportunity(2)).NextStep).toBe('Send the order form');
});

test('needsApprovalWhenConfidenceIsBelowTheAutoRunMinimum', async () => {
  const opp = await wb.opportunity(2);
  const action = await wb.propose(opp.Id, { NextStep: 'Maybe call' }, 0.5);
  expect(action.status).toBe('PendingApproval');
  expect((await wb.opportunity(2)).NextStep).toBe(opp.NextStep);
});

test('blocksAFieldNoPolicyAllows', async () => {
  const opp = await wb.opportunity(3);
  const action = await wb.propose(opp.Id, { Description: 'Rewritten' }, 0.99);
  expect(action.status).toBe('Blocked');
  expect(action.reasons.length).toBeGreaterThan(0);
  expect((await wb.opportunity(3)).Description).toBe(opp.Description);
});

test('replaysAKnownIdempotencyKeyWith200AndNoNewRecords', async () => {
  const opp = await wb.opportunity(4);
  const body = {
    run: { agent: 'pipeline-agent', externalId: 'replay-run' },
    actions: [
      {
        idempotencyKey: 'replay-1',
        object: 'Opportunity',
        recordId: opp.Id,
        operation: 'update',
        changes: { Amount: opp.Amount * 2 },
        confidence: 0.9,
      },
    ],
  };
  const first = await wb.submit(body);
  expect(first.status).toBe(201);
  const before = await wb.snapshot();
  const again = await wb.submit(body);
  expect(again.status).toBe(200);
  expect(again.body.runId).toBe(first.body.runId);
  expect(again.body.actions[0].id).toBe(first.body.actions[0].id);
  expect(again.body.actions[0].status).toBe('PendingApproval');
  expect(await wb.snapshot()).toBe(before);
});

test('appendsToTheRunOfAKnownExternalId', async () => {
  const [a, b] = [await wb.opportunity(5), await wb.opportunity(6)];
  const mk = (key: string, id: string) => ({
    run: { agent: 'pipeline-agent', externalId: 'shared-run' },
    actions: [
      {
        idempotencyKey: key,
        object: 'Opportunity',
        recordId: id,
        operation: 'update',
        changes: { NextStep: key },
        confidence: 0.9,
      },
    ],
  });
  const first = await wb.submit(mk('s-1', a.Id));
  const second = await wb.submit(mk('s-2', b.Id));
  expect(second.body.runId).toBe(first.body.runId);
  const run = await wb.getRun('shared-run');
  expect(run.status).toBe(200);
  expect(run.body.actions).toHaveLength(2);
  expect(run.body.chain.verified).toBe(true);
  expect(run.body.auditEvents[0].type).toBe('RunStarted');
});

test('needsTwoDistinctApproversForALargeAmountRise', async () => {
  const opp = await wb.opportunity(7);
  const action = await wb.propose(opp.Id, { Amount: Math.round(opp.Amount * 1.35) });
  expect(action.status).toBe('PendingApproval');
  const first = await wb.decide(action.id, 'Approve', MARIA);
  expect(first.ok).toBe(true);
  expect(first.status).toBe('PendingApproval');
  const twice = await wb.decide(action.id, 'Approve', MARIA);
  expect(twice.ok).toBe(false);
  expect((await wb.opportunity(7)).Amount).toBe(opp.Amount);
  const second = await wb.decide(action.id, 'Approve', SAM);
  expect(second).toEqual(expect.objectContaining({ ok: true, status: 'Applied' }));
  expect((await wb.opportunity(7)).Amount).toBe(Math.round(opp.Amount * 1.35));
  const detail = await wb.getAction(action.id);
  // docs/intake-api.md: a decision names its approver (the user's name) and carries the approver's id.
  expect(detail.body.decisions.map((d: { approver: string }) => d.approver)).toEqual(['Maria Lopez', 'Sam Okafor']);
  expect(detail.body.decisions.map((d: { approverId: string }) => d.approverId)).toEqual([
    wb.userId(MARIA),
    wb.userId(SAM),
  ]);
  expect(detail.body.appliedValues).toEqual({ Amount: Math.round(opp.Amount * 1.35) });
});

test('refusesSelfApproval', async () => {
  const account = (await wb.records('Account'))[0];
  const res = await wb.submit(
    {
      run: { agent: 'admin-script' },
      actions: [
        {
          idempotencyKey: 'self-1',
          object: 'Account',
          recordId: account.Id,
          operation: 'update',
          changes: { Rating: 'Cold' === account.Rating ? 'Hot' : 'Cold' },
        },
      ],
    },
    ADA,
  );
  expect(res.status).toBe(201);
  const action = res.body.actions[0];
  expect(action.status).toBe('PendingApproval');
  const result = await wb.decide(action.id, 'Approve', ADA);
  expect(result.ok).toBe(false);
  expect(result.message).toMatch(/proposed|own|self/i);
  expect((await wb.getAction(action.id, ADA)).body.status).toBe('PendingApproval');
});

test('refusesAnApproverOutsideTheGroup', async () => {
  const caseRecord = (await wb.records('Case'))[0];
  const res = await wb.submit({
    run: { agent: 'support-agent' },
    actions: [
      {
        idempotencyKey: 'case-1',
        object: 'Case',
        recordId: caseRecord.Id,
        operation: 'update',
        changes: { Priority: 'Low' },
      },
    ],
  });
  const action = res.body.actions[0];
  expect(action.status).toBe('PendingApproval');
  // The shipped Case policy is inactive, so the default approver group (ActionPlane_Approvers) decides; the action
  // is shared with that group only, so to Maria and Sam it does not exist.
  const maria = await wb.decide(action.id, 'Approve', MARIA);
  expect(maria.ok).toBe(false);
  expect(maria.message).toMatch(/not found or is not shared with you/);
  expect((await wb.decide(action.id, 'Approve', SAM)).ok).toBe(false);
  expect((await wb.decide(action.id, 'Approve', ADA)).status).toBe('Applied');
});

test('recordsARejectReasonVisibleThroughRest', async () => {
  const opp = await wb.opportunity(8);
  const action = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  const result = await wb.decide(action.id, 'Reject', MARIA, 'No signed order form yet');
  expect(result.status).toBe('Rejected');
  const detail = await wb.getAction(action.id);
  expect(detail.body.status).toBe('Rejected');
  expect(detail.body.decisions[0]).toEqual(
    expect.objectContaining({ decision: 'Reject', reason: 'No signed order form yet' }),
  );
  expect(detail.body.auditEvents.map((e: { type: string }) => e.type)).toContain('ApprovalRecorded');
  expect((await wb.opportunity(8)).StageName).toBe(opp.StageName);
});

test('refusesARejectWithoutReason', async () => {
  const opp = await wb.opportunity(8);
  const action = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  const res = await wb.controller('decide', { actionIds: [action.id], decision: 'Reject', reason: ' ' }, MARIA);
  expect(res.status).toBe(400);
  expect(res.body.message).toMatch(/reason/i);
});

test('appliesTheApproversEditedValue', async () => {
  const opp = await wb.opportunity(9);
  const action = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  const result = await wb.decide(action.id, 'Approve', MARIA, undefined, { StageName: 'Negotiation/Review' });
  expect(result.status).toBe('Applied');
  expect((await wb.opportunity(9)).StageName).toBe('Negotiation/Review');
  const change = (await wb.getAction(action.id)).body.fieldChanges[0];
  expect(change).toEqual(
    expect.objectContaining({ after: 'Negotiation/Review', editedByApprover: true, originalProposed: 'Closed Won' }),
  );
});

test('turnsAStalePlanIntoConflictAndWritesNothing', async () => {
  const opp = await wb.opportunity(10);
  const action = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  const edit = await wb.request('PATCH', `/workbench/api/records/Opportunity/${opp.Id}`, { StageName: 'Closed Lost' });
  expect(edit.status).toBe(200);
  const result = await wb.decide(action.id, 'Approve', MARIA);
  expect(result.status).toBe('Conflict');
  expect(result.message).toContain('StageName');
  expect((await wb.opportunity(10)).StageName).toBe('Closed Lost');
  const replan = await wb.controller('replan', { actionId: action.id }, MARIA);
  expect(replan.status).toBe(200);
  const fresh = (await wb.getAction(replan.body.actionId, ADA)).body;
  expect(fresh.retryOf).toBe(action.id);
  expect(fresh.fieldChanges[0]).toEqual(expect.objectContaining({ before: 'Closed Lost', after: 'Closed Won' }));
});

// An action that ran automatically was never shared with an approver group: the admin (View All) undoes it.
test('compensatesAnAppliedChange', async () => {
  const opp = await wb.opportunity(11);
  const action = await wb.propose(opp.Id, { NextStep: 'Wrong step' }, 0.95);
  expect(action.status).toBe('Applied');
  const res = await wb.controller('compensate', { actionId: action.id, reason: 'Agent misread the notes' }, ADA);
  expect(res.status).toBe(200);
  expect(res.body.status).toBe('Applied');
  expect((await wb.opportunity(11)).NextStep).toBe(opp.NextStep);
  expect((await wb.getAction(action.id)).body.status).toBe('Compensated');
});

test('refusesToCompensateARecordChangedSince', async () => {
  const opp = await wb.opportunity(11);
  const action = await wb.propose(opp.Id, { NextStep: 'Step A' }, 0.95);
  await wb.request('PATCH', `/workbench/api/records/Opportunity/${opp.Id}`, { NextStep: 'Human step' });
  const res = await wb.controller('compensate', { actionId: action.id, reason: 'Agent misread the notes' }, ADA);
  expect(res.status).toBe(400);
  // The refusal names the field (the Apex by its API name) and the value a person wrote since.
  expect(res.body.message).toMatch(/Next ?Step is now "Human step"/);
  expect((await wb.opportunity(11)).NextStep).toBe('Human step');
});

test('letsOnlyTheProposerCancelAPendingAction', async () => {
  const opp = await wb.opportunity(12);
  const action = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  const byOther = await wb.cancel(action.id, ADA);
  expect(byOther.status).toBe(403);
  expect(byOther.body.errors[0].code).toBe('NOT_ALLOWED');
  const byProposer = await wb.cancel(action.id, AGENT);
  expect(byProposer.status).toBe(200);
  expect(byProposer.body.status).toBe('Cancelled');
  const again = await wb.cancel(action.id);
  expect(again.body.errors[0].code).toBe('NOT_ALLOWED');
});

test('supersedesAPendingActionOfTheSameRecord', async () => {
  const opp = await wb.opportunity(13);
  const old = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  const replacement = await wb.propose(opp.Id, { StageName: 'Closed Lost' }, 0.9, undefined, { supersedes: old.id });
  expect(replacement.status).toBe('PendingApproval');
  expect((await wb.getAction(old.id)).body.status).toBe('Superseded');
  expect((await wb.getAction(replacement.id)).body.supersedes).toBe(old.id);
});

test('expiresAnOverdueAction', async () => {
  const opp = await wb.opportunity(14);
  const action = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  expect(action.expiresAt).not.toBeNull();
  const res = await wb.request('POST', '/workbench/api/clock/advance', { hours: 24 * 30 });
  expect(res.body.expired).toContain(action.id);
  expect((await wb.getAction(action.id)).body.status).toBe('Expired');
});

test('haltsARunAndCancelsItsPendingActions', async () => {
  const opp = await wb.opportunity(15);
  const action = await wb.propose(opp.Id, { StageName: 'Closed Won' });
  // Halting a run is an administrator's move (it cancels every pending action of the run).
  const res = await wb.controller(
    'haltRun',
    { runId: (await wb.getAction(action.id)).body.runId, reason: 'Agent loop' },
    ADA,
  );
  expect(res.body).toEqual(expect.objectContaining({ cancelled: 1, status: 'Halted' }));
  expect((await wb.getAction(action.id)).body.status).toBe('Cancelled');
});

test('keepsTheAuditChainVerifiedAcrossTheWholeFlow', async () => {
  const opp = await wb.opportunity(16);
  const action = await wb.propose(opp.Id, { Amount: Math.round(opp.Amount * 1.35) });
  await wb.decide(action.id, 'Approve', MARIA);
  await wb.decide(action.id, 'Approve', SAM);
  const runId = (await wb.getAction(action.id)).body.runId;
  const timeline = await wb.controller('getRunTimeline', { runId }, MARIA);
  expect(timeline.body.chain.verified).toBe(true);
  expect(timeline.body.events.map((e: { type: string }) => e.type)).toEqual(
    expect.arrayContaining([
      'RunStarted',
      'ActionProposed',
      'PolicyDecided',
      'ApprovalRequested',
      'ApprovalRecorded',
      'Applied',
    ]),
  );
  // Tampering with a stored payload (in the database, past the insert-only trigger) breaks the chain there.
  const event = [...wb.app.demo.org.db.table('AuditEvent__c')].find((e) => e.fields.get('eventtype__c') === 'Applied');
  if (!event) throw new Error('no Applied event');
  const payload = event.fields.get('payload__c') as string;
  event.fields.set('payload__c', payload.replace('"Applied"', '"Applied "'));
  const broken = await wb.controller('getRunTimeline', { runId }, MARIA);
  expect(broken.body.chain.verified).toBe(false);
  expect(broken.body.chain.brokenAt).toBe(
    Number((event.fields.get('sequence__c') as { toString(): string }).toString()),
  );
});

test('listsOnlyDecidableActionsForMine', async () => {
  const opp = await wb.opportunity(17);
  const caseRecord = (await wb.records('Case'))[1];
  await wb.propose(opp.Id, { StageName: 'Closed Won' });
  await wb.submit({
    run: { agent: 'support-agent' },
    actions: [
      {
        idempotencyKey: 'case-mine',
        object: 'Case',
        recordId: caseRecord.Id,
        operation: 'update',
        changes: { Priority: 'Low' },
      },
    ],
  });
  // Ada (View All) sees both; she may decide only the Case, routed to her group (ActionPlane_Approvers).
  const all = await wb.controller('getInbox', { status: 'Open' }, ADA);
  const mine = await wb.controller('getInbox', { status: 'Open', mine: true }, ADA);
  expect(all.body.total).toBe(2);
  expect(mine.body.total).toBe(1);
  expect(mine.body.rows[0].objectName).toBe('Case');
  // Maria sees only what is shared with her group, and may decide it.
  const maria = await wb.controller('getInbox', { status: 'Open', mine: true }, MARIA);
  expect(maria.body.rows.map((r: { objectName: string }) => r.objectName)).toEqual(['Opportunity']);
  // A user without the approver permission set has no access to the controller class at all.
  const viewer = await wb.controller('getInbox', { status: 'Open', mine: true }, VIEWER);
  expect(viewer.status).toBe(403);
  expect(viewer.body.message).toBe("You do not have access to the Apex class named 'ActionInboxController'.");
});

test('resetRestoresTheInitialStateWithTheSameIds', async () => {
  const initial = await wb.snapshot();
  const opp = await wb.opportunity(18);
  await wb.propose(opp.Id, { NextStep: 'Changed' }, 0.95);
  expect(await wb.snapshot()).not.toBe(initial);
  const res = await wb.request('POST', '/workbench/api/reset');
  expect(res.status).toBe(200);
  expect(await wb.snapshot()).toBe(initial);
});

test('servesThirtyOrMoreDeterministicOpportunities', async () => {
  const other = await WorkbenchClient.start();
  const [mine, theirs] = [await wb.records(), await other.records()];
  await other.close();
  expect(mine.length).toBeGreaterThanOrEqual(30);
  expect(mine.map((r) => r.Id)).toEqual(theirs.map((r) => r.Id));
  expect(mine.every((r) => /^006[A-Za-z0-9]{15}$/.test(r.Id))).toBe(true);
  const unknown = await wb.request('GET', '/workbench/api/records/Spaceship__c');
  expect(unknown.status).toBe(404);
});

test('movesEveryAutoRunToApprovalInApproveAllMode', async () => {
  await wb.request('POST', '/workbench/api/settings', { Mode__c: 'ApproveAll' });
  const opp = await wb.opportunity(19);
  const action = await wb.propose(opp.Id, { NextStep: 'Would have run' }, 0.95);
  expect(action.status).toBe('PendingApproval');
});
