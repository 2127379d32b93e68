#!/usr/bin/env node
/**
 * `npm run org:setup`: from a clone to a working scratch org in one command — build the LWC JavaScript, create or
 * reuse the scratch org, deploy, assign ActionPlane_Admin, approver groups with the admin in them, demo data, hourly
 * expiry job, app URL. Needs a Dev Hub authorised once on this machine; without one it stops at once and says how
 * to authorise.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { staleLwcOutputs } from './lib/lwcOutputs';
import { OrgArgsError, ORG_SETUP_HELP, parseOrgSetupArgs } from './lib/orgArgs';
import { findDevHub, isAuthorised, OrgCommandError, runSf } from './lib/orgCli';
import { runOrgSetup } from './lib/orgSetupSteps';

const ROOT = join(__dirname, '..');

/** `npm run build:lwc` in the repo; its output is shown only when it fails. */
function buildLwc(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'build:lwc'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (e) => reject(new OrgCommandError(`npm run build:lwc could not start: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new OrgCommandError(`npm run build:lwc failed (exit ${code}):\n${output.trim().slice(-4000)}`));
    });
  });
}

function staleLwc(): Promise<string[]> {
  try {
    return Promise.resolve(staleLwcOutputs());
  } catch (e) {
    return Promise.reject(new OrgCommandError((e as Error).message));
  }
}

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
      buildLwc,
      staleLwc,
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
