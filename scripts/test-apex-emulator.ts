// npm test's Apex step: runs every @IsTest method of an sfdx project on the Apex platform emulator (emulator/) and
// compares the failures with a list of known package defects. The step fails when a test fails that the list does
// not name, or when a listed test passes (the defect is fixed: take it off the list). Prints line coverage.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProject } from '../emulator/src/project';
import { Org } from '../emulator/src/org/Org';
import { runTests } from '../emulator/src/runner/testRunner';

const HELP = `Usage: tsx scripts/test-apex-emulator.ts [--project DIR] [--known-failures FILE] [--min-coverage N]

Runs the project's Apex tests on the emulator (the same runner as "npm run apex -- test").
  --project DIR          the sfdx project (default: the repo root)
  --known-failures FILE  JSON object {"Class.method": "the package defect it shows"} (default:
                         test/apex-known-failures.json when the project is the repo; none otherwise)
  --min-coverage N       fail when overall line coverage is below N percent (default: no threshold)
The last line is "N passed, N failed" where failed counts unexpected failures and listed tests that now pass.`;

interface Options {
  project: string;
  knownFailures: string | undefined;
  minCoverage: number | undefined;
}

function parseArgs(argv: string[]): Options | 'help' {
  const root = resolve(__dirname, '..');
  const o: Options = {
    project: root,
    knownFailures: join(root, 'test/apex-known-failures.json'),
    minCoverage: undefined,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[i + 1];
      if (v === undefined) throw new Error(`${a} needs a value`);
      i += 1;
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    if (a === '--project') {
      o.project = resolve(value());
      if (o.project !== root) o.knownFailures = undefined;
    } else if (a === '--known-failures') o.knownFailures = resolve(value());
    else if (a === '--min-coverage') o.minCoverage = Number(value());
    else throw new Error(`unknown argument '${a}' (see --help)`);
  }
  return o;
}

function main(): number {
  let options: Options | 'help';
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`test-apex-emulator: ${(e as Error).message}`);
    return 2;
  }
  if (options === 'help') {
    console.log(HELP);
    return 0;
  }
  const known: Record<string, string> =
    options.knownFailures && existsSync(options.knownFailures)
      ? (JSON.parse(readFileSync(options.knownFailures, 'utf8')) as Record<string, string>)
      : {};
  const t0 = performance.now();
  const org = new Org(loadProject(options.project));
  const result = runTests(org);
  let unexpected = 0;
  let passed = 0;
  const seen = new Set<string>();
  for (const t of result.tests) {
    const name = `${t.className}.${t.methodName}`;
    seen.add(name);
    const listed = known[name];
    if (t.outcome === 'Pass') {
      if (listed) {
        unexpected += 1;
        console.log(`NOW PASSES ${name} — take it off the known failures ("${listed}")`);
      } else passed += 1;
      continue;
    }
    if (listed) {
      console.log(`known failure ${name}: ${listed}`);
      continue;
    }
    unexpected += 1;
    console.log(`FAIL ${name}: ${t.message ?? ''}`);
    for (const line of (t.stackTrace ?? '').split('\n').filter(Boolean)) console.log(`    ${line}`);
  }
  for (const name of Object.keys(known)) {
    if (!seen.has(name)) {
      unexpected += 1;
      console.log(`UNKNOWN known failure ${name}: no such test ran — remove it from the list`);
    }
  }
  const covered = result.coverage.reduce((n, c) => n + c.covered.length, 0);
  const total = covered + result.coverage.reduce((n, c) => n + c.uncovered.length, 0);
  const pct = total === 0 ? 0 : (covered / total) * 100;
  const low = result.coverage.filter(
    (c) => c.covered.length / Math.max(1, c.covered.length + c.uncovered.length) < 0.75,
  );
  console.log(`coverage: ${pct.toFixed(1)}% overall (${covered}/${total} lines); classes under 75%: ${low.length}`);
  for (const c of low) {
    const n = c.covered.length + c.uncovered.length;
    console.log(`    ${c.name} ${((c.covered.length / n) * 100).toFixed(0)}% (${c.covered.length}/${n})`);
  }
  const knownCount = result.tests.filter((t) => t.outcome === 'Fail' && known[`${t.className}.${t.methodName}`]).length;
  console.log(
    `${result.tests.length} Apex tests in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${passed} pass, ${knownCount} known package defects`,
  );
  if (options.minCoverage !== undefined && pct < options.minCoverage) {
    unexpected += 1;
    console.log(`coverage ${pct.toFixed(1)}% is under the required ${options.minCoverage}%`);
  }
  console.log(`${passed} passed, ${unexpected} failed`);
  return unexpected > 0 ? 1 : 0;
}

process.exitCode = main();
