/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON, asserted field by field */
/**
 * Issue 17: the approver's surface tried as a new approver would — keyboard triage on the shown action with focus
 * kept, one-click selection, an edit that raises the approvals, drift before the vote, lookups as names, the loser
 * of a two-tab race, live updates, page state, re-plan, narrow widths and axe-core on every component.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { assert, assertEqual, REST, type BrowserTest, type TestContext } from './browserHarness';

const MARIA = 'maria.lopez@actionplane.demo';
const SAM = 'sam.okafor@actionplane.demo';
const ADA = 'ada.admin@actionplane.demo';
const AXE = join(process.cwd(), 'node_modules', 'axe-core', 'axe.min.js');

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

async function action(t: TestContext, id: string): Promise<Json> {
  return (await t.api('GET', `${REST}/actions/${id}`)).body;
}
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- REST bodies

async function press(t: TestContext, selector: string): Promise<void> {
  await t.page.locator(`${selector} button`).click();
}

/** The inbox's review panel's action name (the one keys act on). */
async function shownActionName(page: Page): Promise<string> {
  return (await page.locator('c-action-review .review-title .action-name').innerText()).trim();
}

/** Whether keyboard focus is on the inbox's highlighted row (inside the synthetic shadow trees). */
async function focusOnActiveRow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    let node: Element | null = document.activeElement;
    while (node && (node as HTMLElement).shadowRoot?.activeElement)
      node = (node as HTMLElement).shadowRoot!.activeElement;
    const row = node?.closest?.('tr.active-row') as HTMLElement | null;
    return row ? (row.dataset.id ?? null) : null;
  });
}

/**
 * axe-core 4.14 (from npm) on one component: every rule, no violation allowed. The components live in LWC's
 * synthetic shadow trees (as in Lightning Experience), which axe's shadow selectors do not reach, so the component
 * element itself is handed to axe, found through each host's shadowRoot along `component` (e.g. "c-action-inbox
 * c-action-review", under the workbench shell).
 */
