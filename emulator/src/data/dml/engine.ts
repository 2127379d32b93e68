// The DML engine: insert, update, upsert, delete and undelete of sObjects with the org's order of execution
// (Apex Developer Guide, "Triggers and Order of Execution"), all-or-none and partial-success semantics ("Bulk DML
// Exception Handling": with allOrNone=false the runtime sets failed records aside and retries the others, at most
// three attempts in all, limits restored before each retry), chunking of mixed-type lists ("Creating Records for
// Different Object Types": at most ten chunks), mixed setup/non-setup DML ("sObjects That Can't Be Used Together in
// DML Operations"), cascade delete and restricted lookups, and the Recycle Bin.
import { checkProductDelete, isProductObject, productValues, rollUpLineItems } from './products';
import { notePendingWork } from '../../library/http/http';
import { plainText } from '../../runtime/stringify';
import { exactEquals } from '../../runtime/equality';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { ApexThrow, exceptionState, type DmlErrorInfo } from '../../runtime/exceptions';
import type { EffectiveSharing } from '../../runtime/frame';
import { SObjectValue } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';
import type { Value } from '../../runtime/values';
import type { FieldDescribe, SObjectDescribe } from '../../schema/types';
import { ApexDatetime } from '../../values/Datetime';
import { ApexDecimal } from '../../values/Decimal';
import { ApexId } from '../../values/Id';
import type { TriggerEvent } from '../../apex/ast';
import { dmlSecurityFor, effectiveMode, type DmlSecurity } from '../access';
import type { StoredRecord } from '../Database';
import type { AccessMode } from '../query';
import { fireTriggers } from './triggers';
import { storedNumber, uniqueViolations, validateFields, type RowError } from './validation';
import { assignGroupDeveloperNames } from './groups';
import { deriveStandardFields } from './derivedFields';

export type DmlOp = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';

export interface DmlRequest {
  op: DmlOp;
  records: SObjectValue[];
  allOrNone: boolean;
  accessMode: AccessMode;
  sharing: EffectiveSharing;
  /** upsert: the external id field to match on (default Id). */
  externalIdField?: string;
}

export interface RowResult {
  /** The record's id after the operation (null when an insert failed). */
  id: string | null;
  errors: RowError[];
  /** upsert: whether the record was created. */
  created: boolean;
}

interface Row {
  index: number;
  input: SObjectValue;
  result: RowResult;
}

const MAX_CHUNKS = 10;

/** Fields Apex may set but the save ignores (read-only to the API: formulas, audit fields, auto numbers). */
function isSavedField(f: FieldDescribe, isInsert: boolean): boolean {
  if (f.calculated || f.autoNumber) return false;
  const lower = f.name.toLowerCase();
  if (lower === 'id' || lower === 'isdeleted' || lower === 'systemmodstamp') return false;
  if (['createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid'].includes(lower)) return false;
  if (f.partial) return true;
  return isInsert ? f.createable || f.isMasterDetail || lower === 'ownerid' : f.updateable || lower === 'ownerid';
}

// ---------------------------------------------------------------- the operation

export function performDml(txn: Txn, req: DmlRequest): RowResult[] {
  const rows: Row[] = req.records.map((input, index) => ({
    index,
    input,
    result: { id: idOf(input), errors: [], created: false },
  }));
  if (rows.length === 0) return [];
  txn.limits.count('dmlStatements');
  txn.limits.count('dmlRows', rows.length);
  notePendingWork(txn);
  if (req.op !== 'insert') refuseDuplicateIds(rows);
  const chunks = chunkByType(rows);
  if (chunks.length > MAX_CHUNKS) {
    throw new ApexPlatformError(
      'System.TypeException',
      'Cannot have more than 10 chunks in a single operation. Please rearrange the data to reduce chunking.',
    );
  }
  for (const chunk of chunks) refuseReadOnlyObject(chunk[0]?.input.describe as SObjectDescribe, req.op);
  checkMixedDml(txn, chunks, req.op);
  const security = dmlSecurityFor(txn, req.sharing, effectiveMode(txn, req.accessMode));
  const limitsBefore = { ...txn.limits.used };
  let active = rows.filter((r) => r.result.errors.length === 0);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const snapshot = txn.org.db.snapshot();
    const ids = rows.map((r) => r.result.id);
    for (const r of active) r.result.errors = [];
    for (const chunk of chunkByType(active)) runChunk(txn, req, chunk, security);
    const failed = active.filter((r) => r.result.errors.length > 0);
    if (failed.length === 0) break;
    txn.org.db.restore(snapshot);
    rows.forEach((r, i) => {
      if (r.result.errors.length === 0 || req.op === 'insert') r.result.id = ids[i] ?? null;
    });
    if (req.allOrNone) break;
    if (attempt === 3) {
      for (const r of active) {
        if (r.result.errors.length === 0) {
          r.result.errors.push({
            statusCode: 'UNKNOWN_EXCEPTION',
            message: 'Too many batch retries in the presence of Apex triggers and partial failures.',
            fields: [],
          });
        }
      }
      break;
    }
    active = active.filter((r) => r.result.errors.length === 0);
    if (active.length === 0) break;
    Object.assign(txn.limits.used, limitsBefore, {
      dmlStatements: txn.limits.used.dmlStatements,
      dmlRows: txn.limits.used.dmlRows,
    });
  }
  const anyError = rows.some((r) => r.result.errors.length > 0);
  if (anyError && req.allOrNone) {
    for (const r of rows) if (req.op === 'insert' || req.op === 'upsert') if (!r.input.id) r.result.id = null;
    return rows.map((r) => r.result);
  }
  // Ids reach the caller's records only for saved rows.
  for (const r of rows) {
    if (r.result.errors.length === 0 && r.result.id && (req.op === 'insert' || req.op === 'upsert')) {
      setIdOnInput(r.input, r.result.id);
    }
  }
  return rows.map((r) => r.result);
}

