/**
 * How the org scripts reach Salesforce: the project's own sf CLI (node_modules/.bin/sf) with `--json`, and
 * @salesforce/core for what is authorised on this machine. Every failure becomes an OrgCommandError whose message
 * says what to do next.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ConfigAggregator, StateAggregator } from '@salesforce/core';

export const LOGIN_HINT = 'Authorise one with: sf org login web --set-default-dev-hub --alias devhub';

export const NO_DEV_HUB_MESSAGE =
  'No Dev Hub is authorised on this machine, so no scratch org can be created. ' +
  `${LOGIN_HINT} (a Developer Edition or production org with Dev Hub enabled), or pass --dev-hub <alias>.`;

export class OrgCommandError extends Error {
  override readonly name = 'OrgCommandError';
}

/** Runs `sf <args> --json` and returns its `result`; throws with sf's own message when it fails. */
export type SfRunner = (args: string[]) => Promise<unknown>;

const SF_BIN = join(__dirname, '..', '..', 'node_modules', '.bin', 'sf');

export const runSf: SfRunner = (args) =>
  new Promise((resolve, reject) => {
    execFile(
      SF_BIN,
      [...args, '--json'],
      {
        maxBuffer: 64 * 1024 * 1024,
        // No self-update and no telemetry from scripts (toolchain.md).
        env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true', FORCE_COLOR: '0' },
      },
      (error, stdout, stderr) => {
        const parsed = parseSfJson(stdout);
        if (parsed && parsed.status === 0 && !error) return resolve(parsed.result);
        const why = parsed?.message ?? (stderr.trim() || error?.message || 'no output');
        reject(new OrgCommandError(`sf ${args.slice(0, 3).join(' ')} failed: ${why}`));
      },
    );
  });

interface SfJson {
  status?: number;
  result?: unknown;
  message?: string;
}

function parseSfJson(stdout: string): SfJson | null {
  try {
    return JSON.parse(stdout) as SfJson;
  } catch {
    return null;
  }
}

/** The Dev Hub's username: `explicit` (alias or username) or the CLI's target-dev-hub, if it is authorised here. */
export async function findDevHub(explicit: string | null): Promise<string> {
  const config = await ConfigAggregator.create();
  const hub = explicit ?? (config.getPropertyValue('target-dev-hub') as string | undefined) ?? null;
  if (!hub) throw new OrgCommandError(NO_DEV_HUB_MESSAGE);
  const state = await StateAggregator.getInstance();
  const username = state.aliases.resolveUsername(hub);
  if (!(await state.orgs.exists(username))) {
    throw new OrgCommandError(`The Dev Hub '${hub}' is not authorised on this machine. ${LOGIN_HINT}`);
  }
  return username;
}

/** True when `alias` names an org authorised on this machine. */
export async function isAuthorised(alias: string): Promise<boolean> {
  const state = await StateAggregator.getInstance();
  return state.orgs.exists(state.aliases.resolveUsername(alias));
}
