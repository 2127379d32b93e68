// npm run apex -- test [--project DIR] [--class NAME ...] [--result-format human|json]
// npm run apex -- run FILE.apex [--project DIR]
//
// Runs an sfdx project's Apex on the emulator: its @IsTest methods (human output: one line per failure with the Apex
// stack, then `N passed, N failed`; json: what `sf apex run test --result-format json` prints), or an anonymous
// Apex file (prints its System.debug output).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProject } from './project';
import { Org } from './org/Org';
import { runTests, type TestRunResult } from './runner/testRunner';
import { sfJsonResult } from './runner/sfJson';
import { runAnonymous } from './entry/anonymous';

const HELP = `Usage:
  npm run apex -- test [--project DIR] [--class NAME ...] [--result-format human|json]
  npm run apex -- run FILE.apex [--project DIR]

test   runs every @IsTest method of the project's package directories (or the named classes; Class.method runs
       one method) on the Apex platform emulator, each method in its own transaction as a System Administrator.
       human: one line per failure with the Apex stack trace, then "N passed, N failed". json: the JSON that
       "sf apex run test --result-format json" prints, with line coverage per class. Exits 1 on any failure.
run    executes an anonymous Apex file and prints its System.debug output.
  --project DIR        the sfdx project (a folder with sfdx-project.json; default: the current directory)
  --class NAME         a test class to run (repeat for several)
  --result-format F    human (default) or json
  --help               this text`;

interface Args {
  command: string | undefined;
  project: string;
  classes: string[];
  format: 'human' | 'json';
  file: string | undefined;
}

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = { command: undefined, project: process.cwd(), classes: [], format: 'human', file: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    const next = (): string => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${a} needs a value`);
      i += 1;
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--project') args.project = resolve(next());
    else if (a === '--class' || a === '--class-names' || a === '-n' || a === '--tests' || a === '-t') {
      // `--class A B`, `--class A --class B` and `--class A,B` all name several classes.
      args.classes.push(...next().split(','));
      while (argv[i + 1] !== undefined && !(argv[i + 1] as string).startsWith('-')) {
        args.classes.push(...(argv[i + 1] as string).split(','));
        i += 1;
      }
    } else if (a === '--result-format' || a === '-r') {
      const f = next();
      if (f !== 'human' && f !== 'json') throw new Error(`--result-format must be human or json, not '${f}'`);
      args.format = f;
    } else if (!args.command) args.command = a;
    else if (args.command === 'run' && !args.file) args.file = a;
    else throw new Error(`unknown argument '${a}' (see --help)`);
  }
  return args;
}

function printHuman(result: TestRunResult): void {
  for (const t of result.tests) {
    if (t.outcome === 'Pass') continue;
    console.log(`FAIL ${t.className}.${t.methodName}: ${t.message ?? ''}`);
    if (t.stackTrace) for (const line of t.stackTrace.split('\n')) console.log(`    ${line}`);
  }
  const covered = result.coverage.reduce((n, c) => n + c.covered.length, 0);
  const total = result.coverage.reduce((n, c) => n + c.covered.length + c.uncovered.length, 0);
  if (total > 0) console.log(`coverage: ${((covered / total) * 100).toFixed(1)}% (${covered}/${total} lines)`);
  console.log(`time: ${result.totalMs} ms`);
  const passed = result.tests.filter((t) => t.outcome === 'Pass').length;
  console.log(`${passed} passed, ${result.tests.length - passed} failed`);
}

function main(argv: string[]): number {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`apex: ${(e as Error).message}`);
    return 2;
  }
  if (args === 'help' || !args.command) {
    console.log(HELP);
    return args === 'help' ? 0 : 2;
  }
  const project = loadProject(args.project);
  const org = new Org(project);
  if (args.command === 'test') {
    const result = runTests(org, args.classes.length > 0 ? { only: args.classes } : {});
    const failed = result.tests.some((t) => t.outcome === 'Fail');
    if (args.format === 'json') console.log(JSON.stringify(sfJsonResult(org, result, failed ? 100 : 0), null, 2));
    else printHuman(result);
    return failed ? 1 : 0;
  }
  if (args.command === 'run') {
    if (!args.file) {
      console.error('apex: run needs an .apex file');
      return 2;
    }
    const outcome = runAnonymous(org, readFileSync(resolve(args.file), 'utf8'), args.file);
    for (const d of outcome.debug) console.log(`${d.line}|${d.level}|${d.message}`);
    if (outcome.error) {
      console.error(outcome.error.message);
      if (outcome.error.stackTrace) console.error(outcome.error.stackTrace);
      return 1;
    }
    return 0;
  }
  console.error(`apex: unknown command '${args.command}' (see --help)`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