function idOf(rec: SObjectValue): string | null {
  const id = rec.values.get('id');
  return id instanceof ApexId ? id.value : null;
}

function setIdOnInput(rec: SObjectValue, id: string): void {
  rec.values.set('id', ApexId.valueOf(id));
  if (rec.queried) rec.queried.add('id');
}

function refuseDuplicateIds(rows: Row[]): void {
  const seen = new Set<string>();
  for (const r of rows) {
    const id = r.result.id;
    if (!id) continue;
    if (seen.has(id)) {
      throw new ApexPlatformError('System.ListException', `Duplicate id in list: ${id}`);
    }
    seen.add(id);
  }
}

/** Consecutive records of one type form a chunk. */
function chunkByType(rows: Row[]): Row[][] {
  const chunks: Row[][] = [];
  let current: Row[] = [];
  for (const r of rows) {
    const last = current[current.length - 1];
    if (last && last.input.describe !== r.input.describe) {
      chunks.push(current);
      current = [];
    }
    current.push(r);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function refuseReadOnlyObject(describe: SObjectDescribe, op: DmlOp): void {
  if (describe.kind === 'customMetadata' || describe.kind === 'platformEvent') {
    const verb = op.charAt(0).toUpperCase() + op.slice(1);
    throw new ApexPlatformError('System.TypeException', `DML operation ${verb} not allowed on ${describe.name}`);
  }
}

/** MIXED_DML_OPERATION: setup and non-setup objects in one transaction (outside System.runAs in tests). */
function checkMixedDml(txn: Txn, chunks: Row[][], op: DmlOp): void {
  // "Test methods allow for performing mixed DML operations … if the code that performs the DML operations is
  // enclosed within System.runAs method blocks" (Apex Developer Guide, "Mixed DML Operations in Test Methods").
  if (txn.isTest && txn.runAsDepth > 0) return;
  const state = txn.state('mixedDml', () => ({
    setup: undefined as string | undefined,
    other: undefined as string | undefined,
  }));
  for (const chunk of chunks) {
    const describe = chunk[0]?.input.describe as SObjectDescribe;
    const rule = txn.org.schema.setupObjectRule(describe.name);
    if (!rule) {
      if (state.setup) mixedDmlError(chunk, describe.name, state.setup);
      state.other ??= describe.name;
      continue;
    }
    // A setup object the page allows with non-setup DML (a User without a role, a Group) mixes with both kinds.
    let neutral = (op === 'insert' || op === 'update') && rule.allowedWithNonSetup.includes(op);
    if (neutral && describe.name === 'User' && op === 'insert')
      neutral = !chunk.some((r) => r.input.values.get('userroleid'));
    if (neutral) continue;
    if (state.other) mixedDmlError(chunk, describe.name, state.other);
    state.setup ??= describe.name;
  }
}

function mixedDmlError(chunk: Row[], name: string, original: string): void {
  for (const r of chunk) {
    r.result.errors.push({
      statusCode: 'MIXED_DML_OPERATION',
      message: `DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${name}, original object: ${original}`,
      fields: [],
    });
  }
}

/** Resets the mixed-DML tracking (each System.runAs block starts afresh in tests). */
export function resetMixedDml(txn: Txn): void {
  txn.scratch.delete('mixedDml');
}

// ---------------------------------------------------------------- one chunk of one object

function runChunk(txn: Txn, req: DmlRequest, rows: Row[], security: DmlSecurity): void {
  const describe = rows[0]?.input.describe as SObjectDescribe;
  try {
    switch (req.op) {
      case 'insert':
        insertRows(txn, describe, rows, security);
        return;
      case 'update':
        updateRows(txn, describe, rows, security);
        return;
      case 'upsert':
        upsertRows(txn, describe, rows, security, req.externalIdField);
        return;
      case 'delete':
        deleteRows(txn, describe, rows, security);
        return;
      case 'undelete':
        undeleteRows(txn, describe, rows, security);
        return;
    }
  } catch (e) {
    const failure = triggerFailure(e);
    if (!failure) throw e;
    for (const r of rows) if (r.result.errors.length === 0) r.result.errors.push(failure);
  }
}

/** An exception a trigger did not catch, as the row error the DML reports (CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY). */
function triggerFailure(e: unknown): RowError | undefined {
  if (!(e instanceof TriggerError)) return undefined;
  const ex = e.thrown.exception;
  const state = exceptionState(ex);
  const type = ex.cls.isBuiltin ? `${ex.cls.namespace ?? 'System'}.${ex.cls.name}` : ex.cls.apexName;
  const message = state.message ?? '';
  if (type === 'System.DmlException' && state.dmlErrors?.[0]) {
    const first = state.dmlErrors[0];
    return {
      statusCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
      message: `${e.trigger}: execution of ${e.event}\n\ncaused by: ${type}: ${message}\n\n${state.stackTrace}`,
      fields: first.fields,
    };
  }
  return {
    statusCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
    message: `${e.trigger}: execution of ${e.event}\n\ncaused by: ${type}: ${message}\n\n${state.stackTrace}`,
    fields: [],
  };
}

class TriggerError extends Error {
  constructor(
    readonly trigger: string,
    readonly event: string,
    readonly thrown: ApexThrow,
  ) {
    super(`trigger ${trigger} failed`);
  }
}

const EVENT_NAMES: Record<TriggerEvent, string> = {
  'before insert': 'BeforeInsert',
  'before update': 'BeforeUpdate',
  'before delete': 'BeforeDelete',
  'after insert': 'AfterInsert',
  'after update': 'AfterUpdate',
  'after delete': 'AfterDelete',
  'after undelete': 'AfterUndelete',
};

function fire(
  txn: Txn,
  describe: SObjectDescribe,
  event: TriggerEvent,
  newRecords: SObjectValue[] | null,
  oldRecords: SObjectValue[] | null,
): void {
  const size = (newRecords ?? oldRecords ?? []).length;
  if (size === 0) return;
  try {
    fireTriggers(txn, describe.name, event, newRecords, oldRecords);
  } catch (e) {
    if (e instanceof ApexThrow && !e.uncatchable) {
      const trigger = triggerNameFromTrace(exceptionState(e.exception).stackTrace) ?? describe.name;
      throw new TriggerError(trigger, EVENT_NAMES[event], e);
    }
    throw e;
  }
}

function triggerNameFromTrace(trace: string): string | undefined {
  const lines = trace.split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const m = /^Trigger\.([^:]+):/.exec(lines[i] ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** Errors added with addError() on trigger records become row errors. */
function collectAddErrors(rows: Row[], records: SObjectValue[]): void {
  rows.forEach((r, i) => {
    const rec = records[i];
    if (!rec || rec.errors.length === 0) return;
    for (const e of rec.errors) {
      r.result.errors.push({ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: e.message, fields: e.fields });
    }
    rec.errors = [];
  });
}

function recordFromStore(_txn: Txn, stored: StoredRecord, readOnly: boolean): SObjectValue {
  const rec = new SObjectValue(stored.describe);
  for (const [k, v] of stored.fields) rec.values.set(k, v);
  rec.readOnly = readOnly;
  return rec;
}

function now(txn: Txn): ApexDatetime {
  return new ApexDatetime(txn.org.clock());
}

function userIdValue(txn: Txn): ApexId {
  return ApexId.valueOf(txn.userId);
}

/** The fields an insert or update writes, from the record Apex holds. */
function writtenFields(describe: SObjectDescribe, rec: SObjectValue, isInsert: boolean): Map<string, Value> {
  const out = new Map<string, Value>();
  for (const [k, v] of rec.values) {
    const f = describe.fields.get(k);
    if (!f) continue;
    if (!isSavedField(f, isInsert)) continue;
    out.set(k, v);
  }
  return out;
}

/** The default values a new record of the object gets (SObjectType.newSObject(null, true) and insert). */
export function defaultValues(txn: Txn, describe: SObjectDescribe): Map<string, Value> {
  const values = new Map<string, Value>();
  applyDefaults(txn, describe, values, false);
  return values;
}

function applyDefaults(txn: Txn, describe: SObjectDescribe, values: Map<string, Value>, withOwner = true): void {
  for (const f of describe.fields.list()) {
    const key = f.name.toLowerCase();
    if (values.has(key) || f.partial) continue;
    if (f.type === 'BOOLEAN' && !f.calculated) {
      values.set(key, f.defaultValue === true || f.defaultValueFormula?.trim().toLowerCase() === 'true');
      continue;
    }
    if (f.defaultValueFormula !== undefined && f.defaultValueFormula.trim() !== '' && !f.calculated) {
      values.set(key, literalDefault(describe, f));
      continue;
    }
    const picklistDefault = f.picklistValues.find((p) => p.defaultValue && p.active);
    if (picklistDefault && (f.type === 'PICKLIST' || f.type === 'MULTIPICKLIST'))
      values.set(key, picklistDefault.value);
  }
  if (withOwner && describe.hasOwner && !values.get('ownerid')) values.set('ownerid', userIdValue(txn));
}

/** A default value formula that is a literal (`"Draft"`, `42`, `true`); anything else fails loudly. */
function literalDefault(describe: SObjectDescribe, f: FieldDescribe): Value {
  const formula = (f.defaultValueFormula ?? '').trim();
  const str = /^"((?:[^"\\]|\\.)*)"$/.exec(formula) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(formula);
  if (str && f.apexType === 'String') return (str[1] ?? '').replace(/\\(.)/g, '$1');
  if (/^-?\d+(\.\d+)?$/.test(formula)) {
    if (f.apexType === 'Integer') return Number(formula);
    if (f.apexType === 'Decimal') return decimalOf(formula);
  }
  if (/^(true|false)$/i.test(formula) && f.apexType === 'Boolean') return formula.toLowerCase() === 'true';
  throw new EmulatorUnsupportedError(`default value formula ${formula} of ${describe.name}.${f.name}`);
}

function decimalOf(text: string): Value {
  return ApexDecimal.valueOf(text);
}

/** The values the platform computes on save: person names, auto numbers, numbers rounded to their scale. */
/** Whether a written value equals the stored one (an update that rewrites a field with its value changes nothing). */
function sameStored(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return exactEquals(a, b);
}

function finishValues(txn: Txn, describe: SObjectDescribe, values: Map<string, Value>, isInsert: boolean): void {
  if (['Contact', 'Lead', 'User'].includes(describe.name) && describe.fields.has('firstname')) {
    const first = values.get('firstname');
    const last = values.get('lastname');
    const parts = [first, last].filter((p): p is string => typeof p === 'string' && p !== '');
    values.set('name', parts.join(' '));
  }
  if (describe.name === 'User') values.set('usertype', userTypeOfProfile(txn, values.get('profileid') ?? null));
  for (const f of describe.fields.list()) {
    const key = f.name.toLowerCase();
    if (f.autoNumber && isInsert) values.set(key, txn.org.nextAutoNumber(describe, f));
    else if (values.has(key)) values.set(key, storedNumber(f, values.get(key) ?? null));
    else if (f.calculated && isInsert) {
      // Formula fields are computed when read; nothing is stored.
    }
  }
}

/**
 * User.UserType comes from the user's profile and its license (Object Reference, "User", UserType: "The category of
 * user license. Each UserType is associated with one or more UserLicense records. Each UserLicense is associated
 * with one or more profiles"); a profile whose license the emulator does not know fails loudly.
 */
function userTypeOfProfile(txn: Txn, profileId: Value): Value {
  if (profileId === null) return null;
  const profile = txn.org.db.get(plainText(profileId));
  if (!profile || profile.describe.name !== 'Profile') return null;
  const type = profile.fields.get('usertype') ?? null;
  if (type === null)
    throw new EmulatorUnsupportedError(
      `a user of profile ${plainText(profile.fields.get('name') ?? null)}, whose user license the emulator does not model`,
    );
  return type;
}

// ---------------------------------------------------------------- insert

function insertRows(txn: Txn, describe: SObjectDescribe, rows: Row[], security: DmlSecurity): void {
  security.checkObject('insert', describe);
  const work: Row[] = [];
  const records: SObjectValue[] = [];
  for (const r of rows) {
    if (r.result.id && r.input.id) {
      r.result.errors.push({
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: 'cannot specify Id in an insert call',
        fields: ['Id'],
      });
      continue;
    }
    const values = writtenFields(describe, r.input, true);
    security.checkFields('insert', describe, [...values.keys()]);
    applyDefaults(txn, describe, values);
    const rec = new SObjectValue(describe);
    for (const [k, v] of values) rec.values.set(k, v);
    work.push(r);
    records.push(rec);
  }
  if (work.length === 0) return;
  fire(txn, describe, 'before insert', records, null);
  collectAddErrors(work, records);
  const toSave: { row: Row; rec: SObjectValue }[] = [];
  work.forEach((r, i) => {
    const rec = records[i] as SObjectValue;
    if (r.result.errors.length > 0) return;
    const values = writtenFields(describe, rec, true);
    if (describe.hasOwner && !values.get('ownerid')) values.set('ownerid', userIdValue(txn));
    const productError = isProductObject(describe) ? productValues(txn, describe, values, null, null) : undefined;
    const given = new Set([...values].filter(([, v]) => v !== null).map(([k]) => k));
    deriveStandardFields({ describe, values, before: undefined, given, now: txn.org.clock() });
    finishValues(txn, describe, values, true);
    if (
      describe.name === 'PermissionSetAssignment' &&
      !values.get('permissionsetid') &&
      values.get('permissionsetgroupid')
    ) {
      const group = values.get('permissionsetgroupid');
      const ps = txn.org.security?.permissionSetOfGroup?.(plainText(group));
      if (ps) values.set('permissionsetid', ApexId.valueOf(ps));
    }
    const errors = validateFields(describe, values, true, txn.org.db, (n) => txn.org.schema.get(n));
    if (errors.length === 0 && productError) errors.push(productError);
    const access = errors.length === 0 ? security.checkNewValues?.(describe, values, 'insert') : null;
    if (access) errors.push(access);
    if (errors.length > 0) r.result.errors.push(...errors);
    else toSave.push({ row: r, rec: Object.assign(rec, { pending: values }) });
  });
  assignGroupDeveloperNames(
    describe,
    toSave.map((s) => (s.rec as SObjectValue & { pending: Map<string, Value> }).pending),
    txn.org.db,
  );
  const unique = uniqueViolations(
    describe,
    toSave.map((s) => ({ id: null, values: (s.rec as SObjectValue & { pending: Map<string, Value> }).pending })),
    txn.org.db,
  );
  const saved: { row: Row; stored: StoredRecord }[] = [];
  toSave.forEach((s, i) => {
    const dup = unique.get(i);
    if (dup) {
      s.row.result.errors.push(dup);
      return;
    }
    const values = (s.rec as SObjectValue & { pending: Map<string, Value> }).pending;
    const id = txn.org.newId(describe);
    const at = now(txn);
    values.set('id', id);
    for (const [k, v] of [
      ['createddate', at],
      ['createdbyid', userIdValue(txn)],
      ['lastmodifieddate', at],
      ['lastmodifiedbyid', userIdValue(txn)],
      ['systemmodstamp', at],
      ['isdeleted', false],
    ] as const) {
      if (describe.fields.has(k)) values.set(k, v);
    }
    const stored = txn.org.db.add(describe, id.value, values);
    txn.org.security?.recordInserted?.(stored);
    if (describe.name === 'User') txn.org.security?.userSaved?.(stored);
    s.row.result.id = id.value;
    s.row.result.created = true;
    saved.push({ row: s.row, stored });
  });
  if (saved.length === 0) return;
  if (isProductObject(describe))
    rollUpLineItems(
      txn,
      describe,
      saved.map((s) => s.stored),
    );
  const after = saved.map((s) => recordFromStore(txn, s.stored, true));
  fire(txn, describe, 'after insert', after, null);
  collectAddErrors(
    saved.map((s) => s.row),
    after,
  );
}

// ---------------------------------------------------------------- update

function loadForChange(
  txn: Txn,
  describe: SObjectDescribe,
  r: Row,
  op: 'update' | 'delete',
  security: DmlSecurity,
): StoredRecord | undefined {
  const id = r.result.id;
  if (!id) {
    r.result.errors.push({
      statusCode: 'MISSING_ARGUMENT',
      message: op === 'update' ? 'Id not specified in an update call' : 'Id not specified in a delete call',
      fields: [],
    });
    return undefined;
  }
  const stored = txn.org.db.get(id);
  if (!stored || stored.describe !== describe) {
    r.result.errors.push({
      statusCode: 'INVALID_CROSS_REFERENCE_KEY',
      message: 'invalid cross reference id',
      fields: [],
    });
    return undefined;
  }
  if (stored.isDeleted) {
    r.result.errors.push({ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] });
    return undefined;
  }
  if (security.applySharing && !security.canModify(stored, op)) {
    r.result.errors.push({
      statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
      message: 'insufficient access rights on object id',
      fields: [],
    });
    return undefined;
  }
  return stored;
}

