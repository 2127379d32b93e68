/**
 * Argument parsing for the org scripts (`npm run org:setup`, `npm run test:apex`): pure functions, so every
 * message a user can get for bad arguments is unit-tested without an org.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class OrgArgsError extends Error {
  override readonly name = 'OrgArgsError';
}

export interface OrgSetupOptions {
  alias: string;
  devHub: string | null;
  durationDays: number;
  definitionFile: string;
  demoData: boolean;
  /** Also deploy agentforce-app (the GenAi agent actions and topic); needs an org with Agentforce. */
  agentforce: boolean;
}

/** The scratch definition without Agentforce (any Dev Hub can create it). */
export const DEFAULT_DEFINITION = 'config/project-scratch-def.json';
/** The scratch definition with Agentforce, used by --agentforce (needs a Dev Hub that may create such orgs). */
export const AGENTFORCE_DEFINITION = 'config/project-scratch-def-agentforce.json';

export interface TestApexOptions {
  targetOrg: string;
  classNames: string[];
  tests: string[];
  codeCoverage: boolean;
  waitMinutes: number;
  json: boolean;
}

export type Parsed<T> = { help: true } | { help: false; options: T };

export const ORG_SETUP_HELP = `Usage: npm run org:setup -- [options]

Builds the LWC JavaScript, then creates (or reuses) a scratch org with ActionPlane deployed, demo data loaded and
the expiry job scheduled, and prints the app URL. Safe to run again: every step checks what is already there.

Options:
  --alias <alias>           scratch org alias (default: actionplane)
  --dev-hub <alias|user>    Dev Hub to use (default: the CLI's target-dev-hub)
  --duration-days <1-30>    scratch org lifetime when one is created (default: 7)
  --definition-file <path>  scratch org definition (default: ${DEFAULT_DEFINITION},
                            or ${AGENTFORCE_DEFINITION} with --agentforce)
  --agentforce              also deploy agentforce-app (agent actions and topic); the org needs Agentforce, and
                            creating such a scratch org needs a Dev Hub allowed to (see docs/packaging.md)
  --no-demo-data            skip loading demo Opportunities
  -h, --help                show this help

Needs a Dev Hub authorised once: sf org login web --set-default-dev-hub --alias devhub`;

export const TEST_APEX_HELP = `Usage: npm run test:apex -- [options]

Runs the org's local Apex tests (or the named ones) with code coverage through @salesforce/apex-node, prints
per-class results and coverage, and exits 1 when any test fails.

Options:
  --target-org <alias|user>   org to test (default: actionplane, the org:setup scratch org)
  --class-names <A,B>         only these test classes
  --tests <Class.method,...>  only these test methods
  --no-code-coverage          skip coverage (faster)
  --wait <minutes>            give up after this long (default: 20)
  --json                      print the raw result as JSON
  -h, --help                  show this help`;

const ALIAS = /^[A-Za-z0-9_.@-]+$/;
const APEX_NAME = /^[A-Za-z][A-Za-z0-9_]*(__[A-Za-z][A-Za-z0-9_]*)?$/;

function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, allowNegative: true, strict: true });
  } catch (e) {
    // node:util names the offending flag ("Unknown option '--alais'"); keep its words.
    throw new OrgArgsError(`${(e as Error).message}. Run with --help for the options.`);
  }
}

function positionals(list: string[]): void {
  if (list.length > 0) throw new OrgArgsError(`Unexpected argument '${list[0]}'. Run with --help for the options.`);
}

function integerIn(raw: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new OrgArgsError(`${flag} must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

function alias(raw: string | undefined, flag: string, fallback: string): string {
  const value = raw ?? fallback;
  if (!ALIAS.test(value)) throw new OrgArgsError(`${flag} must be an org alias or username, got '${value}'`);
  return value;
}

function nameList(raw: string | undefined, flag: string, pattern: RegExp): string[] {
  if (raw === undefined) return [];
  const names = raw.split(',').map((n) => n.trim());
  const bad = names.filter((n) => !pattern.test(n));
  if (bad.length > 0) throw new OrgArgsError(`${flag} has invalid name(s): ${bad.map((b) => `'${b}'`).join(', ')}`);
  return names;
}

export function parseOrgSetupArgs(argv: string[]): Parsed<OrgSetupOptions> {
  const { values, positionals: rest } = parse(argv, {
    alias: { type: 'string' },
    'dev-hub': { type: 'string' },
    'duration-days': { type: 'string' },
    'definition-file': { type: 'string' },
    'demo-data': { type: 'boolean', default: true },
    agentforce: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { help: true };
  positionals(rest);
  const agentforce = values.agentforce as boolean;
  return {
    help: false,
    options: {
      alias: alias(values.alias as string | undefined, '--alias', 'actionplane'),
      devHub: values['dev-hub'] === undefined ? null : alias(values['dev-hub'] as string, '--dev-hub', ''),
      durationDays: integerIn(values['duration-days'] as string | undefined, '--duration-days', 1, 30, 7),
      definitionFile:
        (values['definition-file'] as string | undefined) ?? (agentforce ? AGENTFORCE_DEFINITION : DEFAULT_DEFINITION),
      demoData: values['demo-data'] as boolean,
      agentforce,
    },
  };
}

export function parseTestApexArgs(argv: string[]): Parsed<TestApexOptions> {
  const { values, positionals: rest } = parse(argv, {
    'target-org': { type: 'string' },
    'class-names': { type: 'string' },
    tests: { type: 'string' },
    'code-coverage': { type: 'boolean', default: true },
    wait: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { help: true };
  positionals(rest);
  const classNames = nameList(values['class-names'] as string | undefined, '--class-names', APEX_NAME);
  const tests = nameList(
    values.tests as string | undefined,
    '--tests',
    /^[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$/,
  );
  if (classNames.length > 0 && tests.length > 0) {
    throw new OrgArgsError('Use either --class-names or --tests, not both');
  }
  return {
    help: false,
    options: {
      targetOrg: alias(values['target-org'] as string | undefined, '--target-org', 'actionplane'),
      classNames,
      tests,
      codeCoverage: values['code-coverage'] as boolean,
      waitMinutes: integerIn(values.wait as string | undefined, '--wait', 1, 120, 20),
      json: values.json as boolean,
    },
  };
}
