// Compiling a SOQL syntax tree (ast.ts) against the org schema into a plan of closures: field paths resolved to
// getters, conditions to predicates prepared once per run (binds, date literals, semi-joins), ORDER BY to keys.
// engine.ts runs plans. Every rule names the page of the SOQL and SOSL Reference (SR) or the Apex Developer Guide
// (ADG) it follows; SR pages are under https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/.
import { addressOf } from '../../library/schema/address';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { requireKnown } from '../../schema/fieldFactory';
import type { FieldDescribe, SObjectDescribe } from '../../schema/types';
import { ApexList, ApexSet, type Value } from '../../runtime/values';
import { daysFromCivil, daysInMonth, MS_PER_DAY } from '../../values/Calendar';
import { ApexDecimal } from '../../values/Decimal';
import { ApexId, canonicalId } from '../../values/Id';
import type { Database, StoredRecord } from '../Database';
import type * as S from './ast';
import {
  compareKeys,
  compareText,
  fold,
  hashKey,
  keyOfBound,
  keyOfStored,
  keysEqual,
  kindOfField,
  splitMulti,
  type Key,
  type Kind,
} from './compare';
import {
  checkDateLiteral,
  DATE_FUNCTIONS,
  dateFunction,
  dateLiteralRange,
  dayRangeToMs,
  type DateContext,
  type DateFunctionName,
} from './dates';

// ------------------------------------------------------------------------------------------------ run state

/** What one execution of a plan needs (built by engine.ts from the QueryEnvironment). */
export interface Run {
  db: Database;
  dates: DateContext;
  bindByIndex: Value[] | undefined;
  bindByName: ((name: string) => Value) | undefined;
  /** ALL ROWS: deleted records too. */
  includeDeleted: boolean;
  /** Sharing applies: only records `canSee` accepts. */
  sharing: boolean;
  canSee: (rec: StoredRecord) => boolean;
  /** Formula fields (calculated) the DML engine does not store. */
  formulaValue: ((rec: StoredRecord, field: FieldDescribe) => Value) | undefined;
  /** Operand values prepared once per run, by operand node. */
  memo: Map<object, Operand>;
  /** Rows of child sub-queries returned so far (for the queryRows limit). */
  childRows: number;
  /** Child sub-query records by parent id, built once per run and child plan. */
  childIndex: Map<object, Map<string, StoredRecord[]>>;
}

export type Getter<T> = (x: T, run: Run) => Value;
export type Pred<T> = (x: T) => boolean;
export type PredPrep<T> = (run: Run) => Pred<T>;

export function queryException(message: string): ApexPlatformError {
  return new ApexPlatformError('System.QueryException', message);
}

function unsupported(what: string): EmulatorUnsupportedError {
  return new EmulatorUnsupportedError(`SOQL ${what}`);
}

// ------------------------------------------------------------------------------------------------ schema access

export interface SchemaLike {
  get(name: string): SObjectDescribe | undefined;
}

/** Reads per object (canonical object name → field names), for QuerySecurity.checkQuery. */
export class ReadSet {
  readonly byObject = new Map<string, Set<string>>();

  add(object: string, field: string): void {
    let s = this.byObject.get(object);
    if (!s) {
      s = new Set();
      this.byObject.set(object, s);
    }
    s.add(field);
  }

  addAll(other: ReadSet): void {
    for (const [o, fs] of other.byObject) for (const f of fs) this.add(o, f);
  }

  /** Records that the object is read even when no field of it is (SELECT COUNT() FROM X). */
  touch(object: string): void {
    if (!this.byObject.has(object)) this.byObject.set(object, new Set());
  }

  list(): { object: string; fields: string[] }[] {
    return [...this.byObject].map(([object, fields]) => ({ object, fields: [...fields] }));
  }
}

/**
 * SR "SELECT": an unknown object is the org's `sObject type 'X' is not supported.` (with its custom-object hint).
 * Objects that are not queryable (platform events …) give the same error.
 */