function updateRows(txn: Txn, describe: SObjectDescribe, rows: Row[], security: DmlSecurity): void {
  security.checkObject('update', describe);
  const work: {
    row: Row;
    stored: StoredRecord;
    oldRec: SObjectValue;
    newRec: SObjectValue;
    inputKeys: Set<string>;
  }[] = [];
  for (const r of rows) {
    const stored = loadForChange(txn, describe, r, 'update', security);
    if (!stored) continue;
    const changes = writtenFields(describe, r.input, false);
    security.checkFields('update', describe, [...changes.keys()]);
    const oldRec = recordFromStore(txn, stored, true);
    const newRec = recordFromStore(txn, stored, false);
    for (const [k, v] of changes) newRec.values.set(k, v);
    work.push({ row: r, stored, oldRec, newRec, inputKeys: new Set(changes.keys()) });
  }
  if (work.length === 0) return;
  fire(
    txn,
    describe,
    'before update',
    work.map((w) => w.newRec),
    work.map((w) => w.oldRec),
  );
  collectAddErrors(
    work.map((w) => w.row),
    work.map((w) => w.newRec),
  );
  const ok = work.filter((w) => w.row.result.errors.length === 0);
  const checked: typeof ok = [];
  for (const w of ok) {
    const values = writtenFields(describe, w.newRec, false);
    const full = new Map(w.stored.fields);
    for (const [k, v] of values) full.set(k, v);
    const written = new Set([...values.keys()].filter((k) => !sameStored(w.stored.fields.get(k), values.get(k))));
    const productError = isProductObject(describe)
      ? productValues(txn, describe, full, written, w.stored.id)
      : undefined;
    deriveStandardFields({
      describe,
      values: full,
      before: w.stored.fields,
      given: new Set([...w.inputKeys, ...written]),
      now: txn.org.clock(),
    });
    finishValues(txn, describe, full, false);
    const changed = new Map([...full].filter(([k]) => values.has(k) || k === 'name'));
    const errors = validateFields(describe, changed, false, txn.org.db, (n) => txn.org.schema.get(n));
    if (errors.length === 0 && productError) errors.push(productError);
    const access = errors.length === 0 ? security.checkNewValues?.(describe, changed, 'update') : null;
    if (access) errors.push(access);
    const reparent = reparentError(describe, w.stored, changed);
    if (reparent) errors.push(reparent);
    if (errors.length > 0) w.row.result.errors.push(...errors);
    else {
      Object.assign(w, { full });
      checked.push(w);
    }
  }
  const unique = uniqueViolations(
    describe,
    checked.map((w) => ({ id: w.stored.id, values: (w as typeof w & { full: Map<string, Value> }).full })),
    txn.org.db,
  );
  const saved: typeof checked = [];
  checked.forEach((w, i) => {
    const dup = unique.get(i);
    if (dup) {
      w.row.result.errors.push(dup);
      return;
    }
    const full = (w as typeof w & { full: Map<string, Value> }).full;
    const at = now(txn);
    full.set('lastmodifieddate', at);
    full.set('lastmodifiedbyid', userIdValue(txn));
    if (describe.fields.has('systemmodstamp')) full.set('systemmodstamp', at);
    const ownerBefore = plainText(w.stored.fields.get('ownerid') ?? null);
    const profileBefore = plainText(w.stored.fields.get('profileid') ?? null);
    w.stored.fields = full;
    if (plainText(full.get('ownerid') ?? null) !== ownerBefore) txn.org.security?.ownerChanged?.(w.stored);
    if (describe.name === 'User' && plainText(full.get('profileid') ?? null) !== profileBefore) {
      txn.org.security?.userSaved?.(w.stored);
    }
    saved.push(w);
  });
  if (saved.length === 0) return;
  if (isProductObject(describe))
    rollUpLineItems(
      txn,
      describe,
      saved.map((w) => w.stored),
    );
  const after = saved.map((w) => recordFromStore(txn, w.stored, true));
  fire(
    txn,
    describe,
    'after update',
    after,
    saved.map((w) => w.oldRec),
  );
  collectAddErrors(
    saved.map((w) => w.row),
    after,
  );
}

