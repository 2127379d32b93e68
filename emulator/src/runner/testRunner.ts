// Runs the @IsTest methods of a project on the emulator, as an org's test run does (Apex Developer Guide,
// "Testing Apex"): each test method is its own transaction, data made in a @TestSetup method is there at the start
// of every method of its class, nothing a test writes is visible to another test, and organization data stays
// hidden unless SeeAllData=true (setup records — users, profiles, groups, permission sets, custom metadata — stay
// visible). The default running user is a System Administrator.
import { restorePlatformCache, snapshotPlatformCache } from '../library/cache/platformCache';
import type { ClassInfo, MethodInfo } from '../runtime/classes';
import { ApexThrow, exceptionState } from '../runtime/exceptions';
import { invoke, normalizeError } from '../runtime/invoke';
import { EmulatorUnsupportedError } from '../errors';
import { ApexSyntaxError } from '../apex/parse';
import type { Org } from '../org/Org';
import type { Database } from '../data/Database';
import { executableLines } from './coverage';

export interface TestMethodResult {
  className: string;
  methodName: string;
  outcome: 'Pass' | 'Fail';
  message: string | null;
  stackTrace: string | null;
  runTimeMs: number;
  cpuTimeMs: number;
  queries: number;
  dmlStatements: number;
}

export interface ClassCoverage {
  name: string;
  file: string;
  covered: number[];
  uncovered: number[];
}

export interface TestRunResult {
  startedAt: Date;
  tests: TestMethodResult[];
  coverage: ClassCoverage[];
  totalMs: number;
}

export interface TestRunOptions {
  /** Class names to run (default: every test class). `Class.method` runs one method. */
  only?: string[];
  onResult?: (r: TestMethodResult) => void;
}

/** The test classes of the project: top-level classes annotated @IsTest, read without parsing the others. */
export function testClassNames(org: Org): string[] {
  return org.program
    .classNames()
    .filter((name) => /@istest\b/i.test(org.program.classSource(name)?.body ?? ''))
    .sort((a, b) => a.localeCompare(b));
}

function testMethodsOf(cls: ClassInfo): MethodInfo[] {
  const out: MethodInfo[] = [];
  for (const list of cls.methods.values()) {
    for (const m of list) {
      if (!m.isStatic) continue;
      if (m.annotation('IsTest') || m.mods.isTestMethod) out.push(m);
    }
  }
  const line = (m: MethodInfo): number =>
    m.decl && 'kind' in m.decl && m.decl.kind === 'method' ? m.decl.loc.line : 0;
  return out.sort((a, b) => line(a) - line(b));
}

function setupMethodsOf(cls: ClassInfo): MethodInfo[] {
  const out: MethodInfo[] = [];
  for (const list of cls.methods.values()) for (const m of list) if (m.annotation('TestSetup')) out.push(m);
  return out;
}

/** What a failed test reports: `Type: message` and the Apex stack, as an org's test result does. */
export function describeFailure(e: unknown): { message: string; stackTrace: string | null } {
  if (e instanceof ApexThrow) {
    const ex = e.exception;
    const st = exceptionState(ex);
    const type = ex.cls.isBuiltin ? `${ex.cls.namespace ?? 'System'}.${ex.cls.name}` : ex.cls.apexName;
    return { message: st.message === null ? type : `${type}: ${st.message}`, stackTrace: st.stackTrace || null };
  }
  if (e instanceof EmulatorUnsupportedError) return { message: e.message, stackTrace: e.location ?? null };
  if (e instanceof ApexSyntaxError) return { message: `Compile error: ${e.message}`, stackTrace: null };
  const err = e as Error;
  return { message: `Emulator internal error: ${err.message ?? String(e)}`, stackTrace: err.stack ?? null };
}

function runInTxn(org: Org, method: MethodInfo): { error?: unknown; cpu: number; queries: number; dml: number } {
  const txn = org.newTxn({ userId: org.seed.adminUserId, isTest: true });
  const started = performance.now();
  try {
    invoke(txn, method, null, []);
    return { cpu: performance.now() - started, queries: txn.limits.used.queries, dml: txn.limits.used.dmlStatements };
  } catch (e) {
    return {
      error: normalizeError(txn, e),
      cpu: performance.now() - started,
      queries: txn.limits.used.queries,
      dml: txn.limits.used.dmlStatements,
    };
  }
}

