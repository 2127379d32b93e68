/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- response bodies are untyped JSON, asserted field by field */
/**
 * The flows of issue 8 (and issue 18's governed create and delete), as a person does them in the browser, checked
 * against the server's state through REST.
 */
import { assert, assertEqual, REST, type BrowserTest, type Json, type TestContext } from './browserHarness';

const MARIA = 'maria.lopez@actionplane.demo';
const SAM = 'sam.okafor@actionplane.demo';
const ADA = 'ada.admin@actionplane.demo';

/** Polls `read` until `ok` holds (the UI acts asynchronously); fails with the last value seen. */
async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > until) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await read();
  }
  return last;
}

/** The action's status through REST v1, as `user` (default: the demo agent, who sees the actions it proposed). */
async function actionStatus(t: TestContext, id: string, user?: string): Promise<string> {
  return (await t.api('GET', `${REST}/actions/${id}`, undefined, user)).body.status as string;
}

async function openReview(t: TestContext, actionName: string): Promise<void> {
  await t.page.locator('c-action-inbox a.open-review', { hasText: actionName }).click();
  await t.page.locator('c-action-review c-field-diff').waitFor();
}

/** The Undo window of a single-key decision (the inbox's default): long enough to press Undo, short for a test. */
const UNDO_MS = 5000;

async function click(t: TestContext, selector: string): Promise<void> {
  await t.page.locator(`${selector} button`).click();
}