async function axeClean(t: TestContext, component: string, what: string): Promise<void> {
  await t.page.addScriptTag({ path: AXE });
  const path = ['wb-app', ...component.split(' ')];
  const { checked, violations } = await t.page.evaluate(async (hosts) => {
    let node: Element | null = document.querySelector(hosts[0] as string);
    for (const host of hosts.slice(1)) node = node?.shadowRoot?.querySelector(host) ?? null;
    if (!node) throw new Error(`no ${hosts.join(' > ')} on the page`);
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run(node, { resultTypes: ['violations'] })) as {
      violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
      passes: { nodes: unknown[] }[];
    };
    // A run that looked at nothing would pass too: count what it checked.
    return { checked: result.passes.reduce((sum, rule) => sum + rule.nodes.length, 0), violations: result.violations };
  }, path);
  assert(checked > 10, `axe-core checked ${checked} nodes of ${what}: the component was not reached`);
  const summary = violations.map(
    (v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
  assertEqual(summary, [], `axe-core violations on ${what}`);
}

/** A stage the opportunity is not in (the demo deals cycle through the open stages). */
function otherStage(opp: Json): string {
  return opp.StageName === 'Value Proposition' ? 'Perception Analysis' : 'Value Proposition';
}

/** An Account owner change to Sam: routed to the default approvers (ActionPlane Approvers, Ada's group). */
async function proposeOwnerChange(t: TestContext): Promise<Json> {
  const account = (await t.records('Account'))[0];
  const users = (await t.api('GET', '/workbench/api/users')).body.users as { id: string; username: string }[];
  const sam = users.find((u) => u.username === SAM)?.id;
  const res = await t.api('POST', `${REST}/actions`, {
    run: { agent: 'territory-agent' },
    actions: [
      {
        idempotencyKey: `${t.testName}-owner`,
        object: 'Account',
        recordId: account.Id,
        operation: 'update',
        changes: { OwnerId: sam },
        confidence: 0.9,
        rationale: 'Sam now covers this territory.',
      },
    ],
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.actions[0];
}

export const tests: BrowserTest[] = [
  {
    name: 'approver-keyboardTriageActsOnTheShownActionAndKeepsFocus',
    async run(t) {
      const opps = (await t.records()).slice(0, 3);
      const ids: string[] = [];
      for (const opp of opps) ids.push((await t.propose(opp.Id, { StageName: otherStage(opp) })).id as string);
      await t.open(MARIA);
      await t.page.locator('c-action-inbox a.open-review').nth(2).waitFor();
      await t.page.locator('c-action-inbox .triage-list').focus();
      const k = t.page.keyboard;
      await k.press('Enter');
      await t.page.locator('c-action-review c-field-diff').waitFor();
      const first = await shownActionName(t.page);
      await k.press('j'); // the review follows the highlighted row
      await t.page.locator('c-action-review .review-title', { hasNotText: first }).waitFor();
      const shown = await shownActionName(t.page);
      const activeId = await focusOnActiveRow(t.page);
      assert(activeId !== null, 'focus is on the highlighted row after j');
      const activeName = await t.page.locator('c-action-inbox tr.active-row a.open-review').innerText();
      assertEqual(activeName.trim(), shown, 'the review shows the highlighted row');
      await k.press('a');
      const bar = t.page.locator('c-action-inbox .undo-bar');
      await bar.waitFor();
      const barText = await bar.innerText();
      assert(barText.includes(shown), `the undo bar names the shown action ${shown}: '${barText}'`);
      await t.screenshot('undo-bar');
      await k.press('u'); // undo: nothing is sent
      await bar.waitFor({ state: 'detached' });
      await new Promise((r) => setTimeout(r, 300));
      assertEqual(
        (await Promise.all(ids.map(async (id) => (await action(t, id)).status))).filter((s) => s !== 'PendingApproval'),
        [],
        'nothing decided after Undo',
      );
      assertEqual(await focusOnActiveRow(t.page), activeId, 'focus is back on the undone row');
      await k.press('a');
      await bar.waitFor();
      await t.page.locator('c-action-inbox .undo-bar button.send-now').click();
      const applied = await eventually(
        async () => (await Promise.all(ids.map((id) => action(t, id)))).filter((a) => a.status === 'Applied'),
        (a) => a.length === 1,
        'the shown action is applied',
      );
      assertEqual(applied[0]?.id, activeId, 'the action applied is the one the review showed');
      await eventually(
        () => t.page.locator('c-action-inbox tr.inbox-row').count(),
        (n) => n === 2,
        'the decided row left',
      );
      const next = await eventually(
        () => focusOnActiveRow(t.page),
        (id) => id !== null,
        'focus on the next pending row',
      );
      assert(next !== activeId && ids.includes(String(next)), `focus moved on to another pending row: ${next}`);
      await k.press('j'); // keys still work after the decision (focus did not drop to the body)
      await k.press('k');
      assert((await focusOnActiveRow(t.page)) !== null, 'focus stays in the list');
    },
  },
  {
    name: 'approver-aRowIsSelectedWithTheFirstClick',
    async run(t) {
      for (const opp of (await t.records()).slice(0, 2)) await t.propose(opp.Id, { StageName: otherStage(opp) });
      await t.open(MARIA);
      await t.page.locator('c-action-inbox input.select-row').nth(1).click();
      await t.page.locator('c-action-inbox .selection-count', { hasText: '1 selected' }).waitFor();
      assert(await t.page.locator('c-action-inbox input.select-row').nth(1).isChecked(), 'the checkbox is checked');
    },
  },
  {
    name: 'approver-anEditThatRaisesTheApprovalsSaysSoBeforeSending',
    async run(t) {
      const opp = (await t.records())[3];
      const proposed = await t.propose(opp.Id, { Amount: Math.round(opp.Amount * 1.1) });
      assertEqual(proposed.status, 'PendingApproval', 'a 10% rise waits for one approval');
      await t.open(MARIA);
      await t.page.locator('c-action-inbox a.open-review').first().click();
      await t.page
        .locator('c-action-review [data-badge="progress"]', { hasText: '0 of 1 from Sales Managers' })
        .waitFor();
      await press(t, 'c-action-review lightning-button.edit');
      await t.page.locator('c-field-diff input[data-field="Amount"]').fill(String(opp.Amount * 2));
      await t.page
        .locator('c-action-review .preview-message', {
          hasText:
            'This edit needs 2 approvals instead of 1 approval: after your approval the action waits for 1 more.',
        })
        .waitFor();
      await t.page
        .locator('c-action-review [data-badge="progress"]', { hasText: '0 of 2 from Sales Managers' })
        .waitFor();
      const delta = await t.page.locator('c-field-diff [data-cell="change"]').innerText();
      assert(delta.includes('+100%'), `the delta recomputes as typed: '${delta}'`);
      await t.page.locator('c-action-review .headline', { hasText: 'Needs 2 approvals from Sales Managers' }).waitFor();
      assertEqual((await action(t, proposed.id)).requiredApprovals, 1, 'nothing written before sending');
      await t.screenshot('edit-raises-approvals');
      await press(t, 'c-action-review lightning-button.approve-edited');
      await t.page.locator('.wb-toast', { hasText: '1 of 2 approvals, waiting for one more' }).waitFor();
      const after = await eventually(
        () => action(t, proposed.id),
        (a) => a.requiredApprovals === 2,
        'the edited action needs two approvals',
      );
      assertEqual(after.status, 'PendingApproval', 'still waiting for a second approver');
      assertEqual((await t.records())[3].Amount, opp.Amount, 'the record is untouched');
    },
  },
  {
    name: 'approver-driftIsShownBeforeTheVote',
    async run(t) {
      const opp = (await t.records())[5];
      const proposed = await t.propose(opp.Id, { StageName: 'Closed Won' });
      await t.api('PATCH', `/workbench/api/records/Opportunity/${opp.Id}`, { StageName: 'Closed Lost' });
      await t.open(MARIA, `inbox?c__action=${proposed.id}`);
      await t.page
        .locator('c-action-review .state-stale', { hasText: 'The record changed since the agent planned (Stage)' })
        .waitFor();
      const now = await t.page.locator('c-field-diff [data-cell="current"]').innerText();
      assert(
        now.includes('Closed Lost') && now.includes('Changed since the agent planned'),
        `the current value is flagged: '${now}'`,
      );
      assertEqual((await action(t, proposed.id)).decisions.length, 0, 'nobody voted yet');
      await t.screenshot('stale');
      await press(t, 'c-action-review lightning-button.approve');
      await t.page.locator('.wb-toast.slds-theme_warning', { hasText: 'approved but not applied' }).waitFor();
      await t.page.locator('c-action-review lightning-button.replan').waitFor();
    },
  },
  {
    name: 'approver-appliedSaysAppliedAsApprovedWithoutADriftWarning',
    async run(t) {
      const opp = (await t.records())[6];
      const proposed = await t.propose(opp.Id, { StageName: otherStage(opp) });
      await t.open(MARIA, `inbox?c__action=${proposed.id}`);
      await press(t, 'c-action-review lightning-button.approve');
      await t.page
        .locator('c-action-review .state-applied', { hasText: 'Applied as approved by Maria Lopez' })
        .waitFor();
      assertEqual(await t.page.locator('c-field-diff .drift').count(), 0, 'no drift warning on an applied change');
      assertEqual(await t.page.locator('c-action-review [data-badge="effect"]').count(), 0, 'no stale effect badge');
    },
  },
  {
    name: 'approver-lookupsUsersAndGroupsReadAsNames',
    async run(t) {
      const proposed = await proposeOwnerChange(t);
      const opp = (await t.records())[3];
      await t.propose(opp.Id, { StageName: otherStage(opp) });
      // Ada (View All) sees the deal routed to Sales Managers, not hers to decide, and the owner change, hers.
      await t.open(ADA, 'inbox?c__mine=0');
      await t.page.locator('c-action-inbox .not-yours', { hasText: 'Not yours (Sales Managers)' }).waitFor();
      const row = await t.page.locator(`c-action-inbox tr[data-id="${proposed.id}"] td.changes`).innerText();
      assert(row.includes('Maria Lopez') && row.includes('Sam Okafor'), `the row names the owners: '${row}'`);
      await t.open(ADA, `inbox?c__action=${proposed.id}&c__mine=0`);
      await t.page.locator('c-field-diff a.record-value', { hasText: 'Sam Okafor' }).waitFor();
      const review = await t.page.locator('c-action-review').innerText();
      assert(review.includes('Maria Lopez'), 'the before value is a name');
      assert(!/0055g0000000\d{3}AAA/.test(review), `no user id is shown: '${review}'`);
      assert(!review.includes('ActionPlane_Approvers'), 'the group is named by its label');
    },
  },
  {
    name: 'approver-theLoserOfATwoTabRaceSeesTheWinnersDecision',
    async run(t) {
      const opp = (await t.records())[7];
      const proposed = await t.propose(opp.Id, { StageName: otherStage(opp) });
      // Maria's tab lost its live stream (a laptop lid closed): it still shows the action as pending.
      await t.page.route('**/workbench/api/events', (route) => route.abort());
      await t.open(MARIA, `inbox?c__action=${proposed.id}`);
      await t.page.locator('c-action-review lightning-button.approve').waitFor();
      const won = await t.api(
        'POST',
        '/workbench/api/controller/decide',
        { actionIds: [proposed.id], decision: 'Approve' },
        SAM,
      );
      assertEqual(won.body.results[0].ok, true, 'Sam decides first in the other tab');
      await press(t, 'c-action-review lightning-button.approve');
      await t.page
        .locator('.wb-toast.slds-theme_warning', { hasText: `was already decided by Sam Okafor: it is Applied` })
        .waitFor();
      await t.page.locator('c-action-review [data-badge="status"]', { hasText: 'Applied' }).waitFor();
      assertEqual(
        await t.page.locator('c-action-review lightning-button.approve').count(),
        0,
        'no Approve button left',
      );
      await t.page.locator('c-action-review .state-applied', { hasText: 'Sam Okafor' }).waitFor();
      assertEqual(
        await t.page.locator(`c-action-inbox tr[data-id="${proposed.id}"]`).count(),
        0,
        'the list refreshed: the row is gone from Maria’s pending list',
      );
    },
  },
  {
    name: 'approver-newProposalsAndDecisionsArriveWithoutARefresh',
    async run(t) {
      const opps = await t.records();
      await t.open(MARIA);
      await t.page.locator('c-action-inbox .empty').waitFor();
      const proposed = await t.propose(opps[8].Id, { StageName: 'Qualification' });
      await t.page.locator(`c-action-inbox tr[data-id="${proposed.id}"]`).waitFor();
      await t.page.locator(`c-action-inbox a.open-review[data-id="${proposed.id}"]`).click();
      await t.page.locator('c-action-review lightning-button.approve').waitFor();
      await t.api('POST', '/workbench/api/controller/decide', { actionIds: [proposed.id], decision: 'Approve' }, SAM);
      await t.page.locator('c-action-review [data-badge="status"]', { hasText: 'Applied' }).waitFor();
      await t.page.locator(`c-action-inbox tr[data-id="${proposed.id}"]`).waitFor({ state: 'detached' });
    },
  },
  {
    name: 'approver-theOpenReviewAndATypedReasonSurviveAReload',
    async run(t) {
      const opp = (await t.records())[9];
      const proposed = await t.propose(opp.Id, { StageName: otherStage(opp) });
      await t.open(MARIA);
      await t.page.locator('c-action-inbox a.open-review').first().click();
      await press(t, 'c-action-review lightning-button.reject');
      await t.page.locator('c-action-review textarea.reason').fill('Waiting for the signed order form');
      await eventually(
        () => t.page.evaluate(() => window.location.hash),
        (hash) => hash.includes(`c__action=${proposed.id}`),
        'the address names the open review',
      );
      t.page.once('dialog', (dialog) => void dialog.accept()); // the "leave site?" warning for the unsent reason
      await t.page.reload();
      await t.page.locator('c-action-review textarea.reason').waitFor();
      assertEqual(
        await t.page.locator('c-action-review textarea.reason').inputValue(),
        'Waiting for the signed order form',
        'the typed reason is back',
      );
      await t.page.locator('c-action-review .draft-restored').waitFor();
    },
  },
  {
    name: 'approver-aReplanOpensTheNewActionWhichSaysWhatItReplaces',
    async run(t) {
      const opp = (await t.records())[10];
      const proposed = await t.propose(opp.Id, { StageName: 'Closed Won' });
      await t.api('POST', '/workbench/api/clock/advance', { hours: 200 });
      assertEqual((await action(t, proposed.id)).status, 'Expired', 'setup: the action expired');
      // The re-plan is Maria's proposal (another approver decides it): the Mine filter is off to list it.
      await t.open(MARIA, `inbox?c__action=${proposed.id}&c__status=All&c__mine=0`);
      await t.page.locator('c-action-review .state-expired').waitFor();
      await press(t, 'c-action-review lightning-button.replan');
      await t.page
        .locator('c-action-review .related-link', { hasText: `Re-plan of ${proposed.name ?? 'PA-00000001'}` })
        .waitFor();
      const title = await shownActionName(t.page);
      assert(title !== 'PA-00000001', `the panel shows the new action, got ${title}`);
      await t.page.locator(`c-action-inbox a.open-review`, { hasText: title }).waitFor();
      await t.page.locator('c-action-review .related-link').click();
      await t.page.locator('c-action-review .related-link', { hasText: `Re-planned as ${title}` }).waitFor();
    },
  },
  {
    name: 'approver-bulkDialogNamesWhatItSkips',
    async run(t) {
      // Ada (View All) selects everything: two changes for her group, one deal for Sales Managers.
      await proposeOwnerChange(t);
      const account = (await t.records('Account'))[1];
      const rating = await t.api('POST', `${REST}/actions`, {
        run: { agent: 'territory-agent' },
        actions: [
          {
            idempotencyKey: `${t.testName}-rating`,
            object: 'Account',
            recordId: account.Id,
            operation: 'update',
            changes: { Rating: account.Rating === 'Hot' ? 'Warm' : 'Hot' },
            confidence: 0.9,
          },
        ],
      });
      assertEqual(rating.status, 201, 'setup: the rating change');
      const opp = (await t.records())[0];
      await t.propose(opp.Id, { StageName: otherStage(opp) });
      await t.open(ADA, 'inbox?c__mine=0');
      await t.page.locator('c-action-inbox tr.inbox-row').nth(2).waitFor();
      await t.page.locator('c-action-inbox input.select-all').click();
      await press(t, 'c-action-inbox lightning-button.bulk-approve');
      await t.page.locator('c-action-inbox .bulk-dialog h3', { hasText: 'Approve 2 actions' }).waitFor();
      const skipped = await t.page.locator('c-action-inbox .dialog-skipped').innerText();
      assert(skipped.includes('Sales Managers'), `the dialog names the skipped action and why: '${skipped}'`);
      await t.screenshot('bulk-dialog');
    },
  },
  {
    name: 'approver-helpOpensInViewAndTheTimelineLinksActions',
    async run(t) {
      for (const opp of (await t.records()).slice(0, 8)) await t.propose(opp.Id, { StageName: otherStage(opp) });
      await t.page.setViewportSize({ width: 1440, height: 600 });
      await t.open(MARIA);
      await t.page.locator('c-action-inbox tr.inbox-row').nth(7).waitFor();
      await t.page.locator('c-action-inbox tr.inbox-row').nth(7).scrollIntoViewIfNeeded();
      await t.page.locator('c-action-inbox tr.inbox-row').nth(7).click();
      await t.page.keyboard.press('?');
      const box = await t.page.locator('c-action-inbox section.help').boundingBox();
      assert(box !== null && box.y >= 0 && box.y + box.height <= 600, `help is in view: ${JSON.stringify(box)}`);
      await t.page.keyboard.press('Escape');
      await t.page.locator('button.wb-tab[data-tab="runs"]').click();
      await t.page.locator('c-run-timeline a.action-link').first().click();
      await t.page.locator('c-action-inbox c-action-review c-field-diff').waitFor();
      await t.page.locator('button.wb-tab[data-tab="runs"]').click();
      const runs = await t.page.locator('.wb-runs').innerText();
      assert(!runs.includes('AwaitingApproval'), `run statuses in words: '${runs}'`);
    },
  },
  {
    name: 'approver-theTimelineReadsInWords',
    async run(t) {
      const opp = (await t.records())[0];
      await t.propose(opp.Id, { StageName: otherStage(opp) });
      await t.open(MARIA, 'runs');
      await t.page.locator('c-run-timeline ol.events li').first().waitFor();
      const events = await t.page.locator('c-run-timeline ol.events').innerText();
      assert(
        !/StatusChanged|ActionProposed|Blocked: Blocked/.test(events),
        `events read in words: '${events.slice(0, 200)}'`,
      );
    },
  },
  {
    name: 'approver-narrowWidthOpensTheReviewInViewAndRowsAsCards',
    async run(t) {
      for (const opp of (await t.records()).slice(0, 6)) await t.propose(opp.Id, { StageName: otherStage(opp) });
      await t.page.setViewportSize({ width: 420, height: 900 });
      await t.open(MARIA);
      const rows = t.page.locator('c-action-inbox tr.inbox-row');
      await rows.nth(5).waitFor();
      const header = await t.page.locator('c-action-inbox thead').boundingBox();
      assert(header === null || header.height <= 1, `no column header row on a phone: ${JSON.stringify(header)}`);
      const card = await rows.nth(0).boundingBox();
      assert(
        card !== null && card.height < 260 && card.width <= 420,
        `a row is a compact card: ${JSON.stringify(card)}`,
      );
      await rows.nth(5).locator('a.open-review').scrollIntoViewIfNeeded();
      await rows.nth(5).locator('a.open-review').click();
      await t.page.locator('c-action-review c-field-diff').waitFor();
      const review = await t.page.locator('c-action-review .review-header').boundingBox();
      assert(review !== null && review.y >= 0 && review.y < 100, `the review opens in view: ${JSON.stringify(review)}`);
      const approve = await t.page.locator('c-action-review lightning-button.approve').boundingBox();
      assert(approve !== null && approve.y + approve.height <= 900, 'Approve is on screen');
      await t.screenshot('narrow-review');
      await press(t, 'c-action-review lightning-button-icon.close');
      await rows.nth(0).waitFor();
    },
  },
  {
    name: 'approver-aCreateAndADeleteReadUnmistakablyAndPassAxe',
    async run(t) {
      const propose = async (action: Record<string, unknown>, user?: string): Promise<void> => {
        const res = await t.api(
          'POST',
          `${REST}/actions`,
          {
            run: { agent: 'pipeline-agent', goal: 'Tidy the pipeline' },
            actions: [{ idempotencyKey: String(action.operation), object: 'Opportunity', ...action }],
          },
          user,
        );
        assertEqual(res.status, 201, `propose ${String(action.operation)}: ${JSON.stringify(res.body)}`);
      };
      const opp = (await t.records())[2];
      const deal = { Name: 'Initech — Renewal 2027', StageName: 'Prospecting', CloseDate: '2027-06-30', Amount: 9000 };
      await propose({ operation: 'create', changes: deal });
      // The demo agent may not delete Maria's deals (intake refuses it); the administrator's script may.
      await propose({ operation: 'delete', recordId: opp.Id }, ADA);
      await t.open(ADA, 'inbox?c__mine=0');
      await t.page.locator('c-action-inbox tr.inbox-row').nth(1).waitFor();
      await axeClean(t, 'c-action-inbox', 'the inbox with a create and a delete');
      await t.page.locator('c-action-inbox a.open-review', { hasText: 'PA-00000001' }).click();
      await t.page.locator('c-action-review c-field-diff .new-mark').first().waitFor();
      await axeClean(t, 'c-action-inbox', 'the review of a create');
      await press(t, 'c-action-review lightning-button.edit');
      await t.page.locator('c-field-diff input[data-field="Amount"]').waitFor();
      await axeClean(t, 'c-action-inbox c-action-review', 'the review of a create while editing its new values');
      await press(t, 'c-action-review lightning-button.cancel-edit');
      await t.page.locator('c-action-inbox a.open-review', { hasText: 'PA-00000002' }).click();
      await t.page.locator('c-action-review c-field-diff .removed-mark').first().waitFor();
      await axeClean(t, 'c-action-inbox', 'the review of a delete');
      // On a phone each value sits under its column's name: "Removed value", not "Before".
      await t.page.setViewportSize({ width: 420, height: 900 });
      const label = await t.page
        .locator('c-action-review c-field-diff td.value-before')
        .first()
        .evaluate((td) => getComputedStyle(td, '::before').content);
      assertEqual(label, '"Removed value"', 'the narrow layout names the removed values');
      await t.screenshot('narrow-delete');
    },
  },
  {
    name: 'approver-axeCheckFailsOnTheViolationTheIssueFound',
    async run(t) {
      const opp = (await t.records())[0];
      await t.propose(opp.Id, { StageName: otherStage(opp) });
      await t.open(MARIA);
      await t.page.locator('c-action-inbox tr.inbox-row').first().waitFor();
      // Put back what issue 17 found (aria-multiselectable on the inbox <table>): the check must catch it.
      await t.page.evaluate(() => {
        const app = document.querySelector('wb-app') as HTMLElement;
        const inbox = app.shadowRoot?.querySelector('c-action-inbox') as HTMLElement;
        inbox.shadowRoot?.querySelector('table')?.setAttribute('aria-multiselectable', 'true');
      });
      let failure = '';
      try {
        await axeClean(t, 'c-action-inbox', 'the inbox with the old attribute');
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      assert(failure.includes('aria-allowed-attr'), `the axe check reports aria-allowed-attr, got '${failure}'`);
    },
  },
  {
    name: 'approver-axeFindsNoViolationOnInboxReviewTimelineAndRecordComponent',
    async run(t) {
      const opp = (await t.records())[0];
      await t.propose(opp.Id, { NextStep: 'Send the order form' }, 0.95); // applied: the record component lists it
      // A pending action with evidence that links out (the link-in-text-block finding of issue 17).
      const res = await t.api('POST', `${REST}/actions`, {
        run: { agent: 'pipeline-agent' },
        actions: [
          {
            idempotencyKey: `${t.testName}-pending`,
            object: 'Opportunity',
            recordId: opp.Id,
            operation: 'update',
            changes: { Amount: Math.round(opp.Amount * 1.35), CloseDate: '2027-02-01', StageName: otherStage(opp) },
            confidence: 0.88,
            rationale: 'The buyer confirmed more seats.',
            evidence: 'Call notes https://notes.example.com/calls/42 and the signed quote.',
          },
        ],
      });
      assertEqual(res.status, 201, 'the pending action is proposed');
      const pending = res.body.actions[0];
      // A second row: an action Maria may not decide (she already voted on it).
      const other = (await t.records())[1];
      const voted = await t.propose(other.Id, { Amount: Math.round(other.Amount * 1.35) });
      const vote = await t.api(
        'POST',
        '/workbench/api/controller/decide',
        { actionIds: [voted.id], decision: 'Approve' },
        MARIA,
      );
      assertEqual(vote.body.results[0].ok, true, 'setup: Maria voted');
      await t.open(MARIA, 'inbox?c__mine=0');
      await t.page.locator('c-action-inbox tr.inbox-row').nth(1).waitFor();
      await axeClean(t, 'c-action-inbox', 'the inbox');
      await t.page.locator(`c-action-inbox a.open-review[data-id="${pending.id}"]`).click();
      await t.page.locator('c-action-review c-field-diff').waitFor();
      await axeClean(t, 'c-action-inbox', 'the inbox with the review open');
      await press(t, 'c-action-review lightning-button.edit');
      await t.page.locator('c-field-diff input[data-field="Amount"]').fill(String(opp.Amount * 3));
      await t.page.locator('c-action-review .preview-message').waitFor();
      await axeClean(t, 'c-action-inbox c-action-review', 'the review while editing');
      await press(t, 'c-action-review lightning-button.cancel-edit');
      await press(t, 'c-action-review lightning-button.reject');
      await axeClean(t, 'c-action-inbox c-action-review', 'the review while rejecting');
      await t.page.locator('c-action-inbox .triage-list').focus();
      await t.page.keyboard.press('?');
      await t.page.locator('c-action-inbox section.help').waitFor();
      await axeClean(t, 'c-action-inbox', 'the keyboard help');
      await t.page.keyboard.press('Escape');
      await t.page.locator('button.wb-tab[data-tab="runs"]').click();
      await t.page.locator('c-run-timeline ol.events li').first().waitFor();
      await axeClean(t, 'c-run-timeline', 'the run timeline');
      await t.page.locator('button.wb-tab[data-tab="record"]').click();
      await t.page.locator('c-record-agent-actions li').first().waitFor();
      await t.page.locator('c-record-agent-actions button.toggle').first().click();
      await t.page.locator('c-record-agent-actions c-action-review c-field-diff').waitFor();
      await axeClean(t, 'c-record-agent-actions', 'the record component with a review open');
    },
  },
];
