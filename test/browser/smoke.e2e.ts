/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- response bodies are untyped JSON, asserted field by field */
/**
 * First, the smoke test: the workbench serves a real compiled LWC component (the Approval Inbox) styled by SLDS.
 */
import { assert, type BrowserTest } from './browserHarness';

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
];
