#!/usr/bin/env node
/**
 * `npm run org:setup`: from a clone to a working scratch org in one command — create or reuse the scratch org,
 * deploy, assign ActionPlane_Admin, approver groups with the admin in them, demo data, hourly expiry job, app URL.
 * Needs a Dev Hub authorised once on this machine; without one it stops at once and says how to authorise.
 */
import { OrgArgsError, ORG_SETUP_HELP, parseOrgSetupArgs } from './lib/orgArgs';
import { findDevHub, isAuthorised, OrgCommandError, runSf } from './lib/orgCli';
import { runOrgSetup } from './lib/orgSetupSteps';

export async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseOrgSetupArgs(argv);
    if (parsed.help) {
      process.stdout.write(`${ORG_SETUP_HELP}\n`);
      return 0;
    }
    const url = await runOrgSetup(parsed.options, {
      sf: runSf,
      findDevHub,
      isAuthorised,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    process.stdout.write(`\nActionPlane is ready: ${url}\n`);
    return 0;
  } catch (e) {
    if (e instanceof OrgArgsError || e instanceof OrgCommandError) {
      process.stderr.write(`org:setup: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