export function resolveObject(schema: SchemaLike, name: string): SObjectDescribe {
  const d = schema.get(name);
  if (!d || !d.queryable) {
    throw queryException(
      `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return d;
}

function noSuchColumn(name: string, entity: string): ApexPlatformError {
  return queryException(
    `No such column '${name}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

function badRelationship(name: string): ApexPlatformError {
  return queryException(
    `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

/** The compile-time scope of one SELECT: its object, alias and what it reads. */
export class Scope {
  constructor(
    readonly schema: SchemaLike,
    readonly describe: SObjectDescribe,
    readonly alias: string | undefined,
    /** Everything the query reads (USER_MODE checks all of it). */
    readonly reads: ReadSet,
    /** What SELECT and FROM read (WITH SECURITY_ENFORCED checks only these: ADG "Filter SOQL Queries Using WITH SECURITY_ENFORCED"). */
    readonly selectReads: ReadSet,
  ) {}
}

/** One step through a parent relationship. */
export interface ParentStep {
  fk: FieldDescribe;
  fkKey: string;
  relationshipName: string;
  /** Polymorphic (Owner, What, Who …): the next name is resolved on the referenced record's actual object. */
  polymorphic: boolean;
}

export interface ResolvedPath {
  steps: ParentStep[];
  /** The final field as described where it was resolved (the Name object for a polymorphic step). */
  field: FieldDescribe;
  /** The object the final field was resolved on. */
  owner: SObjectDescribe;
  kind: Kind;
  /** Canonical path text (`Account.Owner.Name`) — identity for GROUP BY matching and duplicate detection. */
  canonical: string;
  getter: Getter<StoredRecord>;
}

export type Clause = 'select' | 'filter' | 'order' | 'group';

/** Reads one stored field value as Apex sees it (Id and IsDeleted from the record itself). */
export function readStored(rec: StoredRecord, field: FieldDescribe, run: Run): Value {
  const key = field.name.toLowerCase();
  if (key === 'id') return rec.fields.get('id') ?? ApexId.valueOf(rec.id);
  if (key === 'isdeleted') return rec.isDeleted;
  if (field.unsupported !== undefined)
    throw new EmulatorUnsupportedError(`${rec.describe.name}.${field.name}: ${field.unsupported}`);
  // Compound address fields read as a System.Address of their parts (SOQL Reference, "Compound Fields").
  if (field.apexType === 'Address') return addressOf(rec, field);
  if (field.apexType === 'Location')
    throw unsupported(`compound field ${rec.describe.name}.${field.name} (${field.apexType})`);
  if (field.calculated) {
    if (run.formulaValue) return run.formulaValue(rec, field);
    const stored = rec.fields.get(key);
    if (stored !== undefined) return stored;
    throw unsupported(`formula field ${rec.describe.name}.${field.name} (no formula evaluator and no stored value)`);
  }
  return rec.fields.get(key) ?? null;
}

/** The record a reference field points to, or null. */
export function parentRecord(rec: StoredRecord, fkKey: string, run: Run): StoredRecord | null {
  const v = rec.fields.get(fkKey) ?? null;
  if (v === null) return null;
  const id = v instanceof ApexId ? v.value : typeof v === 'string' ? canonicalId(v) : null;
  if (id === null) return null;
  const parent = run.db.get(id) ?? null;
  if (parent !== null && run.sharing && !run.canSee(parent)) {
    // The docs do not say what a with-sharing query returns for a parent the user cannot see: fail loudly.
    throw unsupported(
      `parent relationship to a record the running user cannot see (${parent.describe.name} ${parent.id})`,
    );
  }
  return parent;
}

function stripPrefix(scope: Scope, path: S.FieldPath): S.FieldPath {
  if (path.length < 2) return path;
  const first = (path[0] as string).toLowerCase();
  if (scope.alias !== undefined && first === scope.alias.toLowerCase()) return path.slice(1);
  // `SELECT Account.Name FROM Account`: the object's own name as a prefix, when it names no relationship.
  if (first === scope.describe.name.toLowerCase() && !scope.describe.fields.byRelationshipName(first))
    return path.slice(1);
  return path;
}

/**
 * Resolves a field path (SR "Relationship Queries", sforce_api_calls_soql_relationships.htm): every name but the
 * last is a parent relationship (`Account`, `Owner`, `Parent__r`); the last is a field. A polymorphic relationship
 * (several referenceTo targets) allows the fields of the Name object (SR "Understanding Relationship Fields and
 * Polymorphic Fields"), read from the referenced record's actual object at run time.
 */
export function resolvePath(scope: Scope, rawPath: S.FieldPath, clause: Clause): ResolvedPath {
  const path = stripPrefix(scope, rawPath);
  let current = scope.describe;
  let polymorphicTargets: string[] | null = null;
  const steps: ParentStep[] = [];
  const canonical: string[] = [];
  const recordRead = (d: SObjectDescribe, field: string): void => {
    const targets = polymorphicTargets ?? [d.name];
    for (const t of targets) {
      const td = scope.schema.get(t);
      const f = td?.fields.get(field);
      if (td && f) {
        scope.reads.add(td.name, f.name);
        if (clause === 'select') scope.selectReads.add(td.name, f.name);
      }
    }
  };
  for (let i = 0; i < path.length - 1; i += 1) {
    const seg = path[i] as string;
    const fk = current.fields.byRelationshipName(seg);
    if (!fk || !fk.relationshipName) throw badRelationship(seg);
    recordRead(current, fk.name);
    const polymorphic = fk.referenceTo.length > 1;
    steps.push({ fk, fkKey: fk.name.toLowerCase(), relationshipName: fk.relationshipName, polymorphic });
    canonical.push(fk.relationshipName);
    if (polymorphic) {
      const nameObject = scope.schema.get('Name');
      if (!nameObject)
        throw unsupported(`polymorphic relationship ${fk.relationshipName} without the Name object in the schema`);
      current = nameObject;
      polymorphicTargets = fk.referenceTo;
    } else {
      const target = scope.schema.get(fk.referenceTo[0] ?? '');
      if (!target)
        throw unsupported(
          `relationship ${fk.relationshipName} to ${fk.referenceTo[0] ?? '?'}, which the schema does not describe`,
        );
      current = target;
      polymorphicTargets = null;
    }
  }
  const last = path[path.length - 1] as string;
  const field = current.fields.get(last);
  if (!field) throw noSuchColumn(last, current.name);
  recordRead(current, field.name);
  canonical.push(field.name);
  if (polymorphicTargets && field.name.toLowerCase() === 'type') {
    throw unsupported(
      `the Type field of the polymorphic relationship ${steps[steps.length - 1]?.relationshipName ?? ''}`,
    );
  }
  checkClause(current, field, clause);
  const kind = kindOfField(field);
  if (kind === 'other' && clause !== 'select')
    throw unsupported(`${clause} on ${current.name}.${field.name} (${field.apexType})`);
  return { steps, field, owner: current, kind, canonical: canonical.join('.'), getter: pathGetter(steps, field) };
}

/** SR "Field types": filterable / sortable / groupable (the org's "can not be filtered in a query call" errors). */
function checkClause(owner: SObjectDescribe, field: FieldDescribe, clause: Clause): void {
  if (clause === 'select' || field.partial) return;
  const verb = clause === 'filter' ? 'filtered' : clause === 'order' ? 'sorted' : 'grouped';
  const ok = clause === 'filter' ? field.filterable : clause === 'order' ? field.sortable : field.groupable;
  if (!ok) throw queryException(`field '${field.name}' can not be ${verb} in a query call`);
  void owner;
}

function pathGetter(steps: ParentStep[], field: FieldDescribe): Getter<StoredRecord> {
  const fieldKey = field.name.toLowerCase();
  const afterPolymorphic = steps.length > 0 && (steps[steps.length - 1] as ParentStep).polymorphic;
  const readFinal = (rec: StoredRecord, run: Run): Value => {
    if (!afterPolymorphic) return readStored(rec, field, run);
    const actual = rec.describe.fields.get(fieldKey);
    return actual ? readStored(rec, actual, run) : null;
  };
  if (steps.length === 0) return readFinal;
  return (rec, run) => {
    let cur: StoredRecord | null = rec;
    for (const step of steps) {
      if (step !== steps[0] && cur !== null) {
        // A step after a polymorphic one resolves its reference field on the actual object.
        const prevIndex = steps.indexOf(step) - 1;
        if ((steps[prevIndex] as ParentStep).polymorphic && !cur.describe.fields.has(step.fkKey)) return null;
      }
      cur = cur === null ? null : parentRecord(cur, step.fkKey, run);
      if (cur === null) return null;
    }
    return readFinal(cur, run);
  };
}

// ------------------------------------------------------------------------------------------------ literals

function literalType(kind: Kind, field: FieldDescribe | undefined): string {
  switch (kind) {
    case 'text':
    case 'multipicklist':
      return 'string';
    case 'id':
      return 'id';
    case 'number':
      return field?.soapType === 'INTEGER' ? 'int' : field?.soapType === 'LONG' ? 'long' : 'double';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'dateTime';
    case 'time':
      return 'time';
    default:
      return 'anyType';
  }
}

/** SR "fieldExpression Syntax": the org's error for a literal of the wrong type. */
function badLiteral(name: string, kind: Kind, field: FieldDescribe | undefined): ApexPlatformError {
  const quoted = kind === 'text' || kind === 'id' || kind === 'multipicklist';
  return queryException(
    `value of filter criterion for field '${name}' must be of type ${literalType(kind, field)} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
  );
}

const DATE_TEXT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const DATETIME_TEXT =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,3})[0-9]*)?(Z|[+-][0-9]{2}:?[0-9]{2})$/;
const TIME_TEXT = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,3}))?Z?$/;

