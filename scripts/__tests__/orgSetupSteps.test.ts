import { OrgCommandError } from '../lib/orgCli';
import { approverGroupsApex, runOrgSetup, scheduleExpiryJobApex, type OrgSetupDeps } from '../lib/orgSetupSteps';
import type { OrgSetupOptions } from '../lib/orgArgs';

const options: OrgSetupOptions = {
  alias: 'actionplane',
  devHub: null,
  durationDays: 7,
  definitionFile: 'config/project-scratch-def.json',
  demoData: true,
};

/** A fake sf CLI: records each command (first three words) and answers from `answers`. */
function fakeOrg(state: { authorised: boolean; demoCount: number; failOn?: string; assignFails?: string }) {
  const calls: string[] = [];
  const log: string[] = [];
  const deps: OrgSetupDeps = {
    findDevHub: () => Promise.resolve('hub@acme.com'),
    isAuthorised: () => Promise.resolve(state.authorised),
    log: (l) => log.push(l),
    sf: (args) => {
      const name = args.slice(0, 3).join(' ');
      calls.push(name);
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
  return { deps, calls, log };
}

describe('org:setup steps', () => {
  it('createsTheScratchOrgDeploysAndLoadsEverythingOnAFirstRun', async () => {
    const { deps, calls } = fakeOrg({ authorised: false, demoCount: 0 });
    const url = await runOrgSetup(options, deps);
    expect(url).toBe('https://acme-dev.scratch.my.salesforce.com/lightning/app/c__ActionPlane');
    expect(calls).toEqual([
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

  it('stopsBeforeAnyCommandWhenNoDevHubIsAuthorised', async () => {
    const { deps, calls } = fakeOrg({ authorised: false, demoCount: 0 });
    deps.findDevHub = () => Promise.reject(new OrgCommandError('No Dev Hub is authorised on this machine'));
    await expect(runOrgSetup(options, deps)).rejects.toThrow('No Dev Hub is authorised');
    expect(calls).toEqual([]);
  });

  it('namesTheStepThatFailed', async () => {
    const { deps } = fakeOrg({ authorised: true, demoCount: 0, failOn: 'project deploy' });
    await expect(runOrgSetup(options, deps)).rejects.toThrow(
      /^Deploy force-app and demo-app: sf project deploy start failed: boom$/,
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

  it('schedulesTheExpiryJobOnlyWhenItIsNotScheduled', () => {
    expect(scheduleExpiryJobApex()).toMatch(
      /COUNT\(\) FROM CronTrigger WHERE CronJobDetail.Name = :ActionExpiryJob.JOB_NAME\] == 0\) \{\n {2}ActionExpiryJob.schedule\(\);/,
    );
  });
});
