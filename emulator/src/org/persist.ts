// An emulated org's state as JSON, and back: every database record (deleted ones in the Recycle Bin included) with
// its values typed as the emulator holds them, the id generator's counters, the auto-number counters, the lookups
// a delete cleared, the platform events published and the custom notifications sent. What the Firebase Local
// Emulator Suite calls export/import: a tool can stop an org and start it again where it was.
//
// The state is data only. The program (Apex classes and triggers) and the schema come from the project the
// importing org was built from; records of an object that project does not have are refused, so a state cannot
// silently lose rows. Pending async work is not part of it: a request drains its queue before it returns.
import { SObjectValue } from '../runtime/sobject';
import type { Value } from '../runtime/values';
import type { SentNotification } from '../library/messaging/customNotification';
import type { PublishedEvent } from '../library/events/eventBus';
import { Database } from '../data/Database';
import { ApexBlob } from '../values/Blob';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble } from '../values/Double';
import { ApexId } from '../values/Id';
import { ApexTime } from '../values/Time';
import type { Org } from './Org';

export const ORG_STATE_FORMAT = 'apex-emulator-org-state';
export const ORG_STATE_VERSION = 1;

/**
 * One stored value. JSON's own null, booleans and strings stand for themselves (Apex null, Boolean, String); every
 * other Apex type is a tagged pair or triple, so nothing is lost to JavaScript numbers: an Integer stays an Integer,
 * a Decimal keeps its scale (`['Decimal', '150', 2]` is 1.50), a Long keeps all 64 bits.
 */
export type StateValue =
  | null
  | boolean
  | string
  | ['Integer', number]
  | ['Long', string]
  | ['Double', number | 'NaN' | 'Infinity' | '-Infinity' | '-0']
  | ['Decimal', string, number]
  | ['Id', string]
  | ['Date', number]
  | ['Datetime', number]
  | ['Time', number]
  | ['Blob', string];

export interface RecordState {
  /** The object's API name as the schema spells it. */
  object: string;
  id: string;
  /** Values by lower-case field name, as the database keeps them. */
  fields: Record<string, StateValue>;
  /** In the Recycle Bin. */
  deleted?: true;
  /** Deleted together with this record (a cascade), undeleted with it. */
  cascadeOf?: string;
}

export interface EventState {
  object: string;
  values: Record<string, StateValue>;
  publishedAt: number;
  publishedBy: string;
  delivered: boolean;
}

export interface OrgState {
  format: typeof ORG_STATE_FORMAT;
  version: typeof ORG_STATE_VERSION;
  /** The instance part of the org's ids: a state imports only into an org that mints ids the same way. */
  instance: string;
  /** Ids minted so far, by key prefix. */
  ids: Record<string, number>;
  /** The last auto number issued, by `object.field` (lower case). */
  autoNumbers: Record<string, number>;
  /** Lookups a delete cleared, by deleted record id (restored on undelete). */
  clearedLookups: Record<string, { id: string; field: string }[]>;
  /** Every record, in insertion order (the order rows come back in without ORDER BY). */
  records: RecordState[];
  events: EventState[];
  notifications: SentNotification[];
}

/** A state that does not fit the org it is imported into, or is not a state at all. */
export class OrgStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrgStateError';
  }
}

/** One value as JSON; a value the database should never hold fails loudly. */
export function valueToState(v: Value, where: string): StateValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return ['Integer', v];
  if (typeof v === 'bigint') return ['Long', v.toString()];
  if (v instanceof ApexDouble) return ['Double', doubleToState(v.value)];
  if (v instanceof ApexDecimal) return ['Decimal', v.unscaled.toString(), v.scale];
  if (v instanceof ApexId) return ['Id', v.value];
  if (v instanceof ApexDate) return ['Date', v.days];
  if (v instanceof ApexDatetime) return ['Datetime', v.ms];
  if (v instanceof ApexTime) return ['Time', v.ms];
  if (v instanceof ApexBlob) return ['Blob', Buffer.from(v.bytes).toString('base64')];
  const kind = typeof v === 'object' ? (v.constructor?.name ?? 'object') : typeof v;
  throw new OrgStateError(`${where}: a stored ${kind} cannot be exported (only primitive field values can)`);
}

/** JSON has no NaN, infinities or negative zero: those are written as text. */
function doubleToState(n: number): number | 'NaN' | 'Infinity' | '-Infinity' | '-0' {
  if (Number.isNaN(n)) return 'NaN';
  if (Object.is(n, -0)) return '-0';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return n;
}