function parseDateText(text: string): number {
  const m = DATE_TEXT.exec(text);
  if (!m) throw queryException(`line 1:0 no viable alternative at character '${text}'`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw queryException(`invalid date: ${text}`);
  return daysFromCivil(y, mo, d);
}

/** SR "Date Formats and Date Literals in WHERE": YYYY-MM-DDThh:mm:ss(+|-)hh:mm or …Z; "The zone offset is always from UTC". */
function parseDatetimeText(text: string): number {
  const m = DATETIME_TEXT.exec(text);
  if (!m) throw queryException(`invalid dateTime: ${text}`);
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i])) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59)
    throw queryException(`invalid dateTime: ${text}`);
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  let offset = 0;
  const zone = m[8] as string;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits[0] === '-' ? -1 : 1;
    offset = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60000;
  }
  return daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms - offset;
}

function parseTimeText(text: string): number {
  const m = TIME_TEXT.exec(text);
  if (!m) throw queryException(`invalid time: ${text}`);
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (h > 23 || mi > 59 || s > 59) throw queryException(`invalid time: ${text}`);
  return ((h * 60 + mi) * 60 + s) * 1000 + (m[4] ? Number(m[4].padEnd(3, '0')) : 0);
}

// ------------------------------------------------------------------------------------------------ operands

