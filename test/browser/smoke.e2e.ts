/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- response bodies are untyped JSON, asserted field by field */
/**
 * First, the smoke tests: the workbench serves a real compiled LWC component (the Approval Inbox) styled by SLDS,
 * and a first start shows the seeded proposals.
 */
import { assert, assertEqual, type BrowserTest } from './browserHarness';

export const tests: BrowserTest[] = [
  {
    name: 'smoke-rendersTheRealInboxComponent',
    async run(t) {
      const opp = (await t.records())[0];
      await t.propose(opp.Id, { StageName: 'Closed Won' });
      await t.open('maria.lopez@actionplane.demo');
      await t.page.getByText('ActionPlane workbench — not the production path').waitFor();
      const inbox = t.page.locator('c-action-inbox');
      await inbox.waitFor();
      await inbox.locator('a.open-review').first().waitFor();
      const rows = await inbox.locator('a.open-review').count();
      assert(rows === 1, `expected 1 inbox row, got ${rows}`);
      const sldsLoaded = await t.page.evaluate(() => getComputedStyle(document.body).fontFamily);
      assert(/Salesforce Sans|Arial/i.test(sldsLoaded), `SLDS stylesheet not applied (font ${sldsLoaded})`);
      await t.screenshot('inbox');
    },
  },
  {
    // What a newcomer's first `npm start` shows: two agents' proposals, submitted through REST v1 at set-up.
    name: 'smoke-firstStartShowsTheSeededRuns',
    async run(t) {
      const reset = await t.api('POST', '/workbench/api/reset', { seedRuns: true });
      assert(reset.status === 200, `reset failed: ${JSON.stringify(reset.body)}`);
      const runs = (await t.api('GET', '/workbench/api/runs')).body.runs as { agent: string; actionCount: number }[];
      assertEqual(runs.map((r) => r.agent).sort(), ['Forecast_Agent', 'Pipeline_Agent'], 'seeded agents');
      await t.open('maria.lopez@actionplane.demo');
      const rows = t.page.locator('c-action-inbox tr.inbox-row');
      await rows.nth(4).waitFor();
      // Maria's inbox ("mine"): the five Opportunity proposals routed to Sales Managers, one of them at 1 of 2.
      assertEqual(await rows.count(), 5, 'pending rows Maria may decide');
      await t.page.locator('c-action-inbox .progress', { hasText: '1 of 2' }).first().waitFor();
      await t.screenshot('seeded-inbox');
    },
  },
];
