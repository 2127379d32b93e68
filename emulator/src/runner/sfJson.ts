// The JSON `sf apex run test --result-format json` prints (@salesforce/plugin-apex JsonReporter, wrapped as
// { status, result }): summary, tests[] with FullName, MethodName, Outcome, Message, StackTrace, ApexClass, RunTime,
// and coverage with line coverage per class. Ids are emulator ids (07M/707/01p prefixes as in an org).
import { plainText } from '../runtime/stringify';
import type { Org } from '../org/Org';
import type { TestRunResult } from './testRunner';

function pct(n: number, d: number): string {
  return d === 0 ? '0%' : `${Math.round((n / d) * 100)}%`;
}

function fakeId(prefix: string, n: number): string {
  return `${prefix}xx${String(n).padStart(10, '0')}`;
}

export function sfJsonResult(org: Org, run: TestRunResult, status: number): unknown {
  const passing = run.tests.filter((t) => t.outcome === 'Pass').length;
  const failing = run.tests.length - passing;
  const covered = run.coverage.reduce((n, c) => n + c.covered.length, 0);
  const total = covered + run.coverage.reduce((n, c) => n + c.uncovered.length, 0);
  const user = org.db.get(org.seed.adminUserId);
  const classIds = new Map<string, string>();
  const classId = (name: string): string => {
    let id = classIds.get(name);
    if (!id) {
      id = fakeId('01p', classIds.size + 1);
      classIds.set(name, id);
    }
    return id;
  };
  const runId = fakeId('707', 1);
  return {
    status,
    result: {
      summary: {
        failRate: pct(failing, run.tests.length),
        failing,
        hostname: 'https://emulator.localhost',
        orgId: org.seed.organizationId,
        outcome: failing > 0 ? 'Failed' : 'Passed',
        passRate: pct(passing, run.tests.length),
        passing,
        skipped: 0,
        testRunId: runId,
        testStartTime: run.startedAt.toISOString(),
        testsRan: run.tests.length,
        userId: org.seed.adminUserId,
        username: plainText(user?.fields.get('username')),
        commandTime: `${run.totalMs} ms`,
        testExecutionTime: `${run.tests.reduce((n, t) => n + t.runTimeMs, 0)} ms`,
        testTotalTime: `${run.totalMs} ms`,
        orgWideCoverage: pct(covered, total),
        testRunCoverage: pct(covered, total),
      },
      tests: run.tests.map((t, i) => ({
        Id: fakeId('07M', i + 1),
        QueueItemId: fakeId('709', 1),
        StackTrace: t.stackTrace,
        Message: t.message,
        AsyncApexJobId: runId,
        MethodName: t.methodName,
        Outcome: t.outcome,
        ApexClass: {
          Id: classId(t.className),
          Name: t.className,
          NamespacePrefix: org.project.config.namespace || null,
        },
        RunTime: t.runTimeMs,
        FullName: `${t.className}.${t.methodName}`,
      })),
      coverage: {
        coverage: run.coverage.map((c) => {
          const lines: Record<string, number> = {};
          for (const l of c.covered) lines[String(l)] = 1;
          for (const l of c.uncovered) lines[String(l)] = 0;
          const n = c.covered.length + c.uncovered.length;
          return {
            id: classId(c.name),
            name: c.name,
            totalLines: n,
            lines,
            totalCovered: c.covered.length,
            coveredPercent: n === 0 ? 0 : Math.floor((c.covered.length / n) * 100),
          };
        }),
        records: [],
        summary: {
          totalLines: total,
          coveredLines: covered,
          orgWideCoverage: pct(covered, total),
          testRunCoverage: pct(covered, total),
        },
      },
    },
    warnings: [],
  };
}
