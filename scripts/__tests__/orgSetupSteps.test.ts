import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrgCommandError } from '../lib/orgCli';
import {
  approverGroupsApex,
  EXPIRY_JOB_NAME,
  pauseExpiryJobApex,
  runOrgSetup,
  scheduleExpiryJobApex,
  type OrgSetupDeps,
} from '../lib/orgSetupSteps';
import type { OrgSetupOptions } from '../lib/orgArgs';

const ROOT = join(__dirname, '..', '..');

const options: OrgSetupOptions = {
  alias: 'actionplane',
  devHub: null,
  durationDays: 7,
  definitionFile: 'config/project-scratch-def.json',
  demoData: true,
  agentforce: false,
};

/**
 * A fake sf CLI and build: records each command (first three words, the build as `build:lwc` and the check as
 * `check:lwc`) and answers from `state`. `deploys` keeps the full deploy arguments.
 */
function fakeOrg(state: {
  authorised: boolean;
  demoCount: number;
  failOn?: string;
  assignFails?: string;
  buildFails?: boolean;
  stale?: string[];
}) {
  const calls: string[] = [];
  const log: string[] = [];
  const deploys: string[][] = [];
  const apexFiles: string[] = [];
  const deps: OrgSetupDeps = {
    findDevHub: () => Promise.resolve('hub@acme.com'),
    isAuthorised: () => Promise.resolve(state.authorised),
    buildLwc: () => {
      calls.push('build:lwc');
      return state.buildFails
        ? Promise.reject(new OrgCommandError('npm run build:lwc failed (exit 1): actionInbox.ts(3,1): error'))
        : Promise.resolve();
    },
    staleLwc: () => {
      calls.push('check:lwc');
      return Promise.resolve(state.stale ?? []);
    },
    log: (l) => log.push(l),
    sf: (args) => {
      const name = args.slice(0, 3).join(' ');
      calls.push(name);
      if (name === 'project deploy start') deploys.push(args);
      if (name === 'apex run --file') apexFiles.push(readFileSync(args[3] ?? '', 'utf8'));
      if (state.failOn && name.startsWith(state.failOn)) {
        return Promise.reject(new OrgCommandError(`sf ${name} failed: boom`));
      }
      if (name === 'org assign permset' && state.assignFails) {
        return Promise.reject(new OrgCommandError(state.assignFails));
      }
      if (name === 'data query --query') return Promise.resolve({ totalSize: state.demoCount });
      if (name === 'org open --target-org') {
        return Promise.resolve({ url: 'https://acme-dev.scratch.my.salesforce.com/lightning/app/c__ActionPlane' });
      }
      return Promise.resolve({});
    },
  };
  return { deps, calls, log, deploys, apexFiles };
}

