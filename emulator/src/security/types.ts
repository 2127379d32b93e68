// Shared vocabulary of the security model: access levels, the org state the model reads, and small readers for
// stored records. Everything here is pure over the database: the model keeps no cache across operations, so DML on
// PermissionSetAssignment, GroupMember, share rows … takes effect at once (see README.md, "Caching").
import type { Database, StoredRecord } from '../data/Database';
import type { ProjectMetadata } from '../project';
import type { OrgSchema } from '../schema';
import type { Value } from '../runtime/values';
import { ApexDatetime } from '../values/Datetime';
import { ApexId, canonicalId } from '../values/Id';

export const APEX_DG = 'https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/';
export const OBJECT_REF = 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/';
export const META_API = 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/';
export const HELP = 'https://help.salesforce.com/s/articleView?id=';

/** The org state the security model reads. `Org` satisfies it structurally. */
export interface SecurityOrg {
  readonly db: Database;
  readonly schema: OrgSchema;
  readonly project: ProjectMetadata;
  /** Epoch milliseconds "now" (PermissionSetAssignment.ExpirationDate); the machine clock when absent. */
  readonly clock?: () => number;
}

/**
 * A user's access to one record, the levels of a share row (Object Reference, "<Object>__Share": AccessLevel
 * Read | Edit | All) plus None. All is full access: read, edit, delete, transfer and share (Apex Developer Guide,
 * "Understanding Sharing": "The record owner is automatically granted Full Access").
 */
export type AccessLevel = 'None' | 'Read' | 'Edit' | 'All';

const RANK: Record<AccessLevel, number> = { None: 0, Read: 1, Edit: 2, All: 3 };

export function rank(level: AccessLevel): number {
  return RANK[level];
}

export function maxLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

export function minLevel(a: AccessLevel, b: AccessLevel): AccessLevel {
  return RANK[a] <= RANK[b] ? a : b;
}

export function atLeast(level: AccessLevel, wanted: AccessLevel): boolean {
  return RANK[level] >= RANK[wanted];
}

/** A share row's AccessLevel text ('Read', 'Edit', 'All'; case-insensitive) as a level, or undefined. */
export function parseShareLevel(v: Value): AccessLevel | undefined {
  if (typeof v !== 'string') return undefined;
  switch (v.toLowerCase()) {
    case 'read':
      return 'Read';
    case 'edit':
      return 'Edit';
    case 'all':
      return 'All';
    case 'none':
      return 'None';
    default:
      return undefined;
  }
}

/** The 18-character id a stored reference field holds (ApexId, or an id string), or null. */
export function idOf(v: Value | undefined): string | null {
  if (v instanceof ApexId) return v.value;
  if (typeof v === 'string') return canonicalId(v);
  return null;
}

export function field(rec: StoredRecord, name: string): Value {
  return rec.fields.get(name.toLowerCase()) ?? null;
}

export function text(rec: StoredRecord, name: string): string | null {
  const v = rec.fields.get(name.toLowerCase());
  return typeof v === 'string' ? v : null;
}

/** A checkbox field; absent is its default. */
export function flag(rec: StoredRecord, name: string, absent = false): boolean {
  const v = rec.fields.get(name.toLowerCase());
  return typeof v === 'boolean' ? v : absent;
}

export function datetimeMs(rec: StoredRecord, name: string): number | null {
  const v = rec.fields.get(name.toLowerCase());
  return v instanceof ApexDatetime ? v.ms : null;
}

/** Live (not deleted) records of an object. */
export function* live(db: Database, objectName: string): Iterable<StoredRecord> {
  for (const r of db.table(objectName)) if (!r.isDeleted) yield r;
}

export function now(org: SecurityOrg): number {
  return org.clock ? org.clock() : Date.now();
}

/** Key prefixes the model tests ids against (Object Reference: User 005, Group 00G). */
export const USER_PREFIX = '005';
export const GROUP_PREFIX = '00G';

export const lower = (s: string): string => s.toLowerCase();
