// Runs anonymous Apex on a small org (fixtures/json: JsonShapes saved at API 58.0, JsonOldApi at 34.0) and returns
// what it printed with System.debug, or the exception it ended with.
import { join } from 'node:path';
import { runAnonymous } from '../../../entry/anonymous';
import { Org } from '../../../org/Org';
import { loadProject, type ProjectMetadata } from '../../../project';

let project: ProjectMetadata | undefined;

export function newOrg(): Org {
  project ??= loadProject(join(__dirname, 'fixtures', 'json'));
  return new Org(project, { clock: () => Date.UTC(2026, 0, 15, 12, 0, 0) });
}

/** The System.debug lines of an anonymous block that must succeed. */
export function debugOf(source: string, org: Org = newOrg()): string[] {
  const out = runAnonymous(org, source);
  if (out.error) throw new Error(`${out.error.message}\n${out.error.stackTrace ?? ''}`);
  return out.debug.map((d) => d.message);
}

/** The single System.debug line of an anonymous block. */
export function printed(source: string, org?: Org): string {
  const lines = debugOf(source, org);
  if (lines.length !== 1) throw new Error(`expected one debug line, got ${lines.length}: ${lines.join(' | ')}`);
  return lines[0] as string;
}

/** The message ("System.JSONException: …") of the exception an anonymous block ends with. */
export function failure(source: string, org: Org = newOrg()): string {
  const out = runAnonymous(org, source);
  if (!out.error) throw new Error(`expected an exception, got: ${out.debug.map((d) => d.message).join(' | ')}`);
  return out.error.message;
}
