// npm run bench:apex — figures of the Apex platform emulator, printed, not asserted (these machines are noisy):
// interpreter throughput on a CPU-bound anonymous Apex script (statements per second), and the time of the
// package's Apex test suite on the emulator (what npm test runs), with its slowest test classes.
import { resolve } from 'node:path';
import { loadProject } from '../emulator/src/project';
import { Org } from '../emulator/src/org/Org';
import { runAnonymous } from '../emulator/src/entry/anonymous';
import { runTests } from '../emulator/src/runner/testRunner';

const HELP = `Usage: tsx scripts/bench-apex.ts [--project DIR] [--skip-suite]

Prints: statements per second of a CPU-bound anonymous Apex loop (integer arithmetic, string building, list and
map operations, method calls), the package suite's wall time and the five slowest test classes.`;

const SCRIPT = `
public class Counter {
  public Integer n = 0;
  public void add(Integer k) { n += k; }
}
Counter c = new Counter();
Map<String, Integer> seen = new Map<String, Integer>();
List<String> parts = new List<String>();
for (Integer i = 0; i < 40000; i++) {
  c.add(Math.mod(i, 7));
  String key = 'k' + Math.mod(i, 100);
  if (seen.containsKey(key)) { seen.put(key, seen.get(key) + 1); } else { seen.put(key, 1); }
  if (Math.mod(i, 1000) == 0) { parts.add(String.valueOf(i)); }
}
System.debug(c.n + ' ' + seen.size() + ' ' + parts.size());
`;

function main(): number {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const i = argv.indexOf('--project');
  const project = resolve(i >= 0 ? (argv[i + 1] ?? '.') : resolve(__dirname, '..'));
  const t0 = performance.now();
  const org = new Org(loadProject(project));
  const loadMs = performance.now() - t0;
  console.log(`emulated org ready in ${loadMs.toFixed(0)} ms (metadata, schema, library)`);
  for (let round = 1; round <= 3; round += 1) {
    const start = performance.now();
    const out = runAnonymous(org, SCRIPT, 'bench.apex');
    const ms = performance.now() - start;
    if (out.error) {
      console.error(`bench script failed: ${out.error.message}`);
      return 1;
    }
    const statements = out.statements ?? 0;
    console.log(
      `round ${round}: ${statements} statements in ${ms.toFixed(0)} ms = ${Math.round(statements / (ms / 1000))} statements/s`,
    );
  }
  if (!argv.includes('--skip-suite')) {
    const start = performance.now();
    const result = runTests(org);
    const ms = performance.now() - start;
    const byClass = new Map<string, number>();
    for (const t of result.tests) byClass.set(t.className, (byClass.get(t.className) ?? 0) + t.runTimeMs);
    const passed = result.tests.filter((t) => t.outcome === 'Pass').length;
    console.log(`package suite: ${result.tests.length} test methods (${passed} pass) in ${(ms / 1000).toFixed(1)} s`);
    for (const [name, total] of [...byClass].sort((a, b) => b[1] - a[1]).slice(0, 5))
      console.log(`    ${name}: ${total} ms`);
  }
  return 0;
}

process.exitCode = main();