/** A value back from JSON. */
export function valueFromState(s: unknown, where: string): Value {
  if (s === null || typeof s === 'boolean' || typeof s === 'string') return s;
  if (!Array.isArray(s) || typeof s[0] !== 'string') throw new OrgStateError(`${where}: not a stored value`);
  const [tag, a, b] = s as [string, unknown, unknown];
  switch (tag) {
    case 'Integer':
      if (typeof a !== 'number' || !Number.isInteger(a) || (a | 0) !== a)
        throw new OrgStateError(`${where}: ${String(a)} is not an Integer`);
      return a;
    case 'Long':
      if (typeof a !== 'string' || !/^-?\d+$/.test(a)) throw new OrgStateError(`${where}: ${String(a)} is not a Long`);
      return BigInt(a);
    case 'Double':
      if (a === 'NaN') return new ApexDouble(Number.NaN);
      if (a === 'Infinity') return new ApexDouble(Number.POSITIVE_INFINITY);
      if (a === '-Infinity') return new ApexDouble(Number.NEGATIVE_INFINITY);
      if (a === '-0') return new ApexDouble(-0);
      if (typeof a !== 'number') throw new OrgStateError(`${where}: ${String(a)} is not a Double`);
      return new ApexDouble(a);
    case 'Decimal':
      if (typeof a !== 'string' || !/^-?\d+$/.test(a) || typeof b !== 'number' || !Number.isInteger(b))
        throw new OrgStateError(`${where}: not a Decimal (unscaled digits and an integer scale)`);
      return new ApexDecimal(BigInt(a), b);
    case 'Id':
      if (typeof a !== 'string') throw new OrgStateError(`${where}: not an Id`);
      return ApexId.valueOf(a);
    case 'Date':
    case 'Datetime':
    case 'Time':
      if (typeof a !== 'number' || !Number.isInteger(a)) throw new OrgStateError(`${where}: not a ${tag}`);
      return tag === 'Date' ? new ApexDate(a) : tag === 'Datetime' ? new ApexDatetime(a) : new ApexTime(a);
    case 'Blob':
      if (typeof a !== 'string') throw new OrgStateError(`${where}: not a Blob`);
      return new ApexBlob(new Uint8Array(Buffer.from(a, 'base64')));
    default:
      throw new OrgStateError(`${where}: unknown value type ${tag}`);
  }
}

function valuesToState(values: ReadonlyMap<string, Value>, where: string): Record<string, StateValue> {
  const out: Record<string, StateValue> = {};
  for (const [k, v] of values) out[k] = valueToState(v, `${where}.${k}`);
  return out;
}

function valuesFromState(values: unknown, where: string): Map<string, Value> {
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    throw new OrgStateError(`${where}: values must be an object`);
  const out = new Map<string, Value>();
  for (const [k, v] of Object.entries(values)) out.set(k.toLowerCase(), valueFromState(v, `${where}.${k}`));
  return out;
}

/** Everything the org holds as data, as plain JSON (`JSON.stringify` it to save). */
export function exportOrgState(org: Org): OrgState {
  const records: RecordState[] = [];
  const all = org.db.objectNames().flatMap((name) => [...org.db.table(name)]);
  all.sort((a, b) => a.seq - b.seq);
  for (const rec of all) {
    const state: RecordState = {
      object: rec.describe.name,
      id: rec.id,
      fields: valuesToState(rec.fields, `${rec.describe.name} ${rec.id}`),
    };
    if (rec.isDeleted) state.deleted = true;
    if (rec.cascadeOf !== undefined) state.cascadeOf = rec.cascadeOf;
    records.push(state);
  }
  const counters = org.snapshotCounters();
  return {
    format: ORG_STATE_FORMAT,
    version: ORG_STATE_VERSION,
    instance: org.ids.instancePart,
    ids: org.ids.counts(),
    autoNumbers: Object.fromEntries(counters.autoNumbers),
    clearedLookups: Object.fromEntries([...counters.clearedLookups].map(([k, v]) => [k, v.map((c) => ({ ...c }))])),
    records,
    events: org.events.map((e, i) => ({
      object: e.record.describe.name,
      values: valuesToState(e.record.values, `event ${i + 1}`),
      publishedAt: e.publishedAt,
      publishedBy: e.publishedBy,
      delivered: e.delivered,
    })),
    notifications: org.notifications.map((n) => ({ ...n, recipients: [...n.recipients] })),
  };
}

/**
 * Replaces the org's data with a saved state: its database, counters, events and notifications become the state's,
 * whatever the org held before. The org must be built from the project the state was made with (same objects,
 * same id instance); a record of an object the schema does not know fails the whole import and changes nothing.
 */