/** An operand prepared for one run. */
export type Operand =
  | { k: 'key'; key: Key | null }
  | { k: 'range'; start: number; end: number }
  | { k: 'list'; items: Operand[] }
  | { k: 'idset'; ids: Set<string> };

/** What a comparison's left side is, for typing its right side. */
export interface LeftInfo<T> {
  getter: Getter<T>;
  kind: Kind;
  /** Display name for messages. */
  name: string;
  field: FieldDescribe | undefined;
  caseSensitive: boolean;
  /** A picklist field whose values order by definition (ORDER BY, MIN, MAX). */
  picklist: string[] | undefined;
}

type OperandPrep = (run: Run) => Operand;

function bindValue(op: S.SoqlOperand, run: Run): Value {
  if (op.kind === 'bind') {
    if (!run.bindByIndex) throw new Error('emulator: an inline bind without bind values');
    const v = run.bindByIndex[op.index];
    if (v === undefined) throw new Error(`emulator: bind ${op.index} has no value`);
    return v;
  }
  if (op.kind === 'bindName') {
    if (!run.bindByName) throw queryException(`Variable does not exist: ${op.name}`);
    return run.bindByName(op.name);
  }
  throw new Error('emulator: not a bind');
}

/** The elements of a bound collection (a List or Set), or undefined for a single value. */
function collectionItems(v: Value): Value[] | undefined {
  if (v instanceof ApexList) return v.items;
  if (v instanceof ApexSet) return [...v.store.entries()].map((e) => e.key);
  return undefined;
}

function literalOperand(lit: S.SoqlLiteral, kind: Kind, left: LeftInfo<unknown>): OperandPrep {
  const fixed = (key: Key | null): OperandPrep => {
    const o: Operand = { k: 'key', key };
    return () => o;
  };
  if (lit.kind === 'null') return fixed(null);
  if (lit.kind === 'currency') throw unsupported(`currency literal ${lit.text} (multi-currency orgs)`);
  switch (kind) {
    case 'text':
    case 'multipicklist':
      if (lit.kind !== 'string') throw badLiteral(left.name, kind, left.field);
      return fixed(keyOfBound(kind, lit.value));
    case 'id':
      if (lit.kind !== 'string') throw badLiteral(left.name, kind, left.field);
      return fixed(keyOfBound('id', lit.value));
    case 'number':
      if (lit.kind !== 'number') throw badLiteral(left.name, kind, left.field);
      return fixed(ApexDecimal.valueOf(lit.text));
    case 'boolean':
      if (lit.kind !== 'boolean') throw badLiteral(left.name, kind, left.field);
      return fixed(lit.value);
    case 'time':
      if (lit.kind !== 'time') throw badLiteral(left.name, kind, left.field);
      return fixed(parseTimeText(lit.text));
    case 'date':
    case 'datetime': {
      if (lit.kind === 'dateLiteral') {
        checkDateLiteral(lit.name, lit.n);
        return (run) => {
          const r = dateLiteralRange(lit.name, lit.n, run.dates);
          if (kind === 'date') return { k: 'range', start: r.startDay, end: r.endDay };
          const ms = dayRangeToMs(r, run.dates);
          return { k: 'range', start: ms.startMs, end: ms.endMs };
        };
      }
      // SR "Date Formats …": "To filter query results based on a specific date, set a value using a date format. To
      // filter … based on a specific date and time, set a value using a dateTime format."
      if (kind === 'date' && lit.kind === 'date') return fixed(parseDateText(lit.text));
      if (kind === 'datetime' && lit.kind === 'datetime') return fixed(parseDatetimeText(lit.text));
      throw badLiteral(left.name, kind, left.field);
    }
    default:
      throw unsupported(`comparison with a ${kind} value`);
  }
}

/** A single-value operand (=, <, LIKE …). */
function scalarOperand(op: S.SoqlOperand, left: LeftInfo<unknown>): OperandPrep {
  if (op.kind === 'bind' || op.kind === 'bindName') {
    return (run) => {
      const v = bindValue(op, run);
      if (collectionItems(v) !== undefined)
        throw unsupported(`a bound List or Set with an operator other than IN / NOT IN (${left.name})`);
      return { k: 'key', key: keyOfBound(left.kind, v) };
    };
  }
  if (op.kind === 'list' || op.kind === 'semijoin') throw queryException(`unexpected token: '(' after ${left.name}`);
  return literalOperand(op, left.kind, left);
}