export function runTests(org: Org, options: TestRunOptions = {}): TestRunResult {
  const startedAt = new Date();
  const t0 = performance.now();
  const wanted = options.only?.map((n) => n.toLowerCase());
  const classNames = testClassNames(org).filter(
    (n) => !wanted || wanted.some((w) => w === n.toLowerCase() || w.startsWith(`${n.toLowerCase()}.`)),
  );
  const pristine: Database = org.db.snapshot();
  // The platform cache is isolated like the database (each test method starts from its @TestSetup's state).
  const pristineCache = snapshotPlatformCache(org);
  const tests: TestMethodResult[] = [];
  for (const name of classNames) {
    let cls: ClassInfo | undefined;
    let loadError: unknown;
    try {
      cls = org.program.userClass(name);
    } catch (e) {
      loadError = e;
    }
    if (!cls) {
      const failure = describeFailure(loadError ?? new Error(`class ${name} could not be loaded`));
      const r: TestMethodResult = {
        className: name,
        methodName: '<compile>',
        outcome: 'Fail',
        message: failure.message,
        stackTrace: failure.stackTrace,
        runTimeMs: 0,
        cpuTimeMs: 0,
        queries: 0,
        dmlStatements: 0,
      };
      tests.push(r);
      options.onResult?.(r);
      continue;
    }
    org.db.restore(pristine);
    restorePlatformCache(org, pristineCache);
    let setupError: unknown;
    for (const setup of setupMethodsOf(cls)) {
      const outcome = runInTxn(org, setup);
      if (outcome.error) {
        setupError = outcome.error;
        break;
      }
    }
    const afterSetup = org.db.snapshot();
    const afterSetupCache = snapshotPlatformCache(org);
    for (const method of testMethodsOf(cls)) {
      if (wanted && !wanted.includes(name.toLowerCase()) && !wanted.includes(`${name}.${method.name}`.toLowerCase()))
        continue;
      org.db.restore(afterSetup);
      restorePlatformCache(org, afterSetupCache);
      const begin = performance.now();
      const outcome = setupError ? { error: setupError, cpu: 0, queries: 0, dml: 0 } : runInTxn(org, method);
      const failure = outcome.error ? describeFailure(outcome.error) : undefined;
      const r: TestMethodResult = {
        className: cls.name,
        methodName: method.name,
        outcome: failure ? 'Fail' : 'Pass',
        message: failure?.message ?? null,
        stackTrace: failure?.stackTrace ?? null,
        runTimeMs: Math.round(performance.now() - begin),
        cpuTimeMs: Math.round(outcome.cpu),
        queries: outcome.queries,
        dmlStatements: outcome.dml,
      };
      tests.push(r);
      options.onResult?.(r);
    }
  }
  org.db.restore(pristine);
  restorePlatformCache(org, pristineCache);
  return { startedAt, tests, coverage: coverageOf(org), totalMs: Math.round(performance.now() - t0) };
}

/** Line coverage of every non-test class and trigger of the project. */
export function coverageOf(org: Org): ClassCoverage[] {
  const out: ClassCoverage[] = [];
  for (const name of org.program.classNames()) {
    const source = org.program.classSource(name);
    if (!source) continue;
    const { lines, isTest } = executableLines(source.body, source.path, false);
    if (isTest || lines.length === 0) continue;
    const hits = org.program.coverage.get(source.path);
    const covered = lines.filter((l) => (hits?.[l] ?? 0) > 0);
    const uncovered = lines.filter((l) => !((hits?.[l] ?? 0) > 0));
    out.push({ name, file: source.path, covered, uncovered });
  }
  for (const t of org.program.triggers) {
    const source = org.project.apexTriggers.find((x) => x.path === t.file);
    if (!source) continue;
    const { lines } = executableLines(source.body, source.path, true);
    const hits = org.program.coverage.get(source.path);
    out.push({
      name: t.name,
      file: source.path,
      covered: lines.filter((l) => (hits?.[l] ?? 0) > 0),
      uncovered: lines.filter((l) => !((hits?.[l] ?? 0) > 0)),
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
