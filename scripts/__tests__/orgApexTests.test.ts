import type { TestResult } from '@salesforce/apex-node';
import { reportApexTests } from '../lib/orgApexTests';

function result(
  tests: { cls: string; method: string; outcome: string; message?: string }[],
  coverage = true,
): TestResult {
  const failing = tests.filter((t) => t.outcome === 'Fail').length;
  return {
    summary: {
      failRate: '0%',
      testsRan: tests.length,
      orgId: '00D',
      outcome: failing ? 'Failed' : 'Passed',
      passing: tests.length - failing,
      failing,
      skipped: 0,
      passRate: '100%',
      skipRate: '0%',
      testStartTime: '',
      testExecutionTimeInMs: 1,
      testTotalTimeInMs: 1,
      commandTimeInMs: 1,
      hostname: 'h',
      username: 'u',
      testRunId: '707',
      userId: '005',
      testRunCoverage: '91%',
      orgWideCoverage: '88%',
    },
    tests: tests.map((t) => ({
      id: '07M',
      queueItemId: '709',
      stackTrace: t.outcome === 'Fail' ? 'Class.IntakeServiceTest.x: line 12, column 1' : null,
      message: t.message ?? null,
      asyncApexJobId: '707',
      methodName: t.method,
      outcome: t.outcome,
      apexLogId: null,
      apexClass: { id: '01p', name: t.cls, namespacePrefix: '', fullName: t.cls },
      runTime: 5,
      testTimestamp: '',
      fullName: `${t.cls}.${t.method}`,
    })) as unknown as TestResult['tests'],
    codecoverage: coverage
      ? [
          {
            apexId: '01p',
            name: 'IntakeService',
            type: 'ApexClass',
            numLinesCovered: 90,
            numLinesUncovered: 10,
            percentage: '90%',
            coveredLines: [],
            uncoveredLines: [],
          },
        ]
      : [],
  };
}

describe('test:apex report', () => {
  it('printsPerClassResultsCoverageAndExits0WhenAllPass', () => {
    const report = reportApexTests(
      result([
        { cls: 'IntakeServiceTest', method: 'acceptsValidProposal', outcome: 'Pass' },
        { cls: 'ActionExpiryJobTest', method: 'expiresOverdueActions', outcome: 'Pass' },
      ]),
    );
    expect(report.exitCode).toBe(0);
    expect(report.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}PASS ActionExpiryJobTest\s+1 passed, 0 failed$/),
        expect.stringMatching(/^ {2}IntakeService\s+90%\s+\(90\/100 lines\)$/),
        '2 tests: 2 passed, 0 failed, 0 skipped — outcome Passed, run coverage 91%, org-wide 88%',
      ]),
    );
  });

  it('showsEachFailureWithItsMessageAndExits1', () => {
    const report = reportApexTests(
      result([
        { cls: 'IntakeServiceTest', method: 'rejectsPausedIntake', outcome: 'Fail', message: 'Expected 503, got 201' },
      ]),
    );
    expect(report.exitCode).toBe(1);
    expect(report.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ {2}FAIL IntakeServiceTest\s+0 passed, 1 failed$/),
        '    ✗ rejectsPausedIntake (Fail): Expected 503, got 201\n      Class.IntakeServiceTest.x: line 12, column 1',
      ]),
    );
  });

  it('treatsARunWithNoTestsAsAFailure', () => {
    expect(reportApexTests(result([], false)).exitCode).toBe(1);
  });
});
