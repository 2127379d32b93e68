// npm test — every offline check in order, each timed. Keeps going after a failure so one run shows every problem;
// the last line is exactly `N passed, N failed`. See docs/verification.md for what each step catches.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const HELP = `Usage: tsx scripts/test-all.ts [--only <step>]...

Runs, in order: ${'typecheck, lint, format:check, lint:apex, lint:metadata, build:lwc, test:unit, vectors, apex, fidelity, test:browser'}.
Prints each step's status and time, then a count of checks: one per step, plus the tests a step reports itself
(Jest's JSON results, the "N passed, N failed" line of the vectors runner and the browser tests).
The last line is "N passed, N failed"; exits 1 if anything failed.
  --only <step>   run only the named step(s), e.g. --only lint:apex
  --help          this text`;

interface Step {
  name: string;
  command: string[];
  /** Why the step cannot run, when a file it needs is missing: the step then fails with this reason. */
  missing?: () => string | undefined;
  /** Reads the step's own pass/fail counts after it ran. */
  counts?: (output: string) => Counts | undefined;
}
interface Counts {
  passed: number;
  failed: number;
}
interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  counts?: Counts;
  note?: string;
}

const npmRun = (script: string): string[] => ['npm', 'run', '-s', script];

/** The `N passed, N failed` summary line a runner prints last, if it did. */
function summaryLine(output: string): Counts | undefined {
  const lines = output.trimEnd().split('\n');
  const match = /^(\d+) passed, (\d+) failed$/.exec((lines[lines.length - 1] ?? '').trim());
  return match ? { passed: Number(match[1]), failed: Number(match[2]) } : undefined;
}

function steps(jestJson: string): Step[] {
  return [
    { name: 'typecheck', command: npmRun('typecheck') },
    { name: 'lint', command: npmRun('lint') },
    { name: 'format:check', command: npmRun('format:check') },
    { name: 'lint:apex', command: npmRun('lint:apex') },
    { name: 'lint:metadata', command: npmRun('lint:metadata') },
    { name: 'build:lwc', command: npmRun('build:lwc') },
    {
      name: 'test:unit',
      command: ['npx', 'jest', '--json', `--outputFile=${jestJson}`],
      counts: () => {
        if (!existsSync(jestJson)) return undefined;
        const report = JSON.parse(readFileSync(jestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number };
        return { passed: report.numPassedTests, failed: report.numFailedTests };
      },
    },
    {
      name: 'vectors',
      command: ['npx', 'tsx', 'src/cli/actionplane.ts', 'vectors', 'test-app/main/core/staticresources'],
      missing: () =>
        existsSync(join(ROOT, 'src/cli/actionplane.ts')) ? undefined : 'src/cli/actionplane.ts is missing',
      counts: summaryLine,
    },
    {
      name: 'apex',
      command: ['npx', 'tsx', 'scripts/test-apex-emulator.ts'],
      counts: summaryLine,
    },
    {
      name: 'fidelity',
      command: [
        'npx',
        'tsx',
        'scripts/test-apex-emulator.ts',
        '--project',
        'emulator/fidelity',
        '--known-failures',
        'emulator/fidelity/known-gaps.json',
      ],
      counts: summaryLine,
    },
    {
      name: 'test:browser',
      command: npmRun('test:browser'),
      missing: () =>
        existsSync(join(ROOT, 'scripts/test-browser.ts')) ? undefined : 'scripts/test-browser.ts is missing',
      counts: summaryLine,
    },
  ];
}

/** Runs a command from the repo root, echoing its output live and returning it. */
function run(command: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise) => {
    const [program = '', ...args] = command;
    const child = spawn(program, args, {
      cwd: ROOT,
      env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const echo = (chunk: Buffer): void => {
      output += chunk.toString();
      process.stdout.write(chunk);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    child.on('error', (error) => resolvePromise({ code: 127, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  const only = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--only' && argv[i + 1]) only.add(argv[(i += 1)] ?? '');
    else {
      console.error(`test-all: unknown argument '${argv[i]}' (see --help)`);
      return 2;
    }
  }
  const scratch = mkdtempSync(join(tmpdir(), 'actionplane-test-all-'));
  const results: StepResult[] = [];
  const allSteps = steps(join(scratch, 'jest.json'));
  const unknown = [...only].filter((name) => !allSteps.some((step) => step.name === name));
  if (unknown.length > 0) {
    console.error(
      `test-all: unknown step(s) ${unknown.join(', ')}; steps are ${allSteps.map((s) => s.name).join(', ')}`,
    );
    return 2;
  }
  try {
    for (const step of allSteps.filter((s) => only.size === 0 || only.has(s.name))) {
      console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
      const reason = step.missing?.();
      if (reason) {
        console.log(`FAILED ${step.name}: ${reason}`);
        results.push({ name: step.name, ok: false, seconds: 0, note: reason });
        continue;
      }
      const start = performance.now();
      const { code, output } = await run(step.command);
      const seconds = (performance.now() - start) / 1000;
      const counts = step.counts?.(output);
      results.push({ name: step.name, ok: code === 0, seconds, ...(counts ? { counts } : {}) });
      console.log(`${code === 0 ? 'ok' : 'FAILED'} ${step.name} (${seconds.toFixed(1)} s, exit ${code})`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return report(results);
}

/** Prints the per-step table and the final `N passed, N failed` line; returns the exit code. */
function report(results: StepResult[]): number {
  console.log('\n=== summary');
  let passed = 0;
  let failed = 0;
  let total = 0;
  for (const r of results) {
    total += r.seconds;
    if (r.ok) passed += 1;
    else failed += 1;
    if (r.counts) {
      passed += r.counts.passed;
      failed += r.counts.failed;
    }
    const counts = r.counts ? `  ${r.counts.passed} passed, ${r.counts.failed} failed inside` : '';
    const note = r.note ? `  (${r.note})` : '';
    console.log(
      `${(r.ok ? 'ok' : 'FAILED').padEnd(7)} ${r.name.padEnd(14)} ${r.seconds.toFixed(1).padStart(6)} s${counts}${note}`,
    );
  }
  console.log(`total ${total.toFixed(1)} s over ${results.length} steps`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || results.some((r) => !r.ok) ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`test-all: ${error instanceof Error ? error.message : String(error)}`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
