/**
 * The steps of `npm run org:setup`, in order, each idempotent: find the Dev Hub, build the LWC JavaScript and check
 * every .ts has its current .js, reuse or create the scratch org, pause the expiry job of a reused org, deploy,
 * assign the admin permission set, make sure the approver groups exist with the admin in them, load demo data once,
 * schedule the expiry job once, print the app URL. The sf runner, the build and the Dev Hub lookup are passed in,
 * so the order and the skip decisions are unit-tested without an org.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrgSetupOptions } from './orgArgs';
import { OrgCommandError, type SfRunner } from './orgCli';

/** The approver groups the shipped policies route to (ActionPolicy ApproverGroup__c). */
export const APPROVER_GROUPS = [
  { developerName: 'Sales_Managers', label: 'Sales Managers' },
  { developerName: 'ActionPlane_Approvers', label: 'ActionPlane Approvers' },
  { developerName: 'Support_Leads', label: 'Support Leads' },
];

export const ADMIN_PERMISSION_SET = 'ActionPlane_Admin';
/** ActionExpiryJob.JOB_NAME (a test keeps the two equal): anonymous Apex names it before the class exists. */
export const EXPIRY_JOB_NAME = 'ActionPlane action expiry';
/**
 * The package directories org:setup deploys: the package, its unpackaged test resources (test-app: conformance
 * vectors and test-only metadata the Apex tests need, never in the package) and the demo set-up; agentforce-app only
 * with --agentforce.
 */
export const SOURCE_DIRS = ['force-app', 'test-app', 'demo-app'];
export const AGENTFORCE_DIR = 'agentforce-app';
export const DEMO_DATA_FILE = 'scripts/data/demo-accounts-opportunities.json';
/** Demo records carry this in Description, so a second run can see they are loaded. */
export const DEMO_MARKER = '[ActionPlane demo]';
/** The Lightning app's URL path in an unpackaged scratch org. */
export const APP_PATH = 'lightning/app/c__ActionPlane';

export interface OrgSetupDeps {
  sf: SfRunner;
  findDevHub: (explicit: string | null) => Promise<string>;
  isAuthorised: (alias: string) => Promise<boolean>;
  /** `npm run build:lwc`; rejects with OrgCommandError when it fails. */
  buildLwc: () => Promise<void>;
  /** LWC sources whose .js is missing or not what the .ts compiles to now (see lib/lwcOutputs). */
  staleLwc: () => Promise<string[]>;
  log: (line: string) => void;
}

/** Anonymous Apex: create missing approver groups, add the running (admin) user to each. Idempotent. */
export function approverGroupsApex(groups = APPROVER_GROUPS): string {
  const names = groups.map((g) => `'${g.developerName}'`).join(', ');
  const labels = groups.map((g) => `'${g.developerName}' => '${g.label}'`).join(', ');
  return [
    `Map<String, String> labels = new Map<String, String>{ ${labels} };`,
    'Map<String, Group> byName = new Map<String, Group>();',
    `for (Group g : [SELECT Id, DeveloperName FROM Group WHERE Type = 'Regular' AND DeveloperName IN (${names})]) { byName.put(g.DeveloperName, g); }`,
    'List<Group> missing = new List<Group>();',
    "for (String name : labels.keySet()) { if (!byName.containsKey(name)) { missing.add(new Group(Name = labels.get(name), DeveloperName = name, Type = 'Regular')); } }",
    'insert missing;',
    'for (Group g : missing) { byName.put(g.DeveloperName, g); }',
    'Set<Id> member = new Set<Id>();',
    'for (GroupMember m : [SELECT GroupId FROM GroupMember WHERE UserOrGroupId = :UserInfo.getUserId() AND GroupId IN :byName.values()]) { member.add(m.GroupId); }',
    'List<GroupMember> adds = new List<GroupMember>();',
    'for (Group g : byName.values()) { if (!member.contains(g.Id)) { adds.add(new GroupMember(GroupId = g.Id, UserOrGroupId = UserInfo.getUserId())); } }',
    'insert adds;',
    "System.debug('ActionPlane approver groups: ' + missing.size() + ' created, ' + adds.size() + ' memberships added');",
  ].join('\n');
}

/**
 * Anonymous Apex: abort the scheduled expiry job, if any, so the deploy can replace ActionExpiryJob and the classes
 * it uses (a deploy of a class with pending or running Apex jobs fails unless the org's deployment setting allows
 * it; see docs/packaging.md). The job is scheduled again after the deploy. Uses the name, not the class, so it
 * also runs in an org where the class is not deployed yet.
 */
export function pauseExpiryJobApex(): string {
  return [
    `for (CronTrigger job : [SELECT Id FROM CronTrigger WHERE CronJobDetail.Name = '${EXPIRY_JOB_NAME}']) {`,
    '  System.abortJob(job.Id);',
    '}',
  ].join('\n');
}

/** Anonymous Apex: schedule ActionExpiryJob hourly unless a job of that name exists. */
export function scheduleExpiryJobApex(): string {
  return [
    'if ([SELECT COUNT() FROM CronTrigger WHERE CronJobDetail.Name = :ActionExpiryJob.JOB_NAME] == 0) {',
    '  ActionExpiryJob.schedule();',
    '}',
  ].join('\n');
}

