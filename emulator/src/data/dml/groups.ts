// Group.DeveloperName (Object Reference, "Group",
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_group.htm):
// "This name can contain only underscores and alphanumeric characters, and must be unique in your org. It must begin
// with a letter, not include spaces, not end with an underscore, and not contain two consecutive underscores. … This
// name is unique by group type"; "If no DeveloperName is specified, … Salesforce generates one for each record".
// A duplicate is refused with DUPLICATE_DEVELOPER_NAME (Apex Reference, "StatusCode Enum"). The message is the one
// the org's Setup shows for a group name already taken (the API message is not documented); how Salesforce
// generates a name is not documented either — the emulator's rule is in docs/emulator.md.
import { EmulatorUnsupportedError } from '../../errors';
import { plainText } from '../../runtime/stringify';
import type { Value } from '../../runtime/values';
import type { SObjectDescribe } from '../../schema/types';
import type { Database } from '../Database';
import type { RowError } from './validation';

const VALID_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
const MAX_LENGTH = 80;

const text = (v: Value | undefined): string | null => (v === null || v === undefined ? null : plainText(v));

/** DeveloperName and Type of the live groups in the table (by lower-case `type|name`), excluding `exceptId`. */
function takenNames(db: Database, exceptIds: Set<string>): Map<string, string> {
  const taken = new Map<string, string>();
  for (const r of db.table('Group')) {
    if (r.isDeleted || exceptIds.has(r.id)) continue;
    const name = text(r.fields.get('developername'));
    if (name !== null) taken.set(key(text(r.fields.get('type')), name), r.id);
  }
  return taken;
}

function key(type: string | null, name: string): string {
  return `${(type ?? '').toLowerCase()}|${name.toLowerCase()}`;
}

/** A DeveloperName made from the group's Name: non-alphanumeric runs become one underscore (the emulator's rule). */
function nameFrom(label: string): string {
  let base = label
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_LENGTH);
  if (!/^[A-Za-z]/.test(base)) base = `X${base}`.slice(0, MAX_LENGTH);
  return base.replace(/_+$/, '');
}

/** Inserted groups without a DeveloperName get one, unique by type among the table and the batch. */
export function assignGroupDeveloperNames(describe: SObjectDescribe, rows: Map<string, Value>[], db: Database): void {
  if (describe.name !== 'Group') return;
  const taken = takenNames(db, new Set());
  for (const values of rows) {
    const type = text(values.get('type'));
    const given = text(values.get('developername'));
    if (given !== null && given !== '') {
      taken.set(key(type, given), '');
      continue;
    }
    const base = nameFrom(text(values.get('name')) ?? '');
    let candidate = base;
    for (let n = 1; taken.has(key(type, candidate)); n += 1) {
      const suffix = String(n);
      candidate = `${base.slice(0, MAX_LENGTH - suffix.length)}${suffix}`;
    }
    taken.set(key(type, candidate), '');
    values.set('developername', candidate);
  }
}

/** DUPLICATE_DEVELOPER_NAME for a group whose DeveloperName another group of its type has (table or batch). */
export function groupDeveloperNameViolations(
  describe: SObjectDescribe,
  rows: { id: string | null; values: Map<string, Value> }[],
  db: Database,
  out: Map<number, RowError>,
): void {
  if (describe.name !== 'Group') return;
  const taken = takenNames(db, new Set(rows.map((r) => r.id).filter((id): id is string => id !== null)));
  rows.forEach((row, i) => {
    if (out.has(i)) return;
    const name = text(row.values.get('developername'));
    if (name === null || name === '') return;
    if (!VALID_NAME.test(name) || name.endsWith('_') || name.length > MAX_LENGTH) {
      throw new EmulatorUnsupportedError(
        `Group.DeveloperName '${name}', which breaks the documented naming rules (the org's error is not documented)`,
      );
    }
    const k = key(text(row.values.get('type')), name);
    if (taken.has(k)) {
      out.set(i, {
        statusCode: 'DUPLICATE_DEVELOPER_NAME',
        message: 'This Group Name already exists or has been previously used. Please choose a different name.',
        fields: ['DeveloperName'],
      });
      return;
    }
    taken.set(k, row.id ?? '');
  });
}
