/**
 * The real scripts, run as a user would, on a machine with no Salesforce authorisation (an empty HOME): they must
 * stop with a clear message and a non-zero exit, and --help must work without any org.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function run(script: string, args: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'actionplane-nohome-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
  };
  const cwd = mkdtempSync(join(tmpdir(), 'actionplane-cwd-'));
  const r = spawnSync(TSX, [join(ROOT, 'scripts', script), ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('org scripts without an authorised org', () => {
  it('orgSetupExplainsHowToAuthoriseADevHub', () => {
    const r = run('org-setup.ts', []);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('org:setup: No Dev Hub is authorised on this machine');
    expect(r.stderr).toContain('sf org login web --set-default-dev-hub');
  }, 60_000);

  it('orgSetupNamesAnUnknownDevHub', () => {
    const r = run('org-setup.ts', ['--dev-hub', 'nohub']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("The Dev Hub 'nohub' is not authorised on this machine");
  }, 60_000);

  it('testApexSaysWhichOrgIsMissing', () => {
    const r = run('test-apex.ts', []);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "test:apex: No org 'actionplane' is authorised on this machine. Create one with npm run org:setup",
    );
  }, 60_000);

  it('bothPrintHelpWithoutAnOrg', () => {
    const setup = run('org-setup.ts', ['--help']);
    expect([setup.code, setup.stdout]).toEqual([0, expect.stringContaining('Usage: npm run org:setup')]);
    const tests = run('test-apex.ts', ['-h']);
    expect([tests.code, tests.stdout]).toEqual([0, expect.stringContaining('Usage: npm run test:apex')]);
  }, 60_000);

  it('refusesABadArgumentWithExit1', () => {
    const r = run('test-apex.ts', ['--wait', 'forever']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("test:apex: --wait must be a whole number from 1 to 120, got 'forever'");
  }, 60_000);
});
