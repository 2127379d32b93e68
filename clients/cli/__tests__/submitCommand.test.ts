import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerSubmitCommand, runSubmit, type CommandIo } from '../submitCommand';
import { startWorkbench, type RunningWorkbench } from '../../testing/workbenchHarness';

let wb: RunningWorkbench;
const dir = mkdtempSync(join(tmpdir(), 'actionplane-submit-'));

beforeAll(async () => {
  wb = await startWorkbench();
});
afterAll(() => wb.close());
beforeEach(() => wb.reset());

function capture(env: NodeJS.ProcessEnv = {}): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), env };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function requestFile(name: string, actions: unknown[]): string {
  return file(name, { run: { externalId: `cli-${name}`, agent: 'Pipeline_Agent' }, actions });
}

const action = (i: number, changes: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  idempotencyKey: `cli-${i}-${JSON.stringify(changes)}`,
  object: 'Opportunity',
  recordId: wb.opportunities[i]!.Id,
  operation: 'update',
  changes,
  ...extra,
});

describe('submit <file.json>', () => {
  it('printsAppliedPendingWithApproverGroupAndBlockedWithReasons', async () => {
    const amount = Math.round(wb.opportunities[0]!.Amount * 1.35);
    const path = requestFile('mixed.json', [
      action(0, { Amount: amount }, { confidence: 0.9 }),
      action(1, { NextStep: 'Send order form' }, { confidence: 0.95 }),
      action(2, { Description: 'x' }, { confidence: 0.95 }),
    ]);
    const io = capture({ ACTIONPLANE_URL: wb.url });
    expect(await runSubmit(path, {}, io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^Run \w+: 3 action\(s\) submitted\.$/);
    expect(io.stdout[1]).toMatch(
      /^actions\[0\] \w+ PendingApproval: Submitted for approval by Sales_Managers \(2 approvals needed\) because Amount rises 35%/,
    );
    expect(io.stdout[2]).toMatch(
      /^actions\[1\] \w+ Applied: Applied automatically: NextStep "Schedule executive briefing" → "Send order form"\.$/,
    );
    expect(io.stdout[3]).toMatch(/^actions\[2\] \w+ Blocked: Blocked by policy because Description changes: blocked/);
    expect(io.stderr).toEqual([]);
  });

  it('saysReplayedWhenEveryKeyWasKnown', async () => {
    const path = requestFile('replay.json', [action(1, { NextStep: 'Twice' }, { confidence: 0.95 })]);
    const io = capture();
    await runSubmit(path, { url: wb.url }, io);
    expect(await runSubmit(path, { url: wb.url }, io)).toBe(0);
    expect(io.stdout[2]).toContain('replayed');
  });

  it('exits1WithOneLinePerApiErrorAndItsPath', async () => {
    const path = requestFile('bad.json', [action(0, { Amount: 'lots', Nope__c: 1 })]);
    const io = capture();
    expect(await runSubmit(path, { url: wb.url }, io)).toBe(1);
    expect(io.stderr[0]).toBe('ActionPlane refused the request (400); nothing was written:');
    expect(io.stderr.slice(1).sort()).toEqual([
      expect.stringMatching(/^ {2}actions\[0\]\.changes\.Amount: INVALID_TYPE — /),
      expect.stringMatching(/^ {2}actions\[0\]\.changes\.Nope__c: UNKNOWN_FIELD — /),
    ]);
    expect(io.stdout).toEqual([]);
  });

  it('exits1WithPausedWhenTheKillSwitchIsOn', async () => {
    await wb.setMode('Paused');
    const io = capture();
    expect(await runSubmit(requestFile('paused.json', [action(1, { NextStep: 'x' })]), { url: wb.url }, io)).toBe(1);
    expect(io.stderr[0]).toContain('(503)');
    expect(io.stderr[1]).toMatch(/^ {2}PAUSED — ActionPlane is paused/);
  });

  it('exits2ForAMissingOrInvalidFileBeforeSendingAnything', async () => {
    const io = capture();
    expect(await runSubmit(join(dir, 'nope.json'), { url: wb.url }, io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^Error: Cannot read .*nope\.json: ENOENT$/);
    expect(await runSubmit(file('broken.json', '{"run": '), { url: wb.url }, io)).toBe(2);
    expect(io.stderr[1]).toMatch(/broken\.json is not valid JSON/);
    expect(await runSubmit(file('array.json', []), { url: wb.url }, io)).toBe(2);
    expect(io.stderr[2]).toMatch(/must hold one intake request/);
  });

  it('exits2WhenNoServerIsConfiguredOrCredentialsAreHalfGiven', async () => {
    const path = requestFile('noconf.json', [action(1, { NextStep: 'x' })]);
    const io = capture();
    expect(await runSubmit(path, {}, io)).toBe(2);
    expect(io.stderr[0]).toMatch(/No ActionPlane to talk to: set --url \/ ACTIONPLANE_URL/);
    expect(await runSubmit(path, { loginUrl: 'https://acme.my.salesforce.com' }, io)).toBe(2);
    expect(io.stderr[1]).toMatch(/also needs --client-id \/ ACTIONPLANE_CLIENT_ID, --client-secret/);
    expect(await runSubmit(path, { url: wb.url, wait: 'soon' }, io)).toBe(2);
    expect(io.stderr[2]).toMatch(/--wait must be a positive number of seconds, got 'soon'/);
  });

  it('waitsForPendingActionsAndReportsStillPendingAtTheTimeout', async () => {
    const amount = Math.round(wb.opportunities[0]!.Amount * 1.35);
    const io = capture();
    const code = await runSubmit(
      requestFile('wait.json', [action(0, { Amount: amount }, { confidence: 0.9 })]),
      { url: wb.url, wait: '0.3' },
      io,
    );
    expect(code).toBe(0);
    expect(io.stdout[1]).toContain('PendingApproval: Submitted for approval by Sales_Managers');
  });

  it('registersOnACommanderProgramAndSetsTheExitCode', async () => {
    const program = new Command('actionplane').exitOverride();
    let exit = -1;
    const io = capture();
    registerSubmitCommand(program, (c) => (exit = c), io);
    await program.parseAsync(
      [
        'submit',
        requestFile('prog.json', [action(1, { NextStep: 'y' }, { confidence: 0.95 })]),
        '--url',
        wb.url,
        '--json',
      ],
      {
        from: 'user',
      },
    );
    expect(exit).toBe(0);
    const printed = JSON.parse(io.stdout.join('\n')) as { actions: { status: string }[] };
    expect(printed.actions[0]?.status).toBe('Applied');
  });

  it('printsACreateAndADeleteInWordsWithWhatWaitsForApproval', async () => {
    const deal = wb.opportunities[3]!;
    const path = requestFile('create-delete.json', [
      {
        idempotencyKey: 'cli-create',
        object: 'Opportunity',
        operation: 'create',
        changes: { Name: 'Acme - Second Team', StageName: 'Prospecting', CloseDate: '2026-12-31' },
        confidence: 0.9,
      },
      { idempotencyKey: 'cli-delete', object: 'Opportunity', operation: 'delete', recordId: deal.Id },
    ]);
    // The demo administrator may delete the demo deals (the demo agent may only edit them).
    const io = capture();
    expect(await runSubmit(path, { url: wb.url, user: 'ada.admin@actionplane.demo' }, io)).toBe(0);
    expect(io.stdout[0]).toMatch(/^Run \w+: 2 action\(s\) submitted\.$/);
    expect(io.stdout[1]).toMatch(
      /^actions\[0\] \w+ PendingApproval: Submitted for approval by \w+ because .*\. Nothing is created until it is approved\./,
    );
    expect(io.stdout[2]).toMatch(
      /^actions\[1\] \w+ PendingApproval: Submitted for approval by \w+ because .*\. Nothing is deleted until it is approved\./,
    );
    expect(io.stderr).toEqual([]);
  });

  it('namesTheNewRecordOfACreateApprovedDuringTheWait', async () => {
    const path = requestFile('create-wait.json', [
      {
        idempotencyKey: 'cli-create-wait',
        object: 'Opportunity',
        operation: 'create',
        changes: { Name: 'Acme - Third Team', StageName: 'Prospecting', CloseDate: '2026-12-31' },
      },
    ]);
    const io = capture();
    const submitted = runSubmit(path, { url: wb.url, wait: '20' }, io);
    // Approve as soon as the action exists (the CLI polls it by then): read the run by its external id.
    let approved: Promise<string[]> | undefined;
    while (!approved) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const run = await fetch(`${wb.url}/services/apexrest/actionplane/v1/runs/cli-create-wait.json`);
      const id = run.ok ? ((await run.json()) as { actions: { id: string }[] }).actions[0]?.id : undefined;
      if (id) approved = wb.approve(id);
    }
    await approved;
    expect(await submitted).toBe(0);
    expect(io.stdout[1]).toMatch(
      /^actions\[0\] \w+ Applied: Created after approval \(Opportunity 006\w{15}\): Name "Acme - Third Team", StageName "Prospecting", CloseDate "2026-12-31"\.$/,
    );
  });

  it('exits1WithEachMissingRequiredFieldOfACreate', async () => {
    const path = requestFile('create-missing.json', [
      { idempotencyKey: 'cli-create-2', object: 'Opportunity', operation: 'create', changes: { Amount: 5 } },
    ]);
    const io = capture();
    expect(await runSubmit(path, { url: wb.url }, io)).toBe(1);
    expect(io.stderr[0]).toBe('ActionPlane refused the request (400); nothing was written:');
    expect(io.stderr.slice(1).sort()).toEqual([
      expect.stringMatching(/^ {2}actions\[0\]\.changes\.CloseDate: MISSING_FIELD — /),
      expect.stringMatching(/^ {2}actions\[0\]\.changes\.Name: MISSING_FIELD — /),
      expect.stringMatching(/^ {2}actions\[0\]\.changes\.StageName: MISSING_FIELD — /),
    ]);
  });

  it('exits1ForADeleteThatCarriesChanges', async () => {
    const path = requestFile('delete-changes.json', [
      action(0, { Amount: null }, { operation: 'delete', idempotencyKey: 'cli-delete-2' }),
    ]);
    const io = capture();
    expect(await runSubmit(path, { url: wb.url }, io)).toBe(1);
    expect(io.stderr).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ {2}actions\[0\]\.changes: NOT_ALLOWED — /)]),
    );
  });
});
