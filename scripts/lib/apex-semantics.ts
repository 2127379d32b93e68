// Layer (b): semantic check with apex-ls CheckForIssues (Java), which ships inside the PMD engine package.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { shortenParserMessage, type Finding } from './findings';
import { javaLibClasspath } from './java';

interface ApexLsMessage {
  start: { line: number; offset: number };
  category: string;
  message: string;
}
interface ApexLsReport {
  files: { path: string; messages: ApexLsMessage[] }[];
}

/**
 * Unknown types, methods, variables and fields (on custom and standard objects), type mismatches and missing
 * returns in the sfdx project at `projectDir`. apex-ls exits 4 when it found issues, 0 when clean.
 */
export function checkApexSemantics(projectDir: string): Finding[] {
  const dir = resolve(projectDir);
  const run = spawnSync(
    'java',
    ['-cp', javaLibClasspath(), 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-w', dir, '-f', 'json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error) throw new Error(`could not start java for apex-ls (is a JDK 17 on PATH?): ${run.error.message}`);
  if (run.status !== 0 && run.status !== 4) {
    throw new Error(`apex-ls exited ${run.status}: ${(run.stderr || run.stdout).slice(0, 2000)}`);
  }
  let report: ApexLsReport;
  try {
    report = JSON.parse(run.stdout) as ApexLsReport;
  } catch {
    throw new Error(`apex-ls printed something that is not JSON: ${run.stdout.slice(0, 500)}`);
  }
  const findings = report.files.flatMap((file) =>
    file.messages.map((m) => ({
      layer: 'semantics',
      file: file.path,
      line: m.start.line,
      column: m.start.offset + 1,
      rule: m.category,
      message: shortenParserMessage(m.message),
    })),
  );
  if (run.status === 4 && findings.length === 0) {
    throw new Error('apex-ls exited 4 (issues found) but reported no messages; refusing to call that clean');
  }
  return findings;
}
