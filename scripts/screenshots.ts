/**
 * `npx tsx scripts/screenshots.ts`: regenerates the approver-surface screenshots in docs/images — the inbox with
 * several pending actions (only the approver's, and all with "not yours" markers; with the review beside it; a key
 * press waiting for Undo), reviews (every field type, blank values, a record that drifted before the vote, an
 * applied action, lookups by name, an edit that needs more approvals), a run timeline with "Chain verified", and
 * the record-page component — each at desktop (1440×900) and narrow (420×900) width. It builds the workbench UI
 * into its own folder, starts its own workbench on a free port (the package's Apex on the platform emulator),
 * proposes the demo actions through intake REST v1 like an agent would, and drives headless Debian Chromium.
 * Workbench pictures, not an org's: the components and the Apex are the package's, the data is the demo org's.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildWorkbenchUi } from '../workbench/build';
import { createWorkbench, REST_BASE } from '../workbench/server';

const HELP = `Usage: npx tsx scripts/screenshots.ts [--out docs/images] [--no-build]

Regenerates the approver-surface screenshots (PNG, cropped to each component) with the offline workbench and
headless Chromium (/usr/bin/chromium, or CHROMIUM_PATH): the inbox (mine, all, with the review beside it, a key
press waiting for Undo), reviews (every field type, blanks, drift before the vote, applied, lookups by name, an edit
that needs more approvals), a run timeline and the record-page component.
  --out <dir>   where the PNGs go (default docs/images)
  --no-build    reuse the UI built last time in build/screenshots-ui
  --help        show this help`;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const WIDTHS = { desktop: 1440, narrow: 420 } as const;
const APPROVER = 'maria.lopez@actionplane.demo';
const SECOND_APPROVER = 'sam.okafor@actionplane.demo';
/** ActionPlane_Admin (View All): sees what ran automatically and what went to another group. */
const ADMIN = 'ada.admin@actionplane.demo';

interface Options {
  outDir: string;
  build: boolean;
}

interface DemoRecord {
  Id: string;
  Name: string;
  StageName: string;
  CloseDate: string;
  Amount: number | null;
  NextStep: string | null;
}

interface SubmitResult {
  runId: string;
  actions: { id: string; status: string }[];
}

function parseArgs(argv: string[]): Options | null {
  const options: Options = { outDir: resolve('docs', 'images'), build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--no-build') options.build = false;
    else if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new Error('--out needs a folder');
      options.outDir = resolve(value);
    } else throw new Error(`Unknown option '${arg}'\n\n${HELP}`);
  }
  return options;
}

/** A small JSON client for the workbench's REST and workbench-only endpoints; any non-2xx answer is an error. */
function client(base: string) {
  return async <T>(method: string, path: string, body?: unknown, user?: string): Promise<T> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user) headers['x-actionplane-user'] = user;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text === '' ? null : JSON.parse(text)) as T;
  };
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The next open stage after `stage` (a forward move the diff shows with its direction). */
function laterStage(stage: string): string {
  const order = ['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition', 'Id. Decision Makers'];
  const at = order.indexOf(stage);
  return at >= 0 && at < order.length - 1 ? (order[at + 1] as string) : 'Negotiation/Review';
}

/** The ids the pictures open. */
interface Seeded {
  applied: string;
  autoRun: string;
  review: string;
  blanks: string;
  editable: string;
  stale: string;
  owner: string;
  run: string;
  recordId: string;
  create: string;
  delete: string;
}

/**
 * Demo state for the pictures: an applied AutoRun run, a pending run with actions of every kind (one of them with
 * blank values and one already half-approved by a second approver), a second agent's run with an action whose
 * record a person changed after the plan (drift), and an Account owner change routed to another group (lookups by
 * name; not Maria's to decide).
 */
