// Layer (e): formatting of Apex with prettier and prettier-plugin-apex, using the repo's .prettierrc.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import type { Finding } from './findings';

/** The repo root: scripts/lib/../.. */
const REPO_ROOT = join(__dirname, '..', '..');

/**
 * Apex files that prettier would reformat, or cannot parse (prettier-plugin-apex uses Salesforce's own jorje grammar,
 * so this is also a second syntax check). The plugin is passed by absolute path so the check works from any folder.
 */
export async function checkApexFormat(files: string[]): Promise<Finding[]> {
  const plugin = require.resolve('prettier-plugin-apex', { paths: [REPO_ROOT] });
  const config = (await prettier.resolveConfig(join(REPO_ROOT, '.prettierrc.json'))) ?? {};
  const findings: Finding[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const options = { ...config, plugins: [plugin], filepath: file, parser: 'apex' };
    try {
      const formatted = await prettier.format(source, options);
      if (formatted !== source) {
        findings.push({
          layer: 'format',
          file,
          line: firstDifferentLine(source, formatted),
          rule: 'prettier',
          message: 'not formatted: run npx prettier --write on it',
        });
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = (error as { loc?: { start?: { line?: number } } }).loc?.start?.line ?? 0;
      findings.push({
        layer: 'format',
        file,
        line,
        rule: 'prettier-parse',
        // prettier-plugin-apex gives no position for parse errors; the syntax layer reports the line.
        message: `cannot parse: ${message.split('\n')[0] ?? message}`,
      });
    }
  }
  return findings;
}

/** The 1-based number of the first line where `a` and `b` differ. */
function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  const index = left.findIndex((line, i) => line !== right[i]);
  return (index < 0 ? Math.min(left.length, right.length) : index) + 1;
}