export function importOrgState(org: Org, state: unknown): void {
  const s = checkHeader(state);
  if (s.instance !== org.ids.instancePart) {
    throw new OrgStateError(
      `the state's ids use instance '${s.instance}', this org mints '${org.ids.instancePart}' (new Org(project, { instance }))`,
    );
  }
  const db = new Database();
  for (const [i, r] of s.records.entries()) {
    const where = `records[${i}]`;
    if (typeof r?.object !== 'string' || typeof r.id !== 'string')
      throw new OrgStateError(`${where}: needs object and id`);
    const describe = org.schema.get(r.object);
    if (!describe) throw new OrgStateError(`${where}: this org's schema has no object ${r.object}`);
    const fields = valuesFromState(r.fields, `${r.object} ${r.id}`);
    const id = fields.get('id');
    if (!(id instanceof ApexId) || id.value !== r.id)
      throw new OrgStateError(`${where}: its id field must be the Id ${r.id}`);
    if (db.get(r.id)) throw new OrgStateError(`${where}: a second record with id ${r.id}`);
    const rec = db.add(describe, r.id, fields);
    if (r.deleted === true) rec.isDeleted = true;
    if (typeof r.cascadeOf === 'string') rec.cascadeOf = r.cascadeOf;
  }
  const events: PublishedEvent[] = s.events.map((e, i) => {
    const describe = org.schema.get(e.object);
    if (!describe || describe.kind !== 'platformEvent')
      throw new OrgStateError(`events[${i}]: this org has no platform event ${e.object}`);
    const record = new SObjectValue(describe);
    for (const [k, v] of valuesFromState(e.values, `events[${i}]`)) record.values.set(k, v);
    return { record, publishedAt: e.publishedAt, publishedBy: e.publishedBy, delivered: e.delivered };
  });
  const notifications = s.notifications.map((n) => ({ ...n, recipients: [...n.recipients] }));

  // Everything checked: now replace.
  org.db = db;
  org.ids.restoreCounts(s.ids);
  org.restoreCounters({
    autoNumbers: new Map(Object.entries(s.autoNumbers)),
    clearedLookups: new Map(Object.entries(s.clearedLookups).map(([k, v]) => [k, v.map((c) => ({ ...c }))])),
  });
  org.events.splice(0, org.events.length, ...events);
  org.notifications.splice(0, org.notifications.length, ...notifications);
}

function isCount(n: unknown): boolean {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function checkHeader(state: unknown): OrgState {
  if (typeof state !== 'object' || state === null) throw new OrgStateError('not an org state (expected an object)');
  const s = state as Partial<OrgState>;
  if (s.format !== ORG_STATE_FORMAT) throw new OrgStateError(`not an org state (format ${String(s.format)})`);
  if (s.version !== ORG_STATE_VERSION)
    throw new OrgStateError(`org state version ${String(s.version)}; this emulator reads ${ORG_STATE_VERSION}`);
  for (const key of ['ids', 'autoNumbers', 'clearedLookups'] as const) {
    const v = s[key];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new OrgStateError(`${key} must be an object`);
  }
  for (const [k, n] of Object.entries(s.ids as Record<string, unknown>)) {
    if (!/^[0-9A-Za-z]{3}$/.test(k)) throw new OrgStateError(`ids: ${k} is not a key prefix`);
    if (!isCount(n)) throw new OrgStateError(`ids.${k} must be a count`);
  }
  for (const [k, n] of Object.entries(s.autoNumbers as Record<string, unknown>)) {
    if (!isCount(n)) throw new OrgStateError(`autoNumbers.${k} must be a count`);
  }
  for (const [k, v] of Object.entries(s.clearedLookups as Record<string, unknown>)) {
    const entries: unknown = v;
    const isCleared = (c: unknown): boolean => {
      const e = c as { id?: unknown; field?: unknown } | null;
      return typeof e?.id === 'string' && typeof e.field === 'string';
    };
    if (!Array.isArray(entries) || !entries.every(isCleared))
      throw new OrgStateError(`clearedLookups.${k} must list { id, field }`);
  }
  for (const key of ['records', 'events', 'notifications'] as const) {
    if (!Array.isArray(s[key])) throw new OrgStateError(`${key} must be an array`);
  }
  for (const [i, e] of (s.events as unknown[]).entries()) {
    const ev = e as Partial<EventState> | null;
    if (
      typeof ev?.object !== 'string' ||
      typeof ev.publishedAt !== 'number' ||
      typeof ev.publishedBy !== 'string' ||
      typeof ev.delivered !== 'boolean'
    )
      throw new OrgStateError(`events[${i}]: needs object, values, publishedAt, publishedBy and delivered`);
  }
  for (const [i, n] of (s.notifications as unknown[]).entries()) {
    const sent = n as Partial<SentNotification> | null;
    if (
      typeof sent !== 'object' ||
      sent === null ||
      !Array.isArray(sent.recipients) ||
      typeof sent.sentAt !== 'number' ||
      typeof sent.sentBy !== 'string'
    )
      throw new OrgStateError(`notifications[${i}]: needs recipients, sentBy and sentAt`);
  }
  if (typeof s.instance !== 'string') throw new OrgStateError('instance must be a string');
  return s as OrgState;
}
