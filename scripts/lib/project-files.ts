// Finding the files of an sfdx project: its package directories and the Apex and object metadata inside them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage', '__tests__']);

/** Every file under `dir` (recursively, skipping tool folders) whose name satisfies `accept`. Sorted. */
export function listFiles(dir: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(full);
      } else if (accept(entry.name)) {
        found.push(full);
      }
    }
  };
  if (existsSync(dir) && statSync(dir).isDirectory()) walk(dir);
  return found.sort();
}

/**
 * The package directories of the sfdx project at `projectDir` (absolute paths), read from sfdx-project.json.
 * Throws with a clear message when the file is missing or malformed: every checker needs to know what to check.
 */
export function packageDirectories(projectDir: string): string[] {
  const file = join(projectDir, 'sfdx-project.json');
  if (!existsSync(file)) {
    throw new Error(`${file} not found: --dir must point at an sfdx project (a folder with sfdx-project.json)`);
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { packageDirectories?: { path?: unknown }[] };
  const dirs = (parsed.packageDirectories ?? [])
    .map((entry) => entry.path)
    .filter((path): path is string => typeof path === 'string')
    .map((path) => resolve(projectDir, path));
  if (dirs.length === 0) throw new Error(`${file} lists no packageDirectories`);
  return dirs;
}

/** Every Apex class and trigger in the project's package directories. */
export function listApexFiles(projectDir: string): string[] {
  return packageDirectories(projectDir).flatMap((dir) =>
    listFiles(dir, (name) => name.endsWith('.cls') || name.endsWith('.trigger')),
  );
}
