#!/usr/bin/env node
/**
 * `npm run test:apex`: runs Apex tests in an org with code coverage through @salesforce/apex-node (TestService),
 * prints per-class results and coverage, exits 1 on any failure. Needs an authorised org (default alias
 * `actionplane`, made by `npm run org:setup`); without one it says so and exits 1.
 */
import { CancellationTokenSource, TestService, type TestLevel, type TestResult } from '@salesforce/apex-node';
import { AuthInfo, Connection } from '@salesforce/core';
import { OrgArgsError, parseTestApexArgs, TEST_APEX_HELP, type TestApexOptions } from './lib/orgArgs';
import { reportApexTests } from './lib/orgApexTests';
import { isAuthorised, OrgCommandError } from './lib/orgCli';

async function runTests(options: TestApexOptions): Promise<TestResult> {
  if (!(await isAuthorised(options.targetOrg))) {
    throw new OrgCommandError(
      `No org '${options.targetOrg}' is authorised on this machine. Create one with npm run org:setup, or pass --target-org <alias>.`,
    );
  }
  const connection = await Connection.create({ authInfo: await AuthInfo.create({ username: options.targetOrg }) });
  const service = new TestService(connection);
  // TestLevel is a const enum in the .d.ts; its string values are the API's.
  const level = (
    options.classNames.length > 0 || options.tests.length > 0 ? 'RunSpecifiedTests' : 'RunLocalTests'
  ) as TestLevel;
  const payload = await service.buildAsyncPayload(
    level,
    options.tests.length > 0 ? options.tests.join(',') : undefined,
    options.classNames.length > 0 ? options.classNames.join(',') : undefined,
  );
  // --wait: cancel the polling (not the run in the org) when the time is up.
  const cancel = new CancellationTokenSource();
  const timer = setTimeout(() => void cancel.asyncCancel(), options.waitMinutes * 60_000);
  try {
    const result = await service.runTestAsynchronous(payload, options.codeCoverage, false, undefined, cancel.token);
    if (!('summary' in result)) {
      throw new OrgCommandError(
        `The test run ${result.testRunId} did not finish within ${options.waitMinutes} minutes; it keeps running in the org`,
      );
    }
    return result;
  } finally {
    clearTimeout(timer);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const parsed = parseTestApexArgs(argv);
    if (parsed.help) {
      process.stdout.write(`${TEST_APEX_HELP}\n`);
      return 0;
    }
    const result = await runTests(parsed.options);
    if (parsed.options.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return reportApexTests(result).exitCode;
    }
    const report = reportApexTests(result);
    process.stdout.write(`${report.lines.join('\n')}\n`);
    return report.exitCode;
  } catch (e) {
    if (e instanceof OrgArgsError || e instanceof OrgCommandError) {
      process.stderr.write(`test:apex: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