/** An IN / NOT IN / INCLUDES / EXCLUDES operand: a literal list, a bound List or Set, or (IN only) a semi-join. */
function listOperand(op: S.SoqlOperand, left: LeftInfo<unknown>, scope: Scope): OperandPrep {
  if (op.kind === 'semijoin') return semiJoinOperand(op.query, left, scope);
  if (op.kind === 'bind' || op.kind === 'bindName') {
    return (run) => {
      const v = bindValue(op, run);
      const items = collectionItems(v);
      if (items === undefined) {
        // INCLUDES (:value) has one bound string; IN needs a collection.
        if (left.kind === 'multipicklist') return { k: 'list', items: [{ k: 'key', key: keyOfBound(left.kind, v) }] };
        throw unsupported(`IN with a bound value that is not a List or Set (${left.name})`);
      }
      return { k: 'list', items: items.map((item) => ({ k: 'key', key: keyOfBound(left.kind, item) })) };
    };
  }
  if (op.kind !== 'list') throw queryException(`unexpected token: IN must be followed by a list for ${left.name}`);
  const parts = op.values.map((v) => {
    if (v.kind === 'bind' || v.kind === 'bindName') {
      return (run: Run): Operand[] => {
        const bound = bindValue(v, run);
        const items = collectionItems(bound) ?? [bound];
        return items.map((item) => ({ k: 'key', key: keyOfBound(left.kind, item) }));
      };
    }
    if (v.kind === 'list' || v.kind === 'semijoin') throw queryException('unexpected token: (');
    const prep = literalOperand(v, left.kind, left);
    return (run: Run): Operand[] => [prep(run)];
  });
  return (run) => ({ k: 'list', items: parts.flatMap((p) => p(run)) });
}

// ------------------------------------------------------------------------------------------------ conditions

/** Resolves the left side of a comparison in a WHERE or HAVING context. */
export type LeftResolver<T> = (left: { kind: 'field'; path: S.FieldPath } | S.SoqlFunctionCall) => LeftInfo<T>;

/** Compiles a condition (SR "Condition Expression Syntax (WHERE Clause)", "Logical Operators"). */
export function compileCondition<T>(cond: S.Condition, resolve: LeftResolver<T>, scope: Scope): PredPrep<T> {
  switch (cond.kind) {
    case 'and': {
      const parts = cond.operands.map((c) => compileCondition(c, resolve, scope));
      return (run) => {
        const ps = parts.map((p) => p(run));
        return (x) => ps.every((p) => p(x));
      };
    }
    case 'or': {
      const parts = cond.operands.map((c) => compileCondition(c, resolve, scope));
      return (run) => {
        const ps = parts.map((p) => p(run));
        return (x) => ps.some((p) => p(x));
      };
    }
    case 'not': {
      // "NOT fieldExpression: true when fieldExpression is false" (SR "Logical Operators"); SOQL compares null as a
      // value (= null, != null), so conditions are two-valued and NOT is plain negation.
      const inner = compileCondition(cond.operand, resolve, scope);
      return (run) => {
        const p = inner(run);
        return (x) => !p(x);
      };
    }
    case 'compare':
      return compileCompare(cond, resolve(cond.left), scope);
  }
}