async function seed(base: string): Promise<Seeded> {
  const call = client(base);
  // The pictures' own scenario, not the first start's seeded proposals.
  await call('POST', '/workbench/api/reset', { seedRuns: false });
  const { users } = await call<{ users: { id: string; username: string }[] }>('GET', '/workbench/api/users');
  const sam = users.find((u) => u.username === SECOND_APPROVER)?.id;
  const { records } = await call<{ records: DemoRecord[] }>('GET', '/workbench/api/records/Opportunity');
  const opp = (i: number): DemoRecord => {
    const record = records[i];
    if (!record) throw new Error(`The demo org has no Opportunity #${i}`);
    return record;
  };
  const submit = (agent: string, goal: string, actions: unknown[]) =>
    call<SubmitResult>('POST', `${REST_BASE}/actions`, {
      run: { agent, source: 'External', goal, externalId: `${agent}-${Date.now()}` },
      actions,
    });
  let key = 0;
  const action = (record: DemoRecord, changes: Record<string, unknown>, confidence: number, rationale: string) => ({
    idempotencyKey: `screenshot-${++key}`,
    object: 'Opportunity',
    recordId: record.Id,
    operation: 'update',
    changes,
    confidence,
    rationale,
  });

  const first = opp(0);
  // A next step the agent wrote earlier (AutoRun): the pending action then rewrites it, a long-text word diff.
  const notes = await submit('meeting-notes-agent', 'Record next steps from yesterday’s calls', [
    action(
      first,
      {
        NextStep: 'Call the buyer on Monday to confirm the number of seats and the start date of the renewal contract.',
      },
      0.92,
      'The call summary names the next step.',
    ),
  ]);
  // A person cleared the Amount of the second deal: the agent's proposal then starts from a blank value.
  const second = opp(1);
  await call('PATCH', `/workbench/api/records/Opportunity/${second.Id}`, { Amount: null });

  const pipeline = await submit('pipeline-agent', 'Keep the Q4 pipeline current from call notes and emails', [
    action(
      first,
      {
        Amount: Math.round(Number(first.Amount) * 1.35),
        CloseDate: addDays(first.CloseDate, 30),
        StageName: laterStage(first.StageName),
        NextStep:
          'Call the CFO on Tuesday to confirm the number of seats, the discount and the start date of the renewal contract.',
      },
      0.88,
      'The buyer confirmed 35% more seats on the renewal call; procurement needs a month and the CFO now signs.',
    ),
    action(
      second,
      { Amount: 48_000, NextStep: null },
      0.81,
      'Quote Q-1182 was sent for 48,000; the old next step is done.',
    ),
    action(opp(2), { StageName: 'Closed Won' }, 0.86, 'Signed order form received by email.'),
    action(opp(3), { Amount: Math.round(Number(opp(3).Amount) * 1.25) }, 0.9, 'Upsell of 50 seats agreed.'),
    action(opp(4), { CloseDate: addDays(opp(4).CloseDate, 45) }, 0.95, 'Budget moved to next quarter.'),
    action(opp(7), { Amount: Math.round(Number(opp(7).Amount) * 1.1) }, 0.9, 'Two more licences on the renewal.'),
    action(opp(8), { StageName: laterStage(opp(8).StageName) }, 0.87, 'Discovery call done; the buyer named the team.'),
    action(opp(9), { Amount: Math.round(Number(opp(9).Amount) * 1.4) }, 0.9, 'Second site joins the contract.'),
  ]);
  const forecast = await submit('forecast-agent', 'Align forecasts with the latest commit call', [
    action(opp(5), { Amount: Math.round(Number(opp(5).Amount) * 0.7) }, 0.84, 'Customer cut the scope by 30%.'),
    action(opp(6), { StageName: 'Closed Lost' }, 0.8, 'Customer chose a competitor (email of Nov 24).'),
  ]);
  // After the forecast agent planned, the account manager moved the deal on: the plan is stale before anyone votes.
  await call('PATCH', `/workbench/api/records/Opportunity/${opp(6).Id}`, { StageName: 'Negotiation/Review' });
  const { records: accounts } = await call<{ records: { Id: string }[] }>('GET', '/workbench/api/records/Account');
  const owners = await call<SubmitResult>('POST', `${REST_BASE}/actions`, {
    run: { agent: 'territory-agent', source: 'External', goal: 'Rebalance territories', externalId: 'territory-1' },
    actions: [
      {
        idempotencyKey: 'screenshot-owner',
        object: 'Account',
        recordId: accounts[0]?.Id,
        operation: 'update',
        changes: { OwnerId: sam },
        confidence: 0.9,
        rationale: 'Sam Okafor now covers manufacturing accounts in the west.',
      },
    ],
  });
  // Issue 18: an agent proposes a new deal (a create no policy covers: the default approvers), and the administrator
  // proposes deleting a duplicate deal (Opp_Delete_Approval: a sales manager confirms it).
  const created = await submit('pipeline-agent', 'File the follow-on deal the buyer asked for', [
    {
      idempotencyKey: 'screenshot-create',
      object: 'Opportunity',
      operation: 'create',
      changes: { Name: 'Globex — Expansion', StageName: 'Prospecting', CloseDate: '2027-03-31', Amount: 42000 },
      confidence: 0.9,
      rationale: 'The buyer asked for a quote for a second team on the renewal call.',
    },
  ]);
  const duplicate = opp(records.length - 1);
  const deleted = await call<SubmitResult>(
    'POST',
    `${REST_BASE}/actions`,
    {
      run: { agent: 'dedupe-agent', source: 'External', goal: 'Remove duplicate deals', externalId: 'dedupe-1' },
      actions: [
        {
          idempotencyKey: 'screenshot-delete',
          object: 'Opportunity',
          recordId: duplicate.Id,
          operation: 'delete',
          confidence: 0.85,
          rationale: 'A duplicate of the renewal deal entered twice from the same email.',
        },
      ],
    },
    ADMIN,
  );
  const [review, blanks, , upsell, , editable, moved, secondSite] = pipeline.actions;
  const create = created.actions[0];
  const remove = deleted.actions[0];
  const stale = forecast.actions[1];
  const owner = owners.actions[0];
  const autoRun = notes.actions[0];
  if (!review || !blanks || !upsell || !editable || !moved || !secondSite || !stale || !owner || !autoRun) {
    throw new Error('The demo runs did not create their actions');
  }
  if (!create || !remove) {
    throw new Error('The demo runs did not create their actions');
  }
  const decide = (id: string, user: string, reason: string | null) =>
    call(
      'POST',
      '/workbench/api/controller/decide',
      { actionIds: [id], decision: 'Approve', reason, editedValues: null },
      user,
    );
  // Sam approves the upsell first: the inbox then shows 1 of 2 approvals on it.
  await decide(upsell.id, SECOND_APPROVER, 'Seats confirmed in the order form');
  // Sam approves the stage move: an applied action Maria's group can see.
  await decide(moved.id, SECOND_APPROVER, null);
  // Maria has voted on the second site already: listed, but not hers to decide again.
  await decide(secondSite.id, APPROVER, null);
  return {
    applied: moved.id,
    autoRun: autoRun.id,
    review: review.id,
    blanks: blanks.id,
    editable: editable.id,
    stale: stale.id,
    owner: owner.id,
    run: pipeline.runId,
    recordId: first.Id,
    create: create.id,
    delete: remove.id,
  };
}