/** An agent's proposal of one create or delete of an Opportunity through REST v1 (as the demo agent unless `user`). */
async function proposeOperation(t: TestContext, action: Record<string, unknown>, user?: string): Promise<Json> {
  const res = await t.api(
    'POST',
    `${REST}/actions`,
    {
      run: { agent: 'pipeline-agent', source: 'External', goal: 'Browser test: tidy the pipeline' },
      actions: [
        {
          idempotencyKey: `${t.testName}-${String(action.operation)}`,
          object: 'Opportunity',
          confidence: 0.9,
          rationale: 'Browser test',
          ...action,
        },
      ],
    },
    user,
  );
  if (res.status !== 201) throw new Error(`propose failed ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.actions[0];
}

const NEW_DEAL = { Name: 'Globex — Expansion', StageName: 'Prospecting', CloseDate: '2027-03-31', Amount: 42000 };

/** The column headings of the review's diff. */
async function diffHeadings(t: TestContext): Promise<string[]> {
  return (await t.page.locator('c-action-review c-field-diff thead th').allInnerTexts()).map((text) => text.trim());
}

export const tests: BrowserTest[] = [
  {
    name: 'flow-autoRunChangeIsAppliedImmediately',
    async run(t) {
      const opp = (await t.records())[0];
      await t.open(MARIA);
      await t.page.locator('select.wb-sample').selectOption('nextstep');
      await t.page.locator('button.wb-submit-button').click();
      await t.page.locator('.wb-last-submit', { hasText: 'Applied' }).waitFor();
      const after = (await t.records())[0];
      assertEqual(after.NextStep, 'Send signed order form to finance', 'NextStep on the record');
      assert(opp.NextStep !== after.NextStep, 'the record changed');
      await t.screenshot('applied');
    },
  },
  {
    name: 'flow-approveShowsExactDiffThenAppliesAndTimelineVerifies',
    async run(t) {
      const opp = (await t.records())[1];
      const action = await t.propose(opp.Id, { StageName: 'Closed Won' });
      await t.open(MARIA);
      await openReview(t, 'PA-00000001');
      const before = (await t.page.locator('c-field-diff td.value-before').first().innerText()).trim();
      const after = (await t.page.locator('c-field-diff td.value-after').first().innerText()).trim();
      assertEqual(before, opp.StageName, 'diff before');
      assert(after.includes('Closed Won'), `diff after shows Closed Won, got '${after}'`);
      await t.screenshot('review');
      await click(t, 'c-action-review lightning-button.approve');
      await eventually(
        () => actionStatus(t, action.id),
        (s) => s === 'Applied',
        'status after approve',
      );
      assertEqual((await t.records())[1].StageName, 'Closed Won', 'StageName on the record');
      await t.page.locator('button.wb-tab[data-tab="runs"]').click();
      await t.page.locator('c-run-timeline ol.events li').first().waitFor();
      const chain = await t.page.locator('c-run-timeline [role="status"]').first().innerText();
      assert(/verified/i.test(chain), `timeline shows a verified chain, got '${chain}'`);
      await t.screenshot('timeline');
    },
  },
  {
    name: 'flow-quorumOfTwoWithAUserSwitch',
    async run(t) {
      const opp = (await t.records())[2];
      const action = await t.propose(opp.Id, { Amount: Math.round(opp.Amount * 1.35) });
      assertEqual(action.status, 'PendingApproval', 'status after propose');
      await t.open(MARIA);
      await openReview(t, 'PA-00000001');
      await click(t, 'c-action-review lightning-button.approve');
      await eventually(
        async () => (await t.api('GET', `${REST}/actions/${action.id}`)).body.decisions.length,
        (n) => n === 1,
        'first approval',
      );
      assertEqual(await actionStatus(t, action.id), 'PendingApproval', 'still pending after one approval');
      await t.switchUser(SAM);
      await t.page.locator('c-action-inbox a.open-review', { hasText: 'PA-00000001' }).click();
      await t.page.locator('c-action-review lightning-button.approve').waitFor();
      await click(t, 'c-action-review lightning-button.approve');
      await eventually(
        () => actionStatus(t, action.id),
        (s) => s === 'Applied',
        'status after second approval',
      );
      assertEqual((await t.records())[2].Amount, Math.round(opp.Amount * 1.35), 'Amount on the record');
      await t.screenshot('applied');
    },
  },
  {
    name: 'flow-selfApprovalIsRefused',
    async run(t) {
      const account = (await t.records('Account'))[0];
      const res = await t.api(
        'POST',
        `${REST}/actions`,
        {
          run: { agent: 'admin-script' },
          actions: [
            {
              idempotencyKey: 'self',
              object: 'Account',
              recordId: account.Id,
              operation: 'update',
              changes: { Rating: 'Cold' },
            },
          ],
        },
        ADA,
      );
      const id = res.body.actions[0].id as string;
      await t.open(ADA, 'inbox?c__mine=0');
      await openReview(t, 'PA-00000001');
      const why = await t.page.locator('c-action-review .cannot-decide').innerText();
      assert(/proposed|four-eyes/i.test(why), `review says why Ada cannot decide, got '${why}'`);
      assertEqual(await t.page.locator('c-action-review lightning-button.approve').count(), 0, 'approve buttons shown');
      const direct = await t.api(
        'POST',
        '/workbench/api/controller/decide',
        { actionIds: [id], decision: 'Approve' },
        ADA,
      );
      assertEqual(direct.body.results[0].ok, false, 'server refuses self-approval too');
      assertEqual(await actionStatus(t, id, ADA), 'PendingApproval', 'status');
      await t.screenshot('refused');
    },
  },
  {
    name: 'flow-rejectWithReasonVisibleThroughRest',
    async run(t) {
      const opp = (await t.records())[3];
      const action = await t.propose(opp.Id, { StageName: 'Closed Won' });
      await t.open(MARIA);
      await openReview(t, 'PA-00000001');
      await click(t, 'c-action-review lightning-button.reject');
      await t.page.locator('c-action-review section.reject-form textarea.reason').fill('No signed order form yet');
      await click(t, 'c-action-review lightning-button.confirm-reject');
      const detail = await eventually(
        async () => (await t.api('GET', `${REST}/actions/${action.id}`)).body,
        (b) => b.status === 'Rejected',
        'status after reject',
      );
      assertEqual(detail.decisions[0].reason, 'No signed order form yet', 'reject reason through GET /actions/{id}');
      assertEqual((await t.records())[3].StageName, opp.StageName, 'record untouched');
      await t.screenshot('rejected');
    },
  },
  {
    name: 'flow-editThenApprove',
    async run(t) {
      const opp = (await t.records())[4];
      const action = await t.propose(opp.Id, { StageName: 'Closed Won' });
      await t.open(MARIA);
      await openReview(t, 'PA-00000001');
      await click(t, 'c-action-review lightning-button.edit');
      await t.page.locator('c-field-diff td.value-after select').selectOption('Negotiation/Review');
      // The server checks the edit against policy first; the button waits for its answer.
      await t.page.locator('c-action-review .preview-message').waitFor();
      await t.screenshot('editing');
      await click(t, 'c-action-review lightning-button.approve-edited');
      await eventually(
        () => actionStatus(t, action.id),
        (s) => s === 'Applied',
        'status after edit+approve',
      );
      assertEqual((await t.records())[4].StageName, 'Negotiation/Review', 'edited value on the record');
      const change = (await t.api('GET', `${REST}/actions/${action.id}`)).body.fieldChanges[0];
      assertEqual(change.originalProposed, 'Closed Won', 'original proposal kept');
    },
  },
  {
    name: 'flow-staleRecordBecomesConflict',
    async run(t) {
      const opp = (await t.records())[5];
      const action = await t.propose(opp.Id, { StageName: 'Closed Won' });
      await t.open(MARIA);
      await openReview(t, 'PA-00000001');
      const edit = await t.api('PATCH', `/workbench/api/records/Opportunity/${opp.Id}`, { StageName: 'Closed Lost' });
      assertEqual(edit.status, 200, 'human edit');
      await click(t, 'c-action-review lightning-button.approve');
      const detail = await eventually(
        async () => (await t.api('GET', `${REST}/actions/${action.id}`)).body,
        (b) => b.status === 'Conflict',
        'status after approving a stale plan',
      );
      assert(
        String(detail.resultMessage).includes('StageName'),
        `conflict names the drifted field: ${detail.resultMessage}`,
      );
      assertEqual((await t.records())[5].StageName, 'Closed Lost', 'the human edit stands');
      await t.page.locator('c-action-review lightning-button.replan').waitFor();
      await t.screenshot('conflict');
    },
  },
  {
    name: 'flow-compensateAnAppliedChange',
    async run(t) {
      const opp = (await t.records())[6];
      const action = await t.propose(opp.Id, { NextStep: 'Wrong next step' }, 0.95);
      assertEqual(action.status, 'Applied', 'AutoRun applied');
      // An action that ran automatically was never shared with an approver group: the admin (View All) undoes it.
      // Applied actions are nobody's to decide: the Mine filter is off to list them.
      await t.open(ADA, 'inbox?c__mine=0');
      await t.page.locator('c-action-inbox select[data-filter="status"]').selectOption('Applied');
      await openReview(t, 'PA-00000001');
      await t.page.locator('c-action-review textarea.revert-reason').fill('Agent misread the call notes');
      await click(t, 'c-action-review lightning-button.compensate');
      await eventually(
        () => actionStatus(t, action.id),
        (s) => s === 'Compensated',
        'original after compensate',
      );
      assertEqual((await t.records())[6].NextStep, opp.NextStep, 'NextStep reverted');
      await t.screenshot('compensated');
    },
  },
  {
    name: 'flow-keyboardOnlyTriageOfFiveItems',
    async run(t) {
      const opps = (await t.records()).slice(10, 15);
      const ids: string[] = [];
      for (const opp of opps) ids.push((await t.propose(opp.Id, { StageName: 'Closed Won' })).id as string);
      const applied = async () =>
        (await Promise.all(ids.map((id) => actionStatus(t, id)))).filter((s) => s === 'Applied').length;
      await t.open(MARIA);
      await t.page.locator('c-action-inbox a.open-review').nth(4).waitFor();
      await t.page.locator('c-action-inbox .triage-list').focus();
      const k = t.page.keyboard;
      await k.press('a'); // approve the first row: it waits for Undo, focus moves to the next row
      await k.press('a'); // approve that one too: the first is sent now
      await eventually(applied, (n) => n === 1, 'the first approval is sent when the second is made');
      await eventually(applied, (n) => n === 2, 'the second is sent when its Undo window closes', UNDO_MS + 4000);
      await t.page.locator('c-action-inbox a.open-review').nth(3).waitFor({ state: 'detached' });
      await k.press('x'); // select, move, select: two rows to reject together
      await k.press('j');
      await k.press('x');
      await k.press('r');
      await t.page.locator('c-action-inbox textarea.bulk-reason').waitFor();
      await k.type('Duplicate of another deal');
      await k.press('Tab');
      await k.press('Enter');
      const statuses = await eventually(
        async () => Promise.all(ids.map((id) => actionStatus(t, id))),
        (s) => s.filter((x) => x === 'Rejected').length === 2,
        'two rejected',
      );
      assertEqual(statuses.filter((s) => s === 'PendingApproval').length, 1, 'one left pending');
      await t.screenshot('triaged');
    },
  },
  {
    name: 'flow-everyRestErrorCodeWritesNothing',
    async run(t) {
      await t.open(MARIA);
      const opp = (await t.records())[0];
      // A key the agent has used (its action ran at once, so Maria's inbox stays empty): another user may not reuse it.
      const taken = await t.propose(opp.Id, { NextStep: 'Book the demo' }, 0.95, 'taken-key');
      assertEqual(taken.status, 'Applied', 'setup: the agent used the key');
      const snapshot = async () =>
        JSON.stringify([await t.records(), (await t.api('GET', '/workbench/api/runs')).body]);
      const before = await snapshot();
      const base = {
        idempotencyKey: 'e',
        object: 'Opportunity',
        recordId: opp.Id,
        operation: 'update',
        changes: { NextStep: 'x' },
      };
      const body = (a: Record<string, unknown>) => ({ run: { agent: 'a' }, actions: [{ ...base, ...a }] });
      const cases: [string, unknown, number, string?][] = [
        ['MALFORMED_JSON', '{"run":', 400],
        ['MISSING_FIELD', { actions: [base] }, 400],
        ['UNKNOWN_OBJECT', body({ object: 'Nope__c' }), 400],
        ['UNKNOWN_FIELD', body({ changes: { Nope__c: 1 } }), 400],
        ['NOT_UPDATEABLE', body({ changes: { IsWon: true } }), 400],
        ['INVALID_TYPE', body({ changes: { Amount: 'lots' } }), 400],
        ['INVALID_VALUE', body({ changes: { StageName: 'Nope' } }), 400],
        ['RECORD_NOT_FOUND', body({ recordId: '006000000000000AAA' }), 400],
        [
          'TOO_MANY_ACTIONS',
          {
            run: { agent: 'a' },
            actions: Array.from({ length: 201 }, (_, i) => ({ ...base, idempotencyKey: `m${i}` })),
          },
          400,
        ],
        [
          'DUPLICATE_FIELD',
          `{"run":{"agent":"a"},"actions":[{"idempotencyKey":"d","object":"Opportunity","recordId":"${opp.Id}","operation":"update","changes":{"NextStep":"a","NextStep":"b"}}]}`,
          400,
        ],
        ['NOT_ALLOWED', body({ idempotencyKey: 'taken-key' }), 403, ADA],
      ];
      for (const [code, payload, status, user] of cases) {
        const res = await t.api('POST', `${REST}/actions`, payload, user);
        assertEqual(res.status, status, `${code} status`);
        assert(
          res.body.errors.some((e: { code: string }) => e.code === code),
          `${code} in ${JSON.stringify(res.body)}`,
        );
      }
      // A user without the agent permission set meets the platform's refusal: no access to the REST class.
      const viewer = await t.api('POST', `${REST}/actions`, body({}), 'viewer@actionplane.demo');
      assertEqual([viewer.status, viewer.body[0]?.errorCode], [403, 'FORBIDDEN'], 'viewer');
      await t.api('POST', '/workbench/api/settings', { Mode__c: 'Paused' });
      const paused = await t.api('POST', `${REST}/actions`, body({}));
      assertEqual([paused.status, paused.body.errors[0].code], [503, 'PAUSED'], 'paused');
      assertEqual(await snapshot(), before, 'records and runs after every refused request');
      await t.page.locator('c-action-inbox .empty').waitFor();
      await t.screenshot('nothing-written');
    },
  },
  {
    name: 'flow-revertingAnAppliedDeleteProposesARestore',
    async run(t) {
      const opp = (await t.records())[4];
      const deletion = await proposeOperation(t, { operation: 'delete', recordId: opp.Id }, ADA);
      const decided = await t.api('POST', '/workbench/api/controller/decide', {
        actionIds: [deletion.id],
        decision: 'Approve',
      });
      assertEqual(decided.body.results[0].status, 'Applied', 'setup: Maria deleted the deal');
      // Reverting is the administrator's (as for updates); the restore is a Create that names the deleted record.
      await t.open(ADA, 'inbox?c__mine=0&c__status=Applied');
      await openReview(t, 'PA-00000001');
      await t.page.locator('c-action-review textarea.revert-reason').fill('It was not a duplicate');
      await click(t, 'c-action-review lightning-button.compensate');
      await eventually(
        async () => (await t.api('GET', `${REST}/actions/${deletion.id}`, undefined, ADA)).body.status,
        (s) => s === 'Applied',
        'the delete stays Applied until the restore is applied',
      );
      await t.page.locator('c-action-inbox select[data-filter="status"]').selectOption('Open');
      const row = t.page.locator('c-action-inbox tr.inbox-row', { hasText: 'PA-00000002' });
      await row.waitFor();
      assertEqual(
        (await row.locator('.operation').innerText()).trim(),
        'Restore Opportunity',
        'a restore, not a create',
      );
      await openReview(t, 'PA-00000002');
      const diff = t.page.locator('c-action-review c-field-diff');
      assertEqual(await diffHeadings(t), ['Field', 'Restored value'], 'the values that come back');
      assert((await diff.locator('.new-mark').first().innerText()).trim() === 'Restored', 'marked Restored, not New');
      assertEqual(await t.page.locator('c-action-review lightning-button.edit').count(), 0, 'nothing to edit');
      assertEqual(await row.locator('a.record-link').count(), 0, 'no link to a record in the Recycle Bin');
      // Not approved here: the restore goes to the default approvers, and Ada, their only member in the demo,
      // proposed it (four eyes).
      assert(
        (await row.locator('.not-yours').innerText()).includes('another approver decides'),
        'the reverter may not approve the restore',
      );
      await t.screenshot('restore');
    },
  },
  {
    name: 'flow-theShellProposesACreateAndItsDeleteIsRefusedInWords',
    async run(t) {
      const before = await t.records();
      await t.open(ADA);
      await t.page.locator('select.wb-sample').selectOption('create');
      await t.page.locator('button.wb-submit-button').click();
      await t.page.locator('.wb-last-submit', { hasText: 'PendingApproval' }).waitFor();
      const row = t.page.locator('c-action-inbox tr.inbox-row', { hasText: 'PA-00000001' });
      await row.waitFor();
      assertEqual((await row.locator('.operation').innerText()).trim(), 'Create Opportunity', 'the sample is a create');
      assert((await row.locator('.record-name').innerText()).includes('Follow-on'), 'named by its proposed name');
      await t.page.locator('select.wb-sample').selectOption('delete');
      await t.page.locator('button.wb-submit-button').click();
      const toast = t.page.locator('.wb-toast', { hasText: 'Submit failed' });
      await toast.waitFor();
      assert(/may not delete/.test(await toast.innerText()), 'the refusal says why');
      assertEqual((await t.records()).length, before.length, 'nothing was created or deleted');
    },
  },
  {
    name: 'flow-approvedCreateMakesTheRecordAndTheTimelineSaysSo',
    async run(t) {
      const action = await proposeOperation(t, { operation: 'create', changes: NEW_DEAL });
      assertEqual([action.operation, action.status, action.recordId], ['create', 'PendingApproval', null], 'proposed');
      // No policy covers creating an Opportunity: the default effect, from the default approvers (Ada's group).
      await t.open(ADA);
      const row = t.page.locator('c-action-inbox tr.inbox-row', { hasText: 'PA-00000001' });
      await row.waitFor();
      assertEqual((await row.locator('.operation').innerText()).trim(), 'Create Opportunity', 'the row says create');
      assertEqual(await row.locator('.cell-record a.record-link').count(), 0, 'no record to link to yet');
      assertEqual((await row.locator('.record-name').innerText()).trim(), NEW_DEAL.Name, 'named by the proposal');
      const lines = await row.locator('.change-line').allInnerTexts();
      assert(lines.includes('Amount: $42,000.00'), `the new values, without arrows: ${JSON.stringify(lines)}`);
      await t.screenshot('inbox-create');
      await openReview(t, 'PA-00000001');
      const title = await t.page.locator('c-action-review h2.review-title').innerText();
      assert(title.includes('Create Opportunity') && title.includes(NEW_DEAL.Name), `review title: '${title}'`);
      assertEqual(await diffHeadings(t), ['Field', 'New value'], 'a create has no Before column');
      const diff = t.page.locator('c-action-review c-field-diff');
      assertEqual(await diff.locator('td.value-before').count(), 0, 'no before values');
      assertEqual(await diff.locator('.new-mark').count(), 4, 'every field is marked New');
      assert(
        (await diff.locator('.operation-note').innerText()).startsWith('Creates a new Opportunity'),
        'the sentence above the table says it is a create',
      );
      await t.screenshot('diff-create');
      await click(t, 'c-action-review lightning-button.approve');
      const applied = await eventually(
        async () => (await t.api('GET', `${REST}/actions/${action.id}`)).body,
        (b) => b.status === 'Applied',
        'status after approving the create',
      );
      assert(typeof applied.recordId === 'string' && applied.recordId.startsWith('006'), `new id: ${applied.recordId}`);
      const created = (await t.records()).find((r) => r.Id === applied.recordId);
      assert(created !== undefined, 'the record exists');
      assertEqual(
        [created.Name, created.StageName, created.CloseDate, created.Amount],
        [NEW_DEAL.Name, NEW_DEAL.StageName, NEW_DEAL.CloseDate, NEW_DEAL.Amount],
        'the created record holds the approved values',
      );
      await t.page.locator('c-action-review .state-applied').waitFor();
      await t.page.locator('c-action-review h2.review-title a.record-link').waitFor();
      await t.screenshot('applied');
      await t.page.locator('button.wb-tab[data-tab="runs"]').click();
      await t.page.locator('c-run-timeline ol.events li').first().waitFor();
      const timeline = await t.page.locator('c-run-timeline').innerText();
      assert(timeline.includes(`Create Opportunity: ${NEW_DEAL.Name}`), `the timeline names the create: ${timeline}`);
      assert(/Approved → Applied/.test(timeline), `the timeline says it was applied: ${timeline}`);
      assert(!/ActionProposed|StatusChanged/.test(timeline), 'the timeline reads in words');
      await t.screenshot('timeline');
    },
  },
  {
    name: 'flow-editThenApproveACreateWritesTheEditedNewValue',
    async run(t) {
      const action = await proposeOperation(t, { operation: 'create', changes: NEW_DEAL });
      await t.open(ADA);
      await openReview(t, 'PA-00000001');
      await click(t, 'c-action-review lightning-button.edit');
      const amount = t.page.locator('c-field-diff input[data-field="Amount"]');
      assertEqual(await amount.inputValue(), '42000', 'the input starts at the proposed new value');
      await amount.fill('45000');
      await t.page.locator('c-action-review .preview-message').waitFor();
      await t.screenshot('editing-create');
      await click(t, 'c-action-review lightning-button.approve-edited');
      const applied = await eventually(
        async () => (await t.api('GET', `${REST}/actions/${action.id}`)).body,
        (b) => b.status === 'Applied',
        'status after approving the edited create',
      );
      const created = (await t.records()).find((r) => r.Id === applied.recordId);
      assertEqual([created?.Name, created?.Amount], [NEW_DEAL.Name, 45000], 'created with the edited Amount');
    },
  },
  {
    name: 'flow-approvedDeleteRemovesTheRecord',
    async run(t) {
      const opp = (await t.records())[3];
      // The inbox with both kinds side by side (the create goes to Ada's group, the delete to the sales managers).
      await proposeOperation(t, { operation: 'create', changes: NEW_DEAL });
      // Intake refuses a delete its caller may not do itself, and the demo agent (a Standard User) may not delete
      // Maria's deals; the administrator's script proposes it, and Maria, who owns the deal, decides and deletes it.
      const action = await proposeOperation(t, { operation: 'delete', recordId: opp.Id }, ADA);
      assertEqual([action.operation, action.status], ['delete', 'PendingApproval'], 'proposed');
      await t.open(ADA, 'inbox?c__mine=0');
      await t.page.locator('c-action-inbox tr.inbox-row').nth(1).waitFor();
      const operations = (await t.page.locator('c-action-inbox tr.inbox-row .operation').allInnerTexts()).map((o) =>
        o.trim(),
      );
      assertEqual([...operations].sort(), ['Create Opportunity', 'Delete Opportunity'], 'both operations in words');
      await t.screenshot('inbox-create-and-delete');
      await t.switchUser(MARIA);
      const row = t.page.locator('c-action-inbox tr.inbox-row', { hasText: 'PA-00000002' });
      await row.waitFor();
      assertEqual((await row.locator('.operation').innerText()).trim(), 'Delete Opportunity', 'the row says delete');
      assertEqual((await row.locator('.record-link').innerText()).trim(), opp.Name, 'the record it deletes');
      assert((await row.locator('.change-line del').count()) > 0, 'the values it removes are struck through');
      await openReview(t, 'PA-00000002');
      const title = await t.page.locator('c-action-review h2.review-title').innerText();
      assert(title.includes('Delete Opportunity') && title.includes(opp.Name), `review title: '${title}'`);
      assertEqual(await diffHeadings(t), ['Field', 'Removed value', 'Now'], 'a delete has no After column');
      const diff = t.page.locator('c-action-review c-field-diff');
      const fields = await diff.locator('tr.value-row').count();
      assert(fields >= 4, `the record's values are listed: ${fields}`);
      assertEqual(await diff.locator('.removed-mark').count(), fields, 'every value is marked Removed');
      assertEqual(await diff.locator('del.removed-value').count(), fields, 'every value is struck through');
      assert(
        (await diff.locator('del.removed-value').allInnerTexts()).includes(opp.Name),
        'the name it removes is among them',
      );
      assertEqual(await t.page.locator('c-action-review lightning-button.edit').count(), 0, 'no edit for a delete');
      await t.screenshot('diff-delete');
      await click(t, 'c-action-review lightning-button.approve');
      await eventually(
        () => actionStatus(t, action.id, ADA),
        (s) => s === 'Applied',
        'status after approving the delete',
      );
      assert(!(await t.records()).some((r) => r.Id === opp.Id), 'the record is gone');
      await t.page.locator('c-action-review .state-applied').waitFor();
      await t.screenshot('applied');
    },
  },
];
