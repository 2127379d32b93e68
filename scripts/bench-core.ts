/**
 * `npm run bench:core`: throughput of the TypeScript policy engine on synthetic actions. Prints figures, asserts
 * nothing (machines here are noisy): `N decisions/s`, plus the cost of compiling the metadata once.
 *   --actions <n>   synthetic actions (default 10000)
 *   --policies <n>  active policies (default 50)
 */
import { performance } from 'node:perf_hooks';
import {
  compilePolicies,
  evaluatePolicy,
  type ActionPolicyRecord,
  type PolicyConditionRecord,
  type ProposedAction,
} from '../src/core/PolicyEngine';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a whole number above 0\n`);
    process.exit(2);
  }
  return n;
}

if (process.argv.includes('--help')) {
  process.stdout.write('Usage: npm run bench:core -- [--actions 10000] [--policies 50]\n');
  process.exit(0);
}

const actionCount = arg('actions', 10_000);
const policyCount = arg('policies', 50);
const fields = ['StageName', 'CloseDate', 'Amount', 'NextStep', 'Probability', 'Description', 'Type', 'LeadSource'];
const operators: [string, string][] = [
  ['increases_by_more_than_pct', '20'],
  ['decreases_by_more_than_pct', '15'],
  ['date_moves_by_more_than_days', '14'],
  ['changes_to', 'Closed Won|Closed Lost'],
  ['new_value_greater_than', '100000'],
  ['changes', ''],
];
const risks = ['Low', 'Medium', 'High', 'Critical'];

// Deterministic pseudo-random numbers so every run measures the same work.
let seed = 42;
const rand = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

const policies: ActionPolicyRecord[] = [];
const conditions: PolicyConditionRecord[] = [];
for (let i = 0; i < policyCount; i++) {
  const field = pick(fields);
  const name = `Bench_${i}`;
  // Realistic mix: most rules route or auto-run; a few block one named field.
  const effect = i % 10 === 9 ? 'Block' : i % 2 === 0 ? 'AutoRun' : 'RequireApproval';
  policies.push({
    DeveloperName: name,
    Active__c: true,
    Object__c: i % 10 === 0 ? '*' : 'Opportunity',
    Fields__c: i % 7 === 0 && effect !== 'Block' ? '*' : field,
    Agents__c: i % 5 === 0 ? 'pipeline-agent,forecast-agent' : null,
    Effect__c: effect,
    MinConfidence__c: i % 3 === 0 ? 0.8 : null,
    Risk__c: pick(risks),
    ApproverGroup__c: i % 2 === 0 ? 'Sales_Managers' : null,
    RequiredApprovals__c: 1 + (i % 2),
    ExpiresAfterHours__c: 24 + i,
    Reason__c: `Synthetic policy ${i}`,
  });
  if (i % 2 === 1) {
    const [op, value] = pick(operators);
    conditions.push({ DeveloperName: `${name}_c`, Policy__c: name, Field__c: field, Operator__c: op, Value__c: value });
  }
}

const actions: ProposedAction[] = [];
for (let i = 0; i < actionCount; i++) {
  const changes: ProposedAction['changes'] = {};
  const n = 1 + Math.floor(rand() * 3);
  for (let k = 0; k < n; k++) {
    const f = pick(fields);
    if (f === 'CloseDate') changes[f] = { before: '2026-12-01', after: `2026-12-${10 + Math.floor(rand() * 19)}` };
    else if (f === 'Amount' || f === 'Probability')
      changes[f] = { before: 1000 + i, after: Math.round((1000 + i * rand() * 2) * 100) / 100 }; // currency: cents
    else if (f === 'StageName') changes[f] = { before: 'Prospecting', after: pick(['Negotiation', 'Closed Won']) };
    else changes[f] = { before: `old ${i}`, after: `new ${i}` };
  }
  actions.push({
    object: 'Opportunity',
    recordId: `006${String(i).padStart(15, '0')}`,
    agent: pick(['pipeline-agent', 'forecast-agent', 'hygiene-agent']),
    confidence: Math.round(rand() * 100) / 100,
    changes,
  });
}

const metadata = { policies, conditions, sensitivities: [], settings: { Mode__c: 'Enforce' } };
const t0 = performance.now();
const compiled = compilePolicies(metadata);
const compileMs = performance.now() - t0;

// Warm up: one full pass lets the JIT finish optimising (its compile time would otherwise dominate a short run),
// then three measured passes; the median pass is reported.
for (const a of actions) evaluatePolicy(compiled, a);
const passes: { ms: number; cpuMs: number }[] = [];
const tally: Record<string, number> = {};
for (let pass = 0; pass < 3; pass++) {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (const a of actions) {
    const d = evaluatePolicy(compiled, a);
    if (pass === 0) tally[d.effect] = (tally[d.effect] ?? 0) + 1;
  }
  const cpu = process.cpuUsage(cpu0);
  passes.push({ ms: performance.now() - wall0, cpuMs: (cpu.user + cpu.system) / 1000 });
}
passes.sort((x, y) => x.ms - y.ms);
const { ms, cpuMs } = passes[1] as { ms: number; cpuMs: number };
// Wall time also counts other processes' turns on a shared machine; CPU time is printed beside it.
const perSecond = Math.round((actions.length / ms) * 1000);
const perCpuSecond = Math.round((actions.length / cpuMs) * 1000);

process.stdout.write(
  `policies: ${policyCount} active, ${conditions.length} conditions; compile once: ${compileMs.toFixed(2)} ms\n`,
);
process.stdout.write(
  `actions: ${actions.length} per pass, median of 3 passes after a warm-up pass: ${ms.toFixed(1)} ms → ${((ms / actions.length) * 1000).toFixed(1)} µs each\n`,
);
process.stdout.write(`effects: ${JSON.stringify(tally)}\n`);
process.stdout.write(`CPU: ${cpuMs.toFixed(1)} ms → ${perCpuSecond} decisions per CPU-second\n`);
process.stdout.write(`${perSecond} decisions/s\n`);
