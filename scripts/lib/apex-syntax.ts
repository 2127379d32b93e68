// Layer (a): Apex grammar check with @apexdevtools/apex-parser's checkProject. No Java, well under a second.
import { join, resolve } from 'node:path';
import { checkProject } from '@apexdevtools/apex-parser';
import { shortenParserMessage, type Finding } from './findings';

/**
 * Syntax errors in every `.cls` and `.trigger` of the sfdx project at `projectDir`.
 * checkProject's own status stays 0 even when it finds errors, so the errors are counted here.
 */
export async function checkApexSyntax(projectDir: string): Promise<Finding[]> {
  const dir = resolve(projectDir);
  // checkProject narrates its progress on the console; keep the checker's output to findings only.
  const { log, error } = console;
  console.log = () => undefined;
  console.error = () => undefined;
  let results: Awaited<ReturnType<typeof checkProject>>;
  try {
    results = await checkProject(dir);
  } finally {
    console.log = log;
    console.error = error;
  }
  return results.flatMap((pkg) => {
    // `pkg.path` is the package directory (or `.` without sfdx-project.json); error paths are relative to it.
    const base = join(dir, pkg.path);
    return pkg.errors.map((e) => ({
      layer: 'syntax',
      file: resolve(base, e.path),
      line: e.line,
      column: e.column + 1,
      message: shortenParserMessage(e.message),
    }));
  });
}