// The inbox keeps one request open (the live ActionStatusChanged__e stream), so "network idle" never comes: wait
// for the components to stop loading instead, then a moment for the last render.
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(() => !document.querySelector('lightning-spinner'));
  await page.waitForTimeout(250);
}

/** Opens a workbench tab the way a person does (the shell re-creates the tab's component, so it starts fresh). */
async function openTab(page: Page, tab: string): Promise<void> {
  await page.locator(`button.wb-tab[data-tab="${tab}"]`).click();
  await settle(page);
}

/**
 * Opens the inbox at an address: its page state (`#/inbox?c__action=…&c__mine=0`) picks the review and filters;
 * `user` is who the shell acts as (default: the approver Maria).
 */
async function openInbox(page: Page, base: string, state: Record<string, string> = {}, user = APPROVER): Promise<void> {
  const query = new URLSearchParams(state).toString();
  await page.goto(`${base}/#/inbox${query ? `?${query}` : ''}`);
  await page.evaluate((u) => window.sessionStorage.setItem('actionplane.workbench.user', u), user);
  await page.reload(); // a fresh page, as a person reopening the address gets
  await page.locator('c-action-inbox').waitFor();
  await settle(page);
}

/** A PNG of one component; `maxHeight` keeps a long one (the audit trail) to its first screenful or so. */
async function shoot(page: Page, selector: string, file: string, maxHeight = Infinity): Promise<void> {
  const target = page.locator(selector).first();
  await target.waitFor();
  await settle(page);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  if (box.height <= maxHeight) await target.screenshot({ path: file, animations: 'disabled' });
  else {
    const clip = { x: box.x, y: box.y, width: box.width, height: maxHeight };
    await page.screenshot({ path: file, clip, fullPage: true, animations: 'disabled' });
  }
  console.log(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
}

/** The review as a person sees it: beside the list on a desktop (cropped to it), full screen on a phone. */
async function shootReview(page: Page, file: string, desktop: boolean): Promise<void> {
  if (desktop) {
    await shoot(page, 'c-action-review', file);
    return;
  }
  await page.locator('c-action-review').waitFor();
  await settle(page);
  await page.screenshot({ path: file, animations: 'disabled' });
  console.log(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
}

async function capture(browser: Browser, base: string, outDir: string, ids: Seeded) {
  for (const [size, width] of Object.entries(WIDTHS)) {
    const desktop = size === 'desktop';
    const context = await browser.newContext({ deviceScaleFactor: 1, viewport: { width, height: 900 } });
    const page = await context.newPage();
    const file = (name: string) => join(outDir, `${name}-${size}.png`);
    const review = 'c-action-review c-field-diff tbody tr';

    await openInbox(page, base);
    await page.locator('c-action-inbox tbody tr').nth(4).waitFor();
    await shoot(page, 'c-action-inbox', file('inbox'), 1400);

    // Every action Maria can see, including the ones that are not hers to decide (marked, with whose they are).
    await openInbox(page, base, { c__mine: '0' });
    await page.locator('c-action-inbox .not-yours').first().waitFor();
    await shoot(page, 'c-action-inbox', file('inbox-all'), 1400);

    // What ran automatically was never routed to an approver group, and the owner change went to ActionPlane
    // Approvers: the administrator (View All) sees both.
    for (const [name, id, user] of [
      ['review', ids.review, APPROVER],
      ['review-blanks', ids.blanks, APPROVER],
      ['review-stale', ids.stale, APPROVER],
      ['review-applied', ids.applied, APPROVER],
      ['review-autorun', ids.autoRun, ADMIN],
      ['review-lookup', ids.owner, ADMIN],
      ['review-create', ids.create, ADMIN],
      ['review-delete', ids.delete, APPROVER],
    ] as const) {
      await openInbox(page, base, { c__action: id, c__mine: '0', c__status: 'All' }, user);
      await page.locator(review).first().waitFor();
      if (desktop && name === 'review')
        await shoot(page, 'c-action-inbox', join(outDir, 'inbox-with-review-desktop.png'), 1400);
      await shootReview(page, file(name), desktop);
    }

    // Edit, then approve: the edit doubles the Amount, so the review says before sending that it needs two approvals.
    await openInbox(page, base, { c__action: ids.editable });
    await page.locator('c-action-review lightning-button.edit button').click();
    const amount = page.locator('c-field-diff input[data-field="Amount"]');
    await amount.fill(String(Number(await amount.inputValue()) * 2));
    await page.locator('c-action-review .preview-message').waitFor();
    await shootReview(page, file('review-editing'), desktop);

    await openInbox(page, base); // no review open: on a phone it covers the page, tabs included
    await openTab(page, 'runs');
    await page.locator(`button[data-run="${ids.run}"]`).click();
    await page.locator('c-run-timeline .events li').first().waitFor();
    await shoot(page, 'c-run-timeline', file('timeline'), 1100);

    await openInbox(page, base, {}, ADMIN); // the record's actions as the admin sees them, the AutoRun one included
    await openTab(page, 'record');
    await page.locator('c-record-agent-actions li').nth(1).waitFor();
    await shoot(page, 'c-record-agent-actions', file('record-actions'));

    if (desktop) {
      // Keyboard triage: a approves the highlighted row, named in the bar, sent only when its Undo window closes.
      await openInbox(page, base);
      await page.locator('c-action-inbox .triage-list').focus();
      await page.keyboard.press('a');
      await page.locator('c-action-inbox .undo-bar').waitFor();
      await page.screenshot({ path: file('inbox-undo'), animations: 'disabled' });
      console.log(file('inbox-undo'));
      await page.locator('c-action-inbox .undo-bar button.undo').click();
    }
    await context.close();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options === null) {
    console.log(HELP);
    return;
  }
  const uiDir = resolve('build', 'screenshots-ui');
  if (options.build) await buildWorkbenchUi({ outDir: uiDir, log: (line) => console.log(line) });
  mkdirSync(options.outDir, { recursive: true });

  const app = createWorkbench({ uiDir, seedRuns: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('The workbench did not report its port');
  const base = `http://127.0.0.1:${address.port}`;
  let browser: Browser | undefined;
  try {
    const ids = await seed(base);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    await capture(browser, base, options.outDir, ids);
  } finally {
    await browser?.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