/** A master-detail field may change only when the relationship allows reparenting. */
function reparentError(
  describe: SObjectDescribe,
  stored: StoredRecord,
  changed: Map<string, Value>,
): RowError | undefined {
  for (const f of describe.fields.list()) {
    if (!f.isMasterDetail || f.reparentableMasterDetail) continue;
    const key = f.name.toLowerCase();
    if (!changed.has(key)) continue;
    const before = stored.fields.get(key);
    const after = changed.get(key);
    const a = before instanceof ApexId ? before.value : before;
    const b = after instanceof ApexId ? after.value : after;
    if (a !== b) {
      return {
        statusCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `${f.label}: You cannot reparent this record`,
        fields: [f.name],
      };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- upsert

function upsertRows(
  txn: Txn,
  describe: SObjectDescribe,
  rows: Row[],
  security: DmlSecurity,
  externalIdField: string | undefined,
): void {
  const inserts: Row[] = [];
  const updates: Row[] = [];
  const field = externalIdField ? describe.fields.get(externalIdField) : undefined;
  if (externalIdField && !field) {
    throw new ApexPlatformError('System.SObjectException', `Invalid field ${externalIdField} for ${describe.name}`);
  }
  if (field && field.name !== 'Id' && !field.externalId && !field.idLookup) {
    throw new ApexPlatformError(
      'System.SObjectException',
      `Invalid field for upsert, must be an External Id custom or standard indexed field: ${field.name}`,
    );
  }
  for (const r of rows) {
    if (!field || field.name === 'Id') {
      (r.result.id ? updates : inserts).push(r);
      continue;
    }
    const key = field.name.toLowerCase();
    const value = r.input.values.get(key) ?? null;
    if (value === null) {
      r.result.errors.push({
        statusCode: 'MISSING_ARGUMENT',
        message: `${field.name} not specified`,
        fields: [field.name],
      });
      continue;
    }
    const norm = (v: Value): string => {
      const s = plainText(v);
      return field.caseSensitive ? s : s.toLowerCase();
    };
    const matches: string[] = [];
    for (const stored of txn.org.db.table(describe.name)) {
      if (stored.isDeleted) continue;
      const v = stored.fields.get(key) ?? null;
      if (v !== null && norm(v) === norm(value)) matches.push(stored.id);
    }
    if (matches.length > 1) {
      r.result.errors.push({
        statusCode: 'DUPLICATE_EXTERNAL_ID',
        message: `${field.label}: more than one record found for external id field: [${matches.join(', ')}]`,
        fields: [field.name],
      });
      continue;
    }
    if (matches[0]) {
      r.result.id = matches[0];
      setIdOnInput(r.input, matches[0]);
      updates.push(r);
    } else inserts.push(r);
  }
  if (inserts.length > 0) insertRows(txn, describe, inserts, security);
  if (updates.length > 0) updateRows(txn, describe, updates, security);
  for (const r of updates) r.result.created = false;
}

// ---------------------------------------------------------------- delete and undelete

/** The reference fields of every object that point at `describe`. */
function referencesTo(txn: Txn, describe: SObjectDescribe): { child: SObjectDescribe; field: FieldDescribe }[] {
  const out: { child: SObjectDescribe; field: FieldDescribe }[] = [];
  for (const name of txn.org.db.objectNames()) {
    const child = txn.org.schema.get(name);
    if (!child) continue;
    for (const f of child.fields.list()) {
      if (f.type !== 'REFERENCE') continue;
      if (f.referenceTo.some((t) => t.toLowerCase() === describe.name.toLowerCase())) out.push({ child, field: f });
    }
  }
  return out;
}

function deleteRows(txn: Txn, describe: SObjectDescribe, rows: Row[], security: DmlSecurity): void {
  security.checkObject('delete', describe);
  const work: { row: Row; stored: StoredRecord; oldRec: SObjectValue }[] = [];
  for (const r of rows) {
    const stored = loadForChange(txn, describe, r, 'delete', security);
    if (!stored) continue;
    work.push({ row: r, stored, oldRec: recordFromStore(txn, stored, true) });
  }
  if (work.length === 0) return;
  fire(
    txn,
    describe,
    'before delete',
    null,
    work.map((w) => w.oldRec),
  );
  collectAddErrors(
    work.map((w) => w.row),
    work.map((w) => w.oldRec),
  );
  const refs = referencesTo(txn, describe);
  const deletedIds = new Set(work.map((w) => w.stored.id));
  const done: typeof work = [];
  for (const w of work) {
    if (w.row.result.errors.length > 0) continue;
    const blocking = restrictingChildren(txn, refs, w.stored.id, deletedIds);
    if (blocking.length > 0) {
      const name = plainText(w.stored.fields.get('name') ?? w.stored.id);
      w.row.result.errors.push({
        statusCode: 'DELETE_FAILED',
        message: `Your attempt to delete ${name} could not be completed because it is associated with the following ${blocking[0]?.describe.labelPlural ?? 'records'}.: ${blocking
          .map((b) => plainText(b.fields.get('name') ?? b.id))
          .join(', ')}`,
        fields: [],
      });
      continue;
    }
    done.push(w);
  }
  if (isProductObject(describe))
    checkProductDelete(
      txn,
      describe,
      done.map((w) => w.stored.id),
    );
  for (const w of done) markDeleted(txn, w.stored, refs, undefined);
  if (done.length === 0) return;
  if (isProductObject(describe))
    rollUpLineItems(
      txn,
      describe,
      done.map((w) => w.stored),
    );
  fire(
    txn,
    describe,
    'after delete',
    null,
    done.map((w) => w.oldRec),
  );
  collectAddErrors(
    done.map((w) => w.row),
    done.map((w) => w.oldRec),
  );
}

function restrictingChildren(
  txn: Txn,
  refs: { child: SObjectDescribe; field: FieldDescribe }[],
  id: string,
  deleting: Set<string>,
): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const { child, field } of refs) {
    if (!field.restrictedDelete) continue;
    const key = field.name.toLowerCase();
    for (const rec of txn.org.db.table(child.name)) {
      if (rec.isDeleted || deleting.has(rec.id)) continue;
      const v = rec.fields.get(key);
      if (v instanceof ApexId && v.value === id) out.push(rec);
    }
  }
  return out;
}

/** Moves a record to the Recycle Bin: master-detail children follow it, plain lookups to it are cleared. */
function markDeleted(
  txn: Txn,
  stored: StoredRecord,
  refs: { child: SObjectDescribe; field: FieldDescribe }[],
  cascadeOf: string | undefined,
): void {
  stored.isDeleted = true;
  if (stored.describe.fields.has('isdeleted')) stored.fields.set('isdeleted', true);
  if (cascadeOf) stored.cascadeOf = cascadeOf;
  const cleared: { id: string; field: string }[] = [];
  for (const { child, field } of refs) {
    const key = field.name.toLowerCase();
    for (const rec of txn.org.db.table(child.name)) {
      if (rec.isDeleted) continue;
      const v = rec.fields.get(key);
      if (!(v instanceof ApexId) || v.value !== stored.id) continue;
      if (field.cascadeDelete || field.isMasterDetail) {
        markDeleted(txn, rec, referencesTo(txn, rec.describe), stored.id);
      } else if (!field.restrictedDelete) {
        rec.fields.set(key, null);
        cleared.push({ id: rec.id, field: key });
      }
    }
  }
  if (cleared.length > 0) txn.org.clearedLookups.set(stored.id, cleared);
}

function undeleteRows(txn: Txn, describe: SObjectDescribe, rows: Row[], security: DmlSecurity): void {
  security.checkObject('undelete', describe);
  const restored: { row: Row; stored: StoredRecord }[] = [];
  for (const r of rows) {
    const id = r.result.id;
    const stored = id ? txn.org.db.get(id) : undefined;
    if (!stored || stored.describe !== describe) {
      r.result.errors.push({
        statusCode: 'INVALID_CROSS_REFERENCE_KEY',
        message: 'invalid cross reference id',
        fields: [],
      });
      continue;
    }
    if (!stored.isDeleted) {
      r.result.errors.push({ statusCode: 'UNDELETE_FAILED', message: 'Entity is not in the recycle bin', fields: [] });
      continue;
    }
    restoreRecord(txn, stored);
    restored.push({ row: r, stored });
  }
  if (restored.length === 0) return;
  if (isProductObject(describe))
    rollUpLineItems(
      txn,
      describe,
      restored.map((s) => s.stored),
    );
  const after = restored.map((s) => recordFromStore(txn, s.stored, true));
  fire(txn, describe, 'after undelete', after, null);
  collectAddErrors(
    restored.map((s) => s.row),
    after,
  );
}

function restoreRecord(txn: Txn, stored: StoredRecord): void {
  stored.isDeleted = false;
  if (stored.describe.fields.has('isdeleted')) stored.fields.set('isdeleted', false);
  delete stored.cascadeOf;
  for (const name of txn.org.db.objectNames()) {
    for (const rec of txn.org.db.table(name)) {
      if (rec.isDeleted && rec.cascadeOf === stored.id) restoreRecord(txn, rec);
    }
  }
  for (const c of txn.org.clearedLookups.get(stored.id) ?? []) {
    const rec = txn.org.db.get(c.id);
    if (rec && !rec.isDeleted && (rec.fields.get(c.field) ?? null) === null)
      rec.fields.set(c.field, ApexId.valueOf(stored.id));
  }
  txn.org.clearedLookups.delete(stored.id);
}

// ---------------------------------------------------------------- the DmlException of a failed statement

const VERBS: Record<DmlOp, string> = {
  insert: 'Insert',
  update: 'Update',
  upsert: 'Upsert',
  delete: 'Delete',
  undelete: 'Undelete',
};

/** The System.DmlException an all-or-none DML throws (message of the first error, every row error attached). */
export function dmlException(op: DmlOp, results: RowResult[], records: SObjectValue[]): ApexPlatformError {
  const errors: DmlErrorInfo[] = [];
  results.forEach((r, index) => {
    for (const e of r.errors) {
      errors.push({
        index,
        id: r.id,
        statusCode: e.statusCode,
        message: e.message,
        fields: e.fields,
        typeName: records[index]?.describe.name ?? '',
      });
    }
  });
  const first = errors[0] as DmlErrorInfo;
  const withId = first.id && op !== 'insert' ? ` with id ${first.id}` : '';
  const message = `${VERBS[op]} failed. First exception on row ${first.index}${withId}; first error: ${first.statusCode}, ${first.message}: [${first.fields.join(', ')}]`;
  const error = new ApexPlatformError('System.DmlException', message) as ApexPlatformError & {
    dmlErrors: DmlErrorInfo[];
  };
  error.dmlErrors = errors;
  return error;
}
