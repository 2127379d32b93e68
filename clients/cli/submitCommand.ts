/**
 * `npm run -s actionplane -- submit <file.json>`: sends one intake v1 request (`{ run, actions }`) and prints each
 * action's outcome in words — updates, creates and deletes alike. Exit 0 when intake accepted the request (whatever policy decided), 1 when the API
 * refused it (4xx/5xx: one line per error, nothing written), 2 when the file or the connection settings are wrong.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  ActionPlaneApiError,
  ActionPlaneAuthError,
  ActionPlaneClient,
  ActionPlaneConfigError,
  ActionPlaneConnectionError,
  clientOptionsFrom,
  describeOutcome,
  ENV_HELP,
  formatFieldError,
  withApproverGroups,
  withCreatedRecords,
  type ActionDetail,
  type ActionResult,
  type ConnectionFlags,
  type SubmitRequest,
} from '../actionplane-client';

export interface SubmitOptions extends ConnectionFlags {
  /** Wait up to this many seconds for pending actions to be decided. */
  wait?: string;
  json?: boolean;
}

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

const processIo: CommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
};

class InputFileError extends Error {}

function readRequest(file: string): SubmitRequest {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputFileError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputFileError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputFileError(`${file} must hold one intake request: { "run": { "agent": … }, "actions": [ … ] }`);
  }
  // Field-level checks are the server's: it answers every problem with its exact path.
  return data as SubmitRequest;
}

function parseWait(value: string | undefined): number | null {
  if (value === undefined) return null;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new ActionPlaneConfigError(`--wait must be a positive number of seconds, got '${value}'`);
  }
  return seconds;
}

function actionLine(index: number, action: ActionResult | ActionDetail): string {
  return `actions[${index}] ${action.id} ${action.status}: ${describeOutcome(action)}`;
}

/** Runs `submit` and returns the exit code; all output goes through `io`. */
export async function runSubmit(file: string, options: SubmitOptions, io: CommandIo = processIo): Promise<number> {
  let client: ActionPlaneClient;
  let request: SubmitRequest;
  let waitSeconds: number | null;
  try {
    request = readRequest(file);
    waitSeconds = parseWait(options.wait);
    client = new ActionPlaneClient(clientOptionsFrom(options, io.env));
  } catch (e) {
    if (e instanceof InputFileError || e instanceof ActionPlaneConfigError) {
      io.err(`Error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  try {
    const response = await client.submit(request);
    let actions: (ActionResult | ActionDetail)[] = await withApproverGroups(client, response.actions);
    if (waitSeconds !== null && actions.some((a) => a.status === 'PendingApproval')) {
      actions = await Promise.all(
        actions.map(async (a) =>
          a.status === 'PendingApproval'
            ? (await client.waitForDecision(a.id, { timeoutMs: waitSeconds * 1000 })).action
            : a,
        ),
      );
    }
    if (options.json) {
      io.out(JSON.stringify({ ...response, actions }, null, 2));
      return 0;
    }
    actions = await withCreatedRecords(client, actions);
    const what = response.replayed ? 'replayed (every idempotency key was known; nothing new written)' : 'submitted';
    io.out(`Run ${response.runId}: ${actions.length} action(s) ${what}.`);
    actions.forEach((a, i) => io.out(actionLine(i, a)));
    return 0;
  } catch (e) {
    if (e instanceof ActionPlaneApiError) {
      io.err(`ActionPlane refused the request (${e.status}); nothing was written:`);
      e.errors.forEach((error) => io.err(`  ${formatFieldError(error)}`));
      return 1;
    }
    if (e instanceof ActionPlaneAuthError || e instanceof ActionPlaneConnectionError) {
      io.err(`Error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

/** Adds `submit <file.json>` to the ActionPlane CLI. The program must be run with `parseAsync`. */
export function registerSubmitCommand(
  program: Command,
  setExit: (code: number) => void,
  io: CommandIo = processIo,
): void {
  program
    .command('submit')
    .description(
      "Send an intake request ({ run, actions }) to ActionPlane and print each action's outcome: applied, pending " +
        '(with approver group and reason) or blocked. Exit 1 when the API refuses it (one line per error), 2 for a bad file or settings.',
    )
    .argument(
      '<file.json>',
      'an intake v1 request: { "run": { "agent", "externalId"? }, "actions": [ … ] }; each action an update ' +
        '(object, recordId, changes), a create (operation "create", object, changes) or a delete (operation "delete", object, recordId)',
    )
    .option('--url <url>', 'workbench or REST base URL, no auth (env ACTIONPLANE_URL)')
    .option('--login-url <url>', 'org My Domain URL for OAuth client credentials (env ACTIONPLANE_LOGIN_URL)')
    .option('--client-id <id>', 'External Client App consumer key (env ACTIONPLANE_CLIENT_ID)')
    .option('--client-secret <secret>', 'consumer secret (env ACTIONPLANE_CLIENT_SECRET)')
    .option('--namespace <ns>', 'package namespace of a managed install (env ACTIONPLANE_NAMESPACE)')
    .option('--user <username>', 'workbench only: demo user to act as (env ACTIONPLANE_USER)')
    .option('--wait <seconds>', 'wait for pending actions to be decided, then print their final outcome')
    .option('--json', 'print the answer as JSON')
    .addHelpText('after', `\nEnvironment:\n${ENV_HELP}`)
    .action(async (file: string, options: SubmitOptions) => {
      setExit(await runSubmit(file, options, io));
    });
}