function compileCompare<T>(
  cond: Extract<S.Condition, { kind: 'compare' }>,
  left: LeftInfo<T>,
  scope: Scope,
): PredPrep<T> {
  const { kind, getter } = left;
  const op = cond.op === '<>' ? '!=' : cond.op;
  // SR "Use null in WHERE" (sforce_api_calls_soql_null.htm): "If you run a query on a boolean field, null matches
  // FALSE values … WHERE Test_c != null is equivalent to WHERE Test_c = true" — a Boolean's null is false.
  const isBoolean = kind === 'boolean';
  const keyOf = (x: T, run: Run): Key | null => keyOfStored(kind, getter(x, run)) ?? (isBoolean ? false : null);
  const booleanNull = (o: Operand): Operand => {
    if (!isBoolean) return o;
    if (o.k === 'key' && o.key === null) return { k: 'key', key: false };
    if (o.k === 'list') return { k: 'list', items: o.items.map(booleanNull) };
    return o;
  };
  const memoized =
    (prep: OperandPrep): OperandPrep =>
    (run) => {
      let o = run.memo.get(cond.right);
      if (!o) {
        o = booleanNull(prep(run));
        run.memo.set(cond.right, o);
      }
      return o;
    };
  switch (op) {
    case 'LIKE': {
      // SR "Comparison Operators", LIKE: "% and _ wildcards … The LIKE operator in SOQL and SOSL is similar to the
      // LIKE operator in SQL … matching is case-insensitive … Use \% and \_ to match the literal characters".
      if (kind !== 'text') throw queryException(`invalid operator on ${kind} field: LIKE (${left.name})`);
      const prep = memoized(scalarOperand(cond.right, left as LeftInfo<unknown>));
      return (run) => {
        const o = prep(run);
        if (o.k !== 'key') throw new Error('emulator: LIKE operand');
        if (o.key === null) return (x) => keyOf(x, run) === null;
        const re = likeRegExp(o.key as string);
        return (x) => {
          const k = keyOf(x, run);
          return k !== null && re.test(k as string);
        };
      };
    }
    case 'IN':
    case 'NOT IN': {
      if (kind === 'multipicklist')
        throw queryException(`invalid operator on multipicklist field: ${op} (${left.name})`);
      const prep = memoized(listOperand(cond.right, left as LeftInfo<unknown>, scope));
      const negate = op === 'NOT IN';
      return (run) => {
        const o = prep(run);
        let test: (k: Key | null) => boolean;
        if (o.k === 'idset') test = (k) => k !== null && o.ids.has(k as string);
        else if (o.k === 'list') {
          let hasNull = false;
          const set = new Set<string>();
          for (const item of o.items) {
            if (item.k !== 'key') throw unsupported(`date literals inside IN (${left.name})`);
            // A null inside the list matches a null value, as = null does (the docs do not say).
            if (item.key === null) hasNull = true;
            else set.add(hashKey(kind, item.key, left.caseSensitive));
          }
          test = (k) => (k === null ? hasNull : set.has(hashKey(kind, k, left.caseSensitive)));
        } else throw new Error('emulator: IN operand');
        return (x) => test(keyOf(x, run)) !== negate;
      };
    }
    case 'INCLUDES':
    case 'EXCLUDES': {
      // SR "Querying Multi-Select Picklists": "INCLUDES ('AAA;BBB', 'CCC')" — a `;` inside one string means all of
      // those values, several strings mean any of them; EXCLUDES is true when INCLUDES is not.
      if (kind !== 'multipicklist') throw queryException(`invalid operator on ${kind} field: ${op} (${left.name})`);
      if (left.field?.partial) requireKnown(scope.describe.name, left.field, 'type');
      const prep = memoized(listOperand(cond.right, left as LeftInfo<unknown>, scope));
      const negate = op === 'EXCLUDES';
      return (run) => {
        const o = prep(run);
        if (o.k !== 'list') throw new Error('emulator: INCLUDES operand');
        const wanted = o.items.flatMap((i) => (i.k === 'key' && i.key !== null ? [i.key as string[]] : []));
        return (x) => {
          const k = keyOf(x, run) as string[] | null;
          const has = k !== null && wanted.some((all) => all.every((v) => k.includes(v)));
          return has !== negate;
        };
      };
    }
    default: {
      if (kind === 'multipicklist' && op !== '=' && op !== '!=')
        throw queryException(`invalid operator on multipicklist field: ${op} (${left.name})`);
      const prep = memoized(scalarOperand(cond.right, left as LeftInfo<unknown>));
      return (run) => {
        const o = prep(run);
        if (o.k === 'range') return rangePredicate(op, o, (x) => keyOf(x, run) as number | null);
        if (o.k !== 'key') throw new Error('emulator: comparison operand');
        const rk = o.key;
        if (rk === null) {
          if (op === '=') return (x) => keyOf(x, run) === null;
          if (op === '!=') return (x) => keyOf(x, run) !== null;
          return () => false;
        }
        const cmp = (x: T): number | null => {
          const k = keyOf(x, run);
          return k === null ? null : compareKeys(kind, k, rk);
        };
        switch (op) {
          case '=':
            return (x) => {
              const k = keyOf(x, run);
              return k !== null && keysEqual(kind, k, rk, left.caseSensitive);
            };
          case '!=':
            return (x) => {
              const k = keyOf(x, run);
              return k === null || !keysEqual(kind, k, rk, left.caseSensitive);
            };
          case '<':
            return (x) => {
              const c = cmp(x);
              return c !== null && c < 0;
            };
          case '<=':
            return (x) => {
              const c = cmp(x);
              return c !== null && c <= 0;
            };
          case '>':
            return (x) => {
              const c = cmp(x);
              return c !== null && c > 0;
            };
          case '>=':
            return (x) => {
              const c = cmp(x);
              return c !== null && c >= 0;
            };
          default:
            throw new Error(`emulator: operator ${String(op)}`);
        }
      };
    }
  }
}

/**
 * A date literal compared with a date or dateTime value (SR "Date Formats and Date Literals in WHERE": "To find
 * values within the range, use =. To find values on either side of the range, use > or <").
 */
