// The Java libraries we run (apex-ls, the Salesforce API types, PMD) all ship inside the PMD engine npm package.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of jars inside @salesforce/code-analyzer-pmd-engine. */
export function javaLibDir(): string {
  const dir = join(require.resolve('@salesforce/code-analyzer-pmd-engine'), '..', 'java-lib');
  if (!existsSync(dir)) throw new Error(`${dir} not found: is @salesforce/code-analyzer-pmd-engine installed?`);
  return dir;
}

/** A classpath of every jar in javaLibDir(), as Java's wildcard form. */
export function javaLibClasspath(): string {
  return join(javaLibDir(), '*');
}
