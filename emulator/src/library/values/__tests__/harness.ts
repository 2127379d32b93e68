// Runs anonymous Apex on a small org (an empty sfdx project) with a fixed clock, for the value-class bindings' tests.
import { join } from 'node:path';
import { runAnonymous } from '../../../entry/anonymous';
import { Org } from '../../../org/Org';
import { loadProject } from '../../../project';
import type { ProjectMetadata } from '../../../project/types';

const FIXTURE = join(__dirname, 'fixtures', 'project');
let project: ProjectMetadata | undefined;

/** 2026-03-10T15:30:45.123Z: a Tuesday, after the US switched to daylight time (March 8) and before Europe did. */
export const NOW_MS = Date.UTC(2026, 2, 10, 15, 30, 45, 123);

export function newOrg(user: { timeZone?: string; locale?: string } = {}): Org {
  project ??= loadProject(FIXTURE);
  const org = new Org(project, { clock: () => NOW_MS });
  const admin = org.db.get(org.seed.adminUserId);
  if (!admin) throw new Error('no admin user');
  if (user.timeZone) admin.fields.set('timezonesidkey', user.timeZone);
  if (user.locale) admin.fields.set('localesidkey', user.locale);
  return org;
}

/** The System.debug lines of a script; an uncaught exception fails the test with its message. */
export function debugOf(source: string, org: Org = newOrg()): string[] {
  const out = runAnonymous(org, source);
  if (out.error) throw new Error(out.error.message);
  return out.debug.map((d) => d.message);
}

/** The message of the exception a script ends with ('System.TypeException: …', or the unsupported text). */
export function errorOf(source: string, org: Org = newOrg()): string {
  const out = runAnonymous(org, source);
  if (!out.error) throw new Error(`expected an error, got debug ${JSON.stringify(out.debug.map((d) => d.message))}`);
  return out.error.message;
}