function apexFile(name: string, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'actionplane-setup-'));
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

function isDuplicateAssignment(e: unknown): boolean {
  return e instanceof OrgCommandError && /duplicate|already assigned/i.test(e.message);
}

/** Runs every step; returns the app URL. Throws OrgCommandError with the failing step named. */
export async function runOrgSetup(options: OrgSetupOptions, deps: OrgSetupDeps): Promise<string> {
  const { sf, log } = deps;
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    log(`• ${name}`);
    try {
      return await work();
    } catch (e) {
      if (e instanceof OrgCommandError) throw new OrgCommandError(`${name}: ${e.message}`);
      throw e;
    }
  };

  const hub = await deps.findDevHub(options.devHub);
  log(`Dev Hub: ${hub}`);

  // The platform deploys the .js beside each LWC .ts; a fresh clone has none, and an old one may be stale.
  await step('Build the LWC JavaScript (npm run build:lwc)', () => deps.buildLwc());
  await step('Check that every LWC .ts has its current .js', async () => {
    const stale = await deps.staleLwc();
    if (stale.length > 0) {
      throw new OrgCommandError(
        `not deployed: ${stale.length} LWC source(s) have no current .js after the build: ${stale.join(', ')}`,
      );
    }
  });

  const reuse = await step(`Find scratch org '${options.alias}'`, async () => {
    if (!(await deps.isAuthorised(options.alias))) return false;
    try {
      await sf(['org', 'display', '--target-org', options.alias]);
      return true;
    } catch {
      log(`  '${options.alias}' is known but does not answer (expired?); creating a new one`);
      return false;
    }
  });
  if (reuse) {
    log(`  reusing '${options.alias}'`);
    await step('Pause the scheduled ActionExpiryJob for the deploy (scheduled again below)', () =>
      sf(['apex', 'run', '--file', apexFile('pause-expiry.apex', pauseExpiryJobApex()), '--target-org', options.alias]),
    );
  } else {
    await step(`Create scratch org '${options.alias}' (${options.durationDays} days)`, () =>
      sf([
        'org',
        'create',
        'scratch',
        '--definition-file',
        options.definitionFile,
        '--alias',
        options.alias,
        '--target-dev-hub',
        hub,
        '--duration-days',
        String(options.durationDays),
        '--set-default',
        '--wait',
        '20',
      ]),
    );
  }

  const dirs = options.agentforce ? [...SOURCE_DIRS, AGENTFORCE_DIR] : SOURCE_DIRS;
  await step(`Deploy ${dirs.join(', ')}`, async () => {
    try {
      await sf([
        'project',
        'deploy',
        'start',
        ...dirs.flatMap((dir) => ['--source-dir', dir]),
        '--target-org',
        options.alias,
        '--wait',
        '30',
      ]);
    } catch (e) {
      if (options.agentforce && e instanceof OrgCommandError) {
        throw new OrgCommandError(
          `${e.message} (${AGENTFORCE_DIR} needs Agentforce in the org: create it from ` +
            `config/project-scratch-def-agentforce.json, or run without --agentforce)`,
        );
      }
      throw e;
    }
  });

  await step(`Assign permission set ${ADMIN_PERMISSION_SET} to the admin user`, async () => {
    try {
      await sf(['org', 'assign', 'permset', '--name', ADMIN_PERMISSION_SET, '--target-org', options.alias]);
    } catch (e) {
      if (!isDuplicateAssignment(e)) throw e;
      log('  already assigned');
    }
  });

  await step(`Approver groups ${APPROVER_GROUPS.map((g) => g.developerName).join(', ')} with the admin as member`, () =>
    sf([
      'apex',
      'run',
      '--file',
      apexFile('approver-groups.apex', approverGroupsApex()),
      '--target-org',
      options.alias,
    ]),
  );

  if (options.demoData) {
    await step('Load demo Accounts and Opportunities (once)', async () => {
      const count = (await sf([
        'data',
        'query',
        '--query',
        `SELECT COUNT() FROM Opportunity WHERE Description LIKE '${DEMO_MARKER}%'`,
        '--target-org',
        options.alias,
      ])) as { totalSize?: number };
      if ((count.totalSize ?? 0) > 0) {
        log(`  ${count.totalSize} demo Opportunities already there`);
        return;
      }
      await sf(['data', 'import', 'tree', '--files', DEMO_DATA_FILE, '--target-org', options.alias]);
    });
  }

  await step('Schedule the hourly ActionExpiryJob (once)', () =>
    sf([
      'apex',
      'run',
      '--file',
      apexFile('schedule-expiry.apex', scheduleExpiryJobApex()),
      '--target-org',
      options.alias,
    ]),
  );

  const opened = (await step('Find the app URL', () =>
    sf(['org', 'open', '--target-org', options.alias, '--path', APP_PATH, '--url-only']),
  )) as { url?: string };
  if (!opened.url) throw new OrgCommandError('Find the app URL: sf org open answered without a url');
  return opened.url;
}