function rangePredicate<T>(op: string, r: { start: number; end: number }, key: (x: T) => number | null): Pred<T> {
  const inRange = (k: number): boolean => k >= r.start && k < r.end;
  switch (op) {
    case '=':
      return (x) => {
        const k = key(x);
        return k !== null && inRange(k);
      };
    case '!=':
      return (x) => {
        const k = key(x);
        return k === null || !inRange(k);
      };
    case '<':
      return (x) => {
        const k = key(x);
        return k !== null && k < r.start;
      };
    case '<=':
      return (x) => {
        const k = key(x);
        return k !== null && k < r.end;
      };
    case '>':
      return (x) => {
        const k = key(x);
        return k !== null && k >= r.end;
      };
    case '>=':
      return (x) => {
        const k = key(x);
        return k !== null && k >= r.start;
      };
    default:
      throw new Error(`emulator: operator ${op}`);
  }
}

/** A LIKE pattern as an anchored, case-insensitive regular expression. */
export function likeRegExp(pattern: string): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i] as string;
    if (ch === '\\' && (pattern[i + 1] === '%' || pattern[i + 1] === '_')) {
      src += pattern[i + 1] as string;
      i += 1;
    } else if (ch === '%') src += '[\\s\\S]*';
    else if (ch === '_') src += '[\\s\\S]';
    else src += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${src}$`, 'iu');
}

// ------------------------------------------------------------------------------------------------ semi-joins

/** A compiled semi-join sub-query: the ids its one selected field holds. */
export type SemiJoinRunner = (run: Run) => Set<string>;

/** Installed by engine.ts (semi-joins compile and run like queries). */
export let compileSemiJoin: (q: S.SoqlQuery, scope: Scope) => SemiJoinRunner = () => {
  throw new Error('emulator: semi-join compiler not installed');
};
export function installSemiJoinCompiler(f: (q: S.SoqlQuery, scope: Scope) => SemiJoinRunner): void {
  compileSemiJoin = f;
}

/**
 * SR "Comparison Operators", "Semi-Joins with IN and Anti-Joins with NOT IN": "The left operand must query a single
 * ID (primary key) or reference (foreign key) field"; the sub-query selects one such field.
 */
function semiJoinOperand(q: S.SoqlQuery, left: LeftInfo<unknown>, scope: Scope): OperandPrep {
  if (left.kind !== 'id') throw queryException(`semi join sub-selects are only allowed on ID fields (${left.name})`);
  const runner = compileSemiJoin(q, scope);
  return (run) => ({ k: 'idset', ids: runner(run) });
}

// ------------------------------------------------------------------------------------------------ left sides

/** A WHERE left side over stored records: a field path or a date function of one (SR "Date Functions"). */
export function whereLeft(scope: Scope): LeftResolver<StoredRecord> {
  return (left) => {
    if (left.kind === 'field') {
      const p = resolvePath(scope, left.path, 'filter');
      return leftOfPath(p);
    }
    return dateFunctionLeft(scope, left, 'filter');
  };
}

export function leftOfPath(p: ResolvedPath): LeftInfo<StoredRecord> {
  return {
    getter: p.getter,
    kind: p.kind,
    name: p.field.name,
    field: p.field,
    caseSensitive: p.field.caseSensitive && p.field.unique,
    picklist: picklistOrder(p.field),
  };
}

export function picklistOrder(f: FieldDescribe): string[] | undefined {
  return f.type === 'PICKLIST' && !f.partial ? f.picklistValues.map((e) => e.value) : undefined;
}

export function dateFunctionLeft(scope: Scope, call: S.SoqlFunctionCall, clause: Clause): LeftInfo<StoredRecord> {
  if (!DATE_FUNCTIONS.has(call.name)) {
    if (['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX'].includes(call.name))
      throw queryException(`Aggregate functions are not allowed here: ${call.name}()`);
    throw unsupported(`${call.name}() in this clause`);
  }
  if (!call.field) throw queryException(`${call.name}() needs a date or dateTime field`);
  // A date function groups by its value, not by the field: `GROUP BY CALENDAR_YEAR(CreatedDate)` is the SOQL
  // reference's own example ("Date Functions"), though a dateTime field cannot be grouped by itself.
  const p = resolvePath(scope, call.field, clause === 'order' || clause === 'group' ? 'filter' : clause);
  if (p.kind !== 'date' && p.kind !== 'datetime')
    throw queryException(`${call.name}() can only be used with date or dateTime fields: ${p.field.name}`);
  const name = call.name as DateFunctionName;
  if ((name === 'HOUR_IN_DAY' || name === 'DAY_ONLY') && p.kind !== 'datetime')
    throw queryException(`${name}() can only be used with dateTime fields: ${p.field.name}`);
  const tz = call.convertTimezone === true;
  const getter: Getter<StoredRecord> = (rec, run) => dateFunction(name, p.getter(rec, run), tz, run.dates);
  return {
    getter,
    kind: name === 'DAY_ONLY' ? 'date' : 'number',
    name: `${name}(${p.canonical})`,
    field: undefined,
    caseSensitive: false,
    picklist: undefined,
  };
}

/** Canonical text of a function call, for matching SELECT and ORDER BY items with GROUP BY items. */
export function callIdentity(scope: Scope, call: S.SoqlFunctionCall): string {
  const field = call.field ? resolvePathText(scope, call.field) : '';
  return `${call.name}(${call.convertTimezone ? 'tz:' : ''}${field})`;
}

function resolvePathText(scope: Scope, path: S.FieldPath): string {
  return stripPrefix(scope, path)
    .map((s) => s.toLowerCase())
    .join('.');
}

// ------------------------------------------------------------------------------------------------ ordering

export interface SortKey<T> {
  getter: Getter<T>;
  kind: Kind;
  picklist: string[] | undefined;
  descending: boolean;
  nullsFirst: boolean;
}

/**
 * SR "ORDER BY": "Default order is ascending … By default, null values are sorted first" — nulls sort as the lowest
 * value, so DESC puts them last unless NULLS FIRST; several keys are compared in turn; ties keep the table order
 * (insertion order), the docs guaranteeing no order.
 */
export function sortKey<T>(info: LeftInfo<T>, item: S.OrderItem): SortKey<T> {
  const descending = item.direction === 'DESC';
  return {
    getter: info.getter,
    kind: info.kind,
    picklist: info.picklist,
    descending,
    nullsFirst: item.nulls ? item.nulls === 'FIRST' : !descending,
  };
}

export function sortItems<T>(items: T[], keys: SortKey<T>[], run: Run): T[] {
  if (keys.length === 0 || items.length < 2) return items;
  if (keys.some((k) => k.kind === 'text') && !run.dates.locale.toLowerCase().startsWith('en')) {
    throw unsupported(`ORDER BY on text in locale ${run.dates.locale} (only English locales' order is documented)`);
  }
  const decorated = items.map((item, index) => ({
    item,
    index,
    keys: keys.map((k) => {
      const v = k.getter(item, run);
      return v === null ? null : keyOfStored(k.kind, v);
    }),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i += 1) {
      const k = keys[i] as SortKey<T>;
      const x = a.keys[i] ?? null;
      const y = b.keys[i] ?? null;
      if (x === null && y === null) continue;
      if (x === null) return k.nullsFirst ? -1 : 1;
      if (y === null) return k.nullsFirst ? 1 : -1;
      const c = compareOrdered(k.kind, k.picklist, x, y);
      if (c !== 0) return k.descending ? -c : c;
    }
    return a.index - b.index;
  });
  return decorated.map((d) => d.item);
}