describe('org:setup steps', () => {
  it('createsTheScratchOrgDeploysAndLoadsEverythingOnAFirstRun', async () => {
    const { deps, calls } = fakeOrg({ authorised: false, demoCount: 0 });
    const url = await runOrgSetup(options, deps);
    expect(url).toBe('https://acme-dev.scratch.my.salesforce.com/lightning/app/c__ActionPlane');
    expect(calls).toEqual([
      'build:lwc',
      'check:lwc',
      'org create scratch',
      'project deploy start',
      'org assign permset',
      'apex run --file',
      'data query --query',
      'data import tree',
      'apex run --file',
      'org open --target-org',
    ]);
  });

  it('reusesTheOrgAndSkipsLoadedDemoDataOnASecondRun', async () => {
    const { deps, calls, log } = fakeOrg({
      authorised: true,
      demoCount: 12,
      assignFails: 'Duplicate PermissionSetAssignment',
    });
    await runOrgSetup(options, deps);
    expect(calls).not.toContain('org create scratch');
    expect(calls).not.toContain('data import tree');
    expect(log).toEqual(
      expect.arrayContaining([
        "  reusing 'actionplane'",
        '  already assigned',
        '  12 demo Opportunities already there',
      ]),
    );
  });

  it('stopsBeforeAnyCommandOrBuildWhenNoDevHubIsAuthorised', async () => {
    const { deps, calls } = fakeOrg({ authorised: false, demoCount: 0 });
    deps.findDevHub = () => Promise.reject(new OrgCommandError('No Dev Hub is authorised on this machine'));
    await expect(runOrgSetup(options, deps)).rejects.toThrow('No Dev Hub is authorised');
    expect(calls).toEqual([]);
  });

  it('namesTheStepThatFailed', async () => {
    const { deps } = fakeOrg({ authorised: true, demoCount: 0, failOn: 'project deploy' });
    await expect(runOrgSetup(options, deps)).rejects.toThrow(
      /^Deploy force-app, test-app, demo-app: sf project deploy start failed: boom$/,
    );
  });

  it('buildsTheLwcJavaScriptBeforeAnOrgIsCreatedOrDeployedTo', async () => {
    const { deps, calls } = fakeOrg({ authorised: false, demoCount: 0 });
    await runOrgSetup(options, deps);
    expect(calls.slice(0, 3)).toEqual(['build:lwc', 'check:lwc', 'org create scratch']);
  });

  it('stopsBeforeCreatingAnOrgWhenTheLwcBuildFails', async () => {
    const { deps, calls } = fakeOrg({ authorised: false, demoCount: 0, buildFails: true });
    await expect(runOrgSetup(options, deps)).rejects.toThrow(
      /^Build the LWC JavaScript \(npm run build:lwc\): npm run build:lwc failed \(exit 1\)/,
    );
    expect(calls).toEqual(['build:lwc']);
  });

  it('refusesToDeployWhenAnLwcSourceHasNoCurrentJs', async () => {
    const stale = ['force-app/main/app/lwc/actionInbox/actionInbox.ts'];
    const { deps, calls } = fakeOrg({ authorised: true, demoCount: 0, stale });
    await expect(runOrgSetup(options, deps)).rejects.toThrow(
      'Check that every LWC .ts has its current .js: not deployed: 1 LWC source(s) have no current .js after the ' +
        'build: force-app/main/app/lwc/actionInbox/actionInbox.ts',
    );
    expect(calls).not.toContain('project deploy start');
  });

  it('pausesTheScheduledExpiryJobOfAReusedOrgBeforeTheDeployAndSchedulesItAfter', async () => {
    const { deps, calls, apexFiles } = fakeOrg({ authorised: true, demoCount: 1 });
    await runOrgSetup(options, deps);
    const pause = calls.indexOf('apex run --file');
    expect(pause).toBeGreaterThan(-1);
    expect(pause).toBeLessThan(calls.indexOf('project deploy start'));
    expect(apexFiles[0]).toBe(pauseExpiryJobApex());
    expect(apexFiles[apexFiles.length - 1]).toBe(scheduleExpiryJobApex());
  });

  it('doesNotPauseAnythingInANewOrg', async () => {
    const { deps, apexFiles } = fakeOrg({ authorised: false, demoCount: 0 });
    await runOrgSetup(options, deps);
    expect(apexFiles).not.toContain(pauseExpiryJobApex());
  });

  it('deploysForceAppItsTestResourcesAndDemoAppButNotTheAgentforceAssetsByDefault', async () => {
    const { deps, deploys } = fakeOrg({ authorised: true, demoCount: 0 });
    await runOrgSetup(options, deps);
    expect(deploys).toEqual([
      [
        'project',
        'deploy',
        'start',
        '--source-dir',
        'force-app',
        '--source-dir',
        'test-app',
        '--source-dir',
        'demo-app',
        '--target-org',
        'actionplane',
        '--wait',
        '30',
      ],
    ]);
  });

  it('deploysAgentforceAppWithTheAgentforceFlagAndSaysWhatTheOrgNeedsWhenThatFails', async () => {
    const { deps, deploys } = fakeOrg({ authorised: true, demoCount: 0 });
    await runOrgSetup({ ...options, agentforce: true }, deps);
    expect(deploys[0]).toEqual(expect.arrayContaining(['--source-dir', 'agentforce-app']));
    const failing = fakeOrg({ authorised: true, demoCount: 0, failOn: 'project deploy' });
    await expect(runOrgSetup({ ...options, agentforce: true }, failing.deps)).rejects.toThrow(
      'agentforce-app needs Agentforce in the org',
    );
  });

  it('skipsDemoDataWhenAskedTo', async () => {
    const { deps, calls } = fakeOrg({ authorised: true, demoCount: 0 });
    await runOrgSetup({ ...options, demoData: false }, deps);
    expect(calls.filter((c) => c.startsWith('data'))).toEqual([]);
  });
});

describe('org:setup anonymous Apex', () => {
  it('createsOnlyMissingGroupsAndMemberships', () => {
    const apex = approverGroupsApex();
    expect(apex).toContain("DeveloperName IN ('Sales_Managers', 'ActionPlane_Approvers', 'Support_Leads')");
    expect(apex).toContain('if (!byName.containsKey(name))');
    expect(apex).toContain('if (!member.contains(g.Id))');
  });

  it('pausesOnlyTheExpiryJobByNameSoItRunsBeforeTheClassIsDeployed', () => {
    expect(pauseExpiryJobApex()).toBe(
      "for (CronTrigger job : [SELECT Id FROM CronTrigger WHERE CronJobDetail.Name = 'ActionPlane action expiry']) {\n" +
        '  System.abortJob(job.Id);\n}',
    );
  });

  it('namesTheJobAsActionExpiryJobDoes', () => {
    const source = readFileSync(join(ROOT, 'force-app/main/execution/classes/ActionExpiryJob.cls'), 'utf8');
    expect(source).toContain(`public static final String JOB_NAME = '${EXPIRY_JOB_NAME}';`);
  });

  it('schedulesTheExpiryJobOnlyWhenItIsNotScheduled', () => {
    expect(scheduleExpiryJobApex()).toMatch(
      /COUNT\(\) FROM CronTrigger WHERE CronJobDetail.Name = :ActionExpiryJob.JOB_NAME\] == 0\) \{\n {2}ActionExpiryJob.schedule\(\);/,
    );
  });
});
