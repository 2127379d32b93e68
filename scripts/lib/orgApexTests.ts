/**
 * `npm run test:apex` reporting: the @salesforce/apex-node TestResult as per-class lines (passed/failed, failures
 * with message and stack) and per-class coverage, plus the exit code. Pure, so it is tested without an org.
 */
import type { CodeCoverageResult, TestResult } from '@salesforce/apex-node';

export interface ApexTestReport {
  lines: string[];
  exitCode: number;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function reportApexTests(result: TestResult): ApexTestReport {
  const byClass = new Map<string, { passed: number; failed: string[] }>();
  for (const t of result.tests) {
    const name = t.apexClass.fullName || t.apexClass.name;
    const entry = byClass.get(name) ?? { passed: 0, failed: [] };
    const outcome = String(t.outcome);
    if (outcome === 'Pass') entry.passed += 1;
    else {
      const where = t.stackTrace ? `\n      ${t.stackTrace.split('\n')[0]}` : '';
      entry.failed.push(`    ✗ ${t.methodName} (${t.outcome}): ${t.message ?? 'no message'}${where}`);
    }
    byClass.set(name, entry);
  }
  const lines: string[] = ['Apex tests'];
  for (const [name, entry] of [...byClass.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const status = entry.failed.length === 0 ? 'PASS' : 'FAIL';
    lines.push(`  ${status} ${pad(name, 40)} ${entry.passed} passed, ${entry.failed.length} failed`);
    lines.push(...entry.failed);
  }
  const coverage: CodeCoverageResult[] = result.codecoverage ?? [];
  if (coverage.length > 0) {
    lines.push('', 'Coverage');
    for (const c of [...coverage].sort((a, b) => a.name.localeCompare(b.name))) {
      const total = c.numLinesCovered + c.numLinesUncovered;
      lines.push(`  ${pad(c.name, 40)} ${pad(c.percentage, 5)} (${c.numLinesCovered}/${total} lines)`);
    }
  }
  const s = result.summary;
  lines.push('');
  lines.push(
    `${s.testsRan} tests: ${s.passing} passed, ${s.failing} failed, ${s.skipped} skipped — outcome ${s.outcome}` +
      (s.testRunCoverage ? `, run coverage ${s.testRunCoverage}` : '') +
      (s.orgWideCoverage ? `, org-wide ${s.orgWideCoverage}` : ''),
  );
  const failed = s.failing > 0 || result.tests.some((t) => !['Pass', 'Skip'].includes(String(t.outcome)));
  return { lines, exitCode: failed || s.testsRan === 0 ? 1 : 0 };
}