/** Compares two keys, picklist values by their definition order ("Picklist sorting is defined by … setup"). */
export function compareOrdered(kind: Kind, picklist: string[] | undefined, x: Key, y: Key): number {
  if (picklist && kind === 'text') {
    const rank = (s: string): number => {
      const i = picklist.findIndex((p) => fold(p) === fold(s));
      return i < 0 ? picklist.length : i;
    };
    const rx = rank(x as string);
    const ry = rank(y as string);
    if (rx !== ry) return rx - ry;
    return compareText(x as string, y as string);
  }
  return compareKeys(kind, x, y);
}

/** Multi-select values of a literal, for tests and callers. */
export { splitMulti };

// ------------------------------------------------------------------------------------------------ Id look-ups

/**
 * `Id = x` or `Id IN x` at the top of a WHERE clause (alone or inside a top-level AND): the candidate ids, so that
 * the query looks records up by id instead of scanning the table. The full condition is still applied to them.
 */
export function idFastPath(where: S.Condition | undefined, scope: Scope): ((run: Run) => string[]) | undefined {
  if (!where) return undefined;
  const nodes = where.kind === 'and' ? where.operands : [where];
  const idField = scope.describe.fields.get('Id');
  if (!idField) return undefined;
  for (const c of nodes) {
    if (c.kind !== 'compare' || c.left.kind !== 'field' || (c.op !== '=' && c.op !== 'IN')) continue;
    const path = stripPrefix(scope, c.left.path);
    if (path.length !== 1 || (path[0] as string).toLowerCase() !== 'id' || c.right.kind === 'semijoin') continue;
    const left: LeftInfo<unknown> = {
      getter: () => null,
      kind: 'id',
      name: idField.name,
      field: idField,
      caseSensitive: false,
      picklist: undefined,
    };
    const prep = c.op === '=' ? scalarOperand(c.right, left) : listOperand(c.right, left, scope);
    const right = c.right;
    return (run) => {
      let o = run.memo.get(right);
      if (!o) {
        o = prep(run);
        run.memo.set(right, o);
      }
      const keys = o.k === 'key' ? [o.key] : o.k === 'list' ? o.items.map((i) => (i.k === 'key' ? i.key : null)) : [];
      return keys.filter((k): k is string => typeof k === 'string');
    };
  }
  return undefined;
}
