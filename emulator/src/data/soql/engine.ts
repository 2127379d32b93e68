// The SOQL query engine: runs a SOQL syntax tree (ast.ts, from inline `[SELECT …]` or parseDynamicSoql) against
// the in-memory Database of one emulated org.
//
// API
//   runQuery(env, q)       → ApexList (soqlResult = true) of new SObjectValues, element type the FROM object;
//                            an ApexList of AggregateResult rows for aggregate queries; an Integer for COUNT().
//   runCountQuery(env, q)  → the number a `SELECT COUNT() …` query returns (Database.countQuery).
//   QueryEnvironment       → what a run needs: database, schema, binds, access mode, security, limits, clock and
//                            the running user's time zone / locale, the org's fiscal year.
//   QuerySecurity          → object/field checks (checkQuery) and record visibility (canSee, applySharing).
//   AGGREGATE_RESULT       → 'AggregateResult', the sObject type name of aggregate rows.
//
// Queries are compiled once per SoqlQuery object (and schema) into closures (plan.ts); a run evaluates binds, date
// literals and semi-joins once, then scans (or, for `Id = …` / `Id IN …`, looks records up by id).
//
// Result rows (Apex Developer Guide, "Working with SOQL and SOSL Query Results",
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SOQL_working_with_results.htm):
// each row is a new SObjectValue whose `queried` holds exactly the selected names plus Id ("an error occurs if you
// try to access a field that was not selected (other than ID)"); selected fields without a value are stored as null
// (so isSet() is true for them). A parent path (`Account.Name`) stores the parent SObjectValue (with its own
// `queried`, and its Id) under the relationship name, or null when the reference is empty ("Accessing sObject Fields
// Through Relationships"); a child sub-query stores an ApexList of the child object under the child relationship
// name — empty, not null, when there are no children (SOQL and SOSL Reference, "Understanding Query Results": "the
// query returns … for each account … (which can be an empty result set …)").
//
// AggregateResult (Apex Developer Guide, "Working with SOQL Aggregate Functions",
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SOQL_agg_fns.htm: "any query
// that includes an aggregate function returns its results in an array of AggregateResult objects. AggregateResult is
// a read-only sObject"): each row is an SObjectValue (readOnly) over a synthetic SObjectDescribe named
// AggregateResult, built per query, whose fields are the row's column names — the alias, the field name of a grouped
// field (the last name of a path), or expr0, expr1 … for unaliased aggregate and date-function columns. So
// `row.get('expr0')` reads through SObjectValue.get, and an unknown name is the SObjectException of sobject.ts.
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { makeField } from '../../schema/fieldFactory';
import { FieldMap, type DisplayType, type FieldDescribe, type SObjectDescribe } from '../../schema/types';
import { SObjectValue } from '../../runtime/sobject';
import { sobjectType } from '../../runtime/types';
import { ApexList, type Value } from '../../runtime/values';
import { ApexDecimal } from '../../values/Decimal';
import { ApexId } from '../../values/Id';
import type { Database, StoredRecord } from '../Database';
import type * as S from './ast';
import { hashKey, keyOfStored, type Key, type Kind } from './compare';
import { DATE_FUNCTIONS } from './dates';
import {
  callIdentity,
  compareOrdered,
  compileCondition,
  dateFunctionLeft,
  idFastPath,
  installSemiJoinCompiler,
  leftOfPath,
  parentRecord,
  picklistOrder,
  queryException,
  ReadSet,
  readStored,
  resolveObject,
  resolvePath,
  Scope,
  sortItems,
  sortKey,
  whereLeft,
  type Getter,
  type LeftInfo,
  type LeftResolver,
  type PredPrep,
  type Run,
  type SchemaLike,
  type SortKey,
} from './plan';

export const AGGREGATE_RESULT = 'AggregateResult';

export type QueryMode = 'USER_MODE' | 'SECURITY_ENFORCED' | 'SYSTEM';

export interface QuerySecurity {
  /**
   * Called once per query before it runs, with every object and field it reads and the mode; throws the org's
   * exception when the mode refuses. USER_MODE gets every read (SELECT, WHERE, ORDER BY, GROUP BY, HAVING,
   * sub-queries, semi-joins, each parent path as (object, field) pairs: `Account.Owner.Name` from Contact reads
   * Contact.AccountId, Account.OwnerId, User.Name); SECURITY_ENFORCED gets only what SELECT and FROM read (Apex
   * Developer Guide, "Filter SOQL Queries Using WITH SECURITY_ENFORCED": the clause checks "fields and objects
   * referenced in SELECT or FROM … not … in WHERE or ORDER BY"). Neither mode hides fields: both refuse the
   * whole query (ADG "Enforce User Mode for Database Operations": a query in user mode throws a QueryException
   * listing the inaccessible fields; stripping fields is Security.stripInaccessible's job, not the query's).
   */
  checkQuery(reads: { object: string; fields: string[] }[], mode: QueryMode): void;
  /** Whether the running user can see a record (sharing); consulted only when sharing applies. */
  canSee(record: StoredRecord): boolean;
  /** The sharing of the running class (with sharing …): applies in the default and system modes. */
  applySharing: boolean;
}

export interface QueryEnvironment {
  db: Database;
  schema: SchemaLike;
  binds: { byIndex?: Value[]; byName?: (name: string) => Value };
  /** The access mode of the Apex call (AccessLevel.USER_MODE / SYSTEM_MODE of Database.query …); 'default' =
   * system mode with the class's sharing. Combined with the query's own WITH clause. */
  accessMode: 'default' | 'USER_MODE' | 'SYSTEM_MODE';
  security: QuerySecurity;
  /** Governor limit counting (throws LimitException itself). */
  countLimit(name: 'queries' | 'queryRows' | 'aggregateQueries', n: number): void;
  /** Now (epoch ms) and the running user's time zone (IANA) and locale (LocaleSidKey), for date literals. */
  nowMs: number;
  timeZone: string;
  locale: string;
  /** Org fiscal year start month (1 = January, the default). */
  fiscalYearStartMonth: number;
  /** Whether standard fiscal years are named by their ending month (needed by FISCAL_YEAR() when not January). */
  fiscalYearNamedByEndingMonth?: boolean;
  /** The value of a formula (calculated) field; without it, formula fields read their stored value or fail loudly. */
  formulaValue?: (rec: StoredRecord, field: FieldDescribe) => Value;
  /** FOR UPDATE: the records the query returns, to lock (SOQL and SOSL Reference, "FOR UPDATE"). */
  lockRows?: (records: StoredRecord[]) => void;
}

function unsupported(what: string): EmulatorUnsupportedError {
  return new EmulatorUnsupportedError(`SOQL ${what}`);
}

// ================================================================================================ plans

/** The rows one SELECT reads from its object, before projection. */
interface RowsPlan {
  describe: SObjectDescribe;
  where: PredPrep<StoredRecord> | undefined;
  idCandidates: ((run: Run) => string[]) | undefined;
  order: SortKey<StoredRecord>[];
  limit: S.SoqlOperand | undefined;
  offset: S.SoqlOperand | undefined;
}

interface Projection {
  /** Null under a polymorphic relationship: fields are looked up by name on the referenced record's object. */
  polymorphic: boolean;
  fields: { key: string; field: FieldDescribe }[];
  parents: Map<string, { relKey: string; fkKey: string; sub: Projection }>;
  children: ChildPlan[];
}

interface ChildPlan {
  key: string;
  fkKey: string;
  describe: SObjectDescribe;
  rows: RowsPlan;
  projection: Projection;
}

interface RecordsPlan {
  kind: 'records';
  rows: RowsPlan;
  projection: Projection;
}

interface CountPlan {
  kind: 'count';
  rows: RowsPlan;
}

interface Group {
  values: Value[];
  rows: StoredRecord[];
  cache: Map<string, Value>;
}

interface Column {
  key: string;
  get: Getter<Group>;
}

interface AggregatePlan {
  kind: 'aggregate';
  rows: RowsPlan;
  grouped: boolean;
  groupItems: LeftInfo<StoredRecord>[];
  columns: Column[];
  having: PredPrep<Group> | undefined;
  order: SortKey<Group>[];
  describe: SObjectDescribe;
  /** Only COUNT() / COUNT(field): one query row (per group) for the limit, not one per record. */
  countOnly: boolean;
}

interface CompiledQuery {
  plan: RecordsPlan | CountPlan | AggregatePlan;
  describe: SObjectDescribe;
  reads: ReadSet;
  selectReads: ReadSet;
}

const cache = new WeakMap<S.SoqlQuery, { schema: SchemaLike; compiled: CompiledQuery }>();

function compile(schema: SchemaLike, q: S.SoqlQuery): CompiledQuery {
  const hit = cache.get(q);
  if (hit && hit.schema === schema) return hit.compiled;
  const compiled = compileTop(schema, q);
  cache.set(q, { schema, compiled });
  return compiled;
}

const AGGREGATES = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

function checkCommon(q: S.SoqlQuery): void {
  if (q.usingScope !== undefined) throw unsupported(`USING SCOPE ${q.usingScope}`);
  if (q.updateTracking || q.updateViewstat) throw unsupported('UPDATE TRACKING / UPDATE VIEWSTAT');
  if (q.withOther !== undefined) throw unsupported(`WITH ${q.withOther}`);
}

function compileTop(schema: SchemaLike, q: S.SoqlQuery): CompiledQuery {
  checkCommon(q);
  const describe = resolveObject(schema, q.from.name);
  const reads = new ReadSet();
  const selectReads = new ReadSet();
  reads.touch(describe.name);
  selectReads.touch(describe.name);
  const scope = new Scope(schema, describe, q.from.alias, reads, selectReads);
  const isAggregate =
    q.groupBy !== undefined || q.select.some((s) => s.kind === 'aggregate' && AGGREGATES.has(s.call.name));
  let plan: CompiledQuery['plan'];
  const only = q.select[0];
  if (q.select.length === 1 && only?.kind === 'aggregate' && only.call.name === 'COUNT' && !only.call.field) {
    // SOQL and SOSL Reference, "COUNT() and COUNT(fieldName)": "COUNT() returns the number of rows that match the
    // filtering conditions" — in Apex an Integer (ADG "Working with SOQL Aggregate Functions").
    if (q.groupBy) throw unsupported('COUNT() with GROUP BY');
    if (only.alias !== undefined) throw queryException('COUNT() can not be aliased');
    plan = { kind: 'count', rows: compileRows(scope, q, false) };
  } else if (isAggregate) {
    plan = compileAggregate(scope, q);
  } else {
    plan = { kind: 'records', rows: compileRows(scope, q, true), projection: compileProjection(scope, q.select, 0) };
  }
  if (q.allRows && q.forUpdate) throw unsupported('ALL ROWS together with FOR UPDATE');
  return { plan, describe, reads, selectReads };
}

function compileRows(scope: Scope, q: S.SoqlQuery, ordered: boolean): RowsPlan {
  const where = q.where ? compileCondition(q.where, whereLeft(scope), scope) : undefined;
  const order = ordered ? q.orderBy.map((item) => sortKey(orderLeft(scope, item.target), item)) : [];
  return {
    describe: scope.describe,
    where,
    idCandidates: idFastPath(q.where, scope),
    order,
    limit: q.limit,
    offset: q.offset,
  };
}

function orderLeft(scope: Scope, target: S.OrderItem['target']): LeftInfo<StoredRecord> {
  if (target.kind === 'field') {
    const p = resolvePath(scope, target.path, 'order');
    return leftOfPath(p);
  }
  return dateFunctionLeft(scope, target, 'order');
}

/** The select list of a non-aggregate SELECT (top level or child sub-query). */
function compileProjection(scope: Scope, select: S.SelectItem[], depth: number): Projection {
  const root: Projection = { polymorphic: false, fields: [], parents: new Map(), children: [] };
  const seen = new Set<string>();
  for (const item of select) {
    switch (item.kind) {
      case 'field': {
        if (item.alias !== undefined)
          throw queryException(`unexpected token: '${item.alias}' (aliases are only allowed on aggregate queries)`);
        const p = resolvePath(scope, item.path, 'select');
        const id = p.canonical.toLowerCase();
        // The org refuses a field selected twice ("duplicate field selected: Name").
        if (seen.has(id)) throw queryException(`duplicate field selected: ${p.canonical}`);
        seen.add(id);
        let proj = root;
        for (const step of p.steps) {
          const relKey = step.relationshipName.toLowerCase();
          let parent = proj.parents.get(relKey);
          if (!parent) {
            parent = {
              relKey,
              fkKey: step.fkKey,
              sub: { polymorphic: step.polymorphic, fields: [], parents: new Map(), children: [] },
            };
            proj.parents.set(relKey, parent);
          }
          proj = parent.sub;
        }
        const key = p.field.name.toLowerCase();
        if (!proj.fields.some((f) => f.key === key)) proj.fields.push({ key, field: p.field });
        break;
      }
      case 'subquery':
        if (depth >= 4)
          throw queryException('SOQL statements cannot query more than five levels of parent-to-child relationships');
        root.children.push(compileChild(scope, item.query, depth + 1));
        break;
      case 'aggregate':
        if (item.call.name === 'FIELDS') throw unsupported('FIELDS(ALL | STANDARD | CUSTOM)');
        if (DATE_FUNCTIONS.has(item.call.name))
          throw queryException(`${item.call.name}() in the SELECT list needs GROUP BY (date functions group values)`);
        throw unsupported(`${item.call.name}() in the SELECT list`);
      case 'typeof':
        throw unsupported('TYPEOF');
    }
  }
  return root;
}

/**
 * A parent-to-child sub-query (SOQL and SOSL Reference, "Using Relationship Queries": "the initial member of the
 * FROM clause in the subquery is related to the initial member of the outer query FROM clause" — a child
 * relationship name such as Contacts or Children__r).
 */
function compileChild(scope: Scope, q: S.SoqlQuery, depth: number): ChildPlan {
  checkCommon(q);
  const name = q.from.name;
  const rel = scope.describe.childRelationships.find((c) => c.relationshipName?.toLowerCase() === name.toLowerCase());
  if (!rel || !rel.relationshipName) {
    throw queryException(
      `Didn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  if (rel.field === undefined)
    throw unsupported(`child relationship ${scope.describe.name}.${rel.relationshipName} (its field is not known)`);
  const describe = scope.schema.get(rel.childSObject);
  if (!describe)
    throw unsupported(
      `child relationship ${rel.relationshipName} to ${rel.childSObject}, which the schema does not describe`,
    );
  const child = new Scope(scope.schema, describe, q.from.alias, scope.reads, scope.selectReads);
  child.reads.touch(describe.name);
  child.selectReads.touch(describe.name);
  const fk = describe.fields.get(rel.field);
  if (!fk)
    throw unsupported(`child relationship ${rel.relationshipName}: ${describe.name}.${rel.field} is not described`);
  scope.reads.add(describe.name, fk.name);
  if (q.groupBy || q.select.some((s) => s.kind === 'aggregate' && AGGREGATES.has(s.call.name)))
    throw unsupported('aggregate functions in a parent-to-child sub-query');
  // SOQL and SOSL Reference, "OFFSET": "A subquery can use OFFSET only if the parent query has a LIMIT 1 clause".
  if (q.offset !== undefined) throw unsupported('OFFSET in a parent-to-child sub-query');
  return {
    key: rel.relationshipName.toLowerCase(),
    fkKey: fk.name.toLowerCase(),
    describe,
    rows: compileRows(child, q, true),
    projection: compileProjection(child, q.select, depth),
  };
}

// Semi-joins and anti-joins: SOQL and SOSL Reference, "Comparison Operators" (Semi-Joins with IN and Anti-Joins
// with NOT IN): the sub-query selects one Id or reference field of another object.
installSemiJoinCompiler((q, outer) => {
  checkCommon(q);
  const describe = resolveObject(outer.schema, q.from.name);
  const scope = new Scope(outer.schema, describe, q.from.alias, outer.reads, new ReadSet());
  outer.reads.touch(describe.name);
  if (q.select.length !== 1 || q.select[0]?.kind !== 'field')
    throw queryException('Semi join sub-selects can only select one field');
  const p = resolvePath(scope, q.select[0].path, 'filter');
  if (p.kind !== 'id')
    throw queryException(`Semi join sub-selects can only select an Id or reference field: ${p.field.name}`);
  if (q.orderBy.length > 0 || q.limit !== undefined || q.offset !== undefined)
    throw unsupported('ORDER BY / LIMIT / OFFSET in a semi-join sub-query');
  if (q.groupBy || q.having) throw unsupported('GROUP BY in a semi-join sub-query');
  if (containsSemiJoin(q.where)) throw queryException('Nesting of semi join sub-selects is not supported');
  const rows = compileRows(scope, q, false);
  return (run) => {
    const ids = new Set<string>();
    for (const rec of selectRecords(rows, run, false)) {
      const k = keyOfStored('id', p.getter(rec, run));
      if (k !== null) ids.add(k as string);
    }
    return ids;
  };
});

function containsSemiJoin(c: S.Condition | undefined): boolean {
  if (!c) return false;
  switch (c.kind) {
    case 'and':
    case 'or':
      return c.operands.some(containsSemiJoin);
    case 'not':
      return containsSemiJoin(c.operand);
    case 'compare':
      return c.right.kind === 'semijoin';
  }
}

// ------------------------------------------------------------------------------------------------ aggregates

/**
 * Aggregate queries: SOQL and SOSL Reference, "Aggregate Functions" (sforce_api_calls_soql_select_agg_functions.htm),
 * "GROUP BY" (sforce_api_calls_soql_select_groupby.htm), "HAVING", "Using Aliases with GROUP BY"
 * (sforce_api_calls_soql_select_groupby_alias.htm: "Any aggregated field in a SELECT list that does not have an alias
 * automatically gets an implied alias with a format expri, where i denotes the order of the aggregated fields with
 * no explicit aliases").
 */
function compileAggregate(scope: Scope, q: S.SoqlQuery): AggregatePlan {
  if (q.groupBy?.rollup) throw unsupported(`GROUP BY ${q.groupBy.rollup}`);
  const groupItems: LeftInfo<StoredRecord>[] = [];
  const groupIds: string[] = [];
  const groupFields: (FieldDescribe | undefined)[] = [];
  for (const g of q.groupBy?.items ?? []) {
    if (g.kind === 'field') {
      const p = resolvePath(scope, g.path, 'group');
      groupItems.push(leftOfPath(p));
      groupIds.push(p.canonical.toLowerCase());
      groupFields.push(p.field);
    } else {
      groupItems.push(dateFunctionLeft(scope, g, 'group'));
      groupIds.push(callIdentity(scope, g));
      groupFields.push(undefined);
    }
  }
  const groupIndexOfPath = (path: S.FieldPath): number => {
    const p = resolvePath(scope, path, 'filter');
    return groupIds.indexOf(p.canonical.toLowerCase());
  };

  const aggregateInfo = (
    call: S.SoqlFunctionCall,
    inSelect = false,
  ): { info: LeftInfo<Group>; type: DisplayType; field?: FieldDescribe } => {
    if (DATE_FUNCTIONS.has(call.name)) {
      const i = groupIds.indexOf(callIdentity(scope, call));
      if (i < 0) throw queryException(`${call.name}() must be grouped: add it to GROUP BY`);
      const left = groupItems[i] as LeftInfo<StoredRecord>;
      return {
        info: { ...left, getter: (g) => g.values[i] ?? null },
        type: call.name === 'DAY_ONLY' ? 'DATE' : 'INTEGER',
      };
    }
    if (!AGGREGATES.has(call.name)) throw unsupported(`${call.name}()`);
    return compileAggregateCall(scope, call, inSelect);
  };

  const columns: Column[] = [];
  const specs: { name: string; type: DisplayType; field?: FieldDescribe }[] = [];
  let exprIndex = 0;
  let countOnly = true;
  for (const item of q.select) {
    if (item.kind === 'field') {
      const i = groupIndexOfPath(item.path);
      const p = resolvePath(scope, item.path, 'select');
      if (i < 0) throw queryException(`Field must be grouped or aggregated: ${p.field.name}`);
      const name = item.alias ?? p.field.name;
      columns.push({ key: name.toLowerCase(), get: (g) => g.values[i] ?? null });
      specs.push({ name, type: p.field.type, field: p.field });
    } else if (item.kind === 'aggregate') {
      const { info, type, field } = aggregateInfo(item.call, true);
      if (AGGREGATES.has(item.call.name) && item.call.name !== 'COUNT') countOnly = false;
      const name = item.alias ?? `expr${exprIndex++}`;
      columns.push({ key: name.toLowerCase(), get: info.getter });
      specs.push({ name, type, ...(field ? { field } : {}) });
    } else if (item.kind === 'subquery') {
      throw queryException('Aggregate queries do not support parent-to-child sub-queries');
    } else {
      throw unsupported('TYPEOF');
    }
  }
  const names = new Set<string>();
  for (const c of columns) {
    if (names.has(c.key)) throw queryException(`duplicate alias: ${c.key}`);
    names.add(c.key);
  }

  const groupLeft: LeftResolver<Group> = (left) => {
    if (left.kind === 'field') {
      const i = groupIndexOfPath(left.path);
      if (i < 0) throw queryException(`Field must be grouped or aggregated: ${left.path.join('.')}`);
      const base = groupItems[i] as LeftInfo<StoredRecord>;
      return { ...base, getter: (g) => g.values[i] ?? null };
    }
    return aggregateInfo(left).info;
  };
  const having = q.having ? compileCondition(q.having, groupLeft, scope) : undefined;
  const order = q.orderBy.map((item) => sortKey(groupLeft(item.target), item));
  void groupFields;
  return {
    kind: 'aggregate',
    rows: { ...compileRows(scope, q, false), limit: q.limit, offset: q.offset },
    grouped: q.groupBy !== undefined,
    groupItems,
    columns,
    having,
    order,
    describe: aggregateResultDescribe(specs),
    countOnly,
  };
}

/** COUNT, COUNT_DISTINCT, SUM, AVG, MIN, MAX of a field, computed over a group (cached by call). */
function compileAggregateCall(
  scope: Scope,
  call: S.SoqlFunctionCall,
  inSelect: boolean,
): { info: LeftInfo<Group>; type: DisplayType; field?: FieldDescribe } {
  const id = callIdentity(scope, call);
  const cached =
    (compute: (g: Group, run: Run) => Value): Getter<Group> =>
    (g, run) => {
      if (g.cache.has(id)) return g.cache.get(id) ?? null;
      const v = compute(g, run);
      g.cache.set(id, v);
      return v;
    };
  const mk = (getter: Getter<Group>, kind: Kind, type: DisplayType, field?: FieldDescribe, picklist?: string[]) => ({
    info: { getter, kind, name: `${call.name}()`, field, caseSensitive: false, picklist },
    type,
    ...(field ? { field } : {}),
  });
  if (call.name === 'COUNT' && !call.field)
    return mk(
      cached((g) => g.rows.length),
      'number',
      'INTEGER',
    );
  if (!call.field) throw queryException(`${call.name}() needs a field`);
  if (call.inner) throw unsupported(`${call.name}() of a function`);
  const p = resolvePath(scope, call.field, 'filter');
  // The aggregated field is read by SELECT too (WITH SECURITY_ENFORCED checks it).
  if (inSelect) resolvePath(scope, call.field, 'select');
  const kind = p.kind;
  const values = (g: Group, run: Run): Value[] => g.rows.map((r) => p.getter(r, run)).filter((v) => v !== null);
  switch (call.name) {
    case 'COUNT':
      return mk(
        cached((g, run) => values(g, run).length),
        'number',
        'INTEGER',
      );
    case 'COUNT_DISTINCT':
      return mk(
        cached((g, run) => {
          const set = new Set<string>();
          for (const v of values(g, run)) set.add(hashKey(kind, keyOfStored(kind, v) as Key, false));
          return set.size;
        }),
        'number',
        'INTEGER',
      );
    case 'SUM':
    case 'AVG': {
      if (kind !== 'number')
        throw queryException(`field ${p.field.name} does not support aggregate operator ${call.name}`);
      if (p.field.apexType === 'Integer' || p.field.apexType === 'Long')
        throw unsupported(
          `${call.name}() of the ${p.field.apexType} field ${p.field.name} (its result type is not documented)`,
        );
      const avg = call.name === 'AVG';
      return mk(
        cached((g, run) => {
          const vs = values(g, run);
          if (vs.length === 0) return null;
          let sum = ApexDecimal.ZERO;
          for (const v of vs) sum = sum.add(keyOfStored('number', v) as ApexDecimal);
          // AVG: the docs give no scale; the quotient is taken as a Double and returned as Decimal.valueOf(Double).
          return avg ? ApexDecimal.fromDouble(sum.doubleValue() / vs.length) : sum;
        }),
        'number',
        'DOUBLE',
        p.field,
      );
    }
    case 'MIN':
    case 'MAX': {
      // "If you use MIN() or MAX() on a picklist field, the function uses the sort order of the picklist values
      // instead of alphabetical order" (SR "Aggregate Functions").
      if (kind === 'boolean' || kind === 'multipicklist' || kind === 'other')
        throw queryException(`field ${p.field.name} does not support aggregate operator ${call.name}`);
      const picklist = picklistOrder(p.field);
      const sign = call.name === 'MIN' ? 1 : -1;
      return mk(
        cached((g, run) => {
          let best: Value = null;
          let bestKey: Key | null = null;
          for (const v of values(g, run)) {
            const k = keyOfStored(kind, v) as Key;
            if (bestKey === null || sign * compareOrdered(kind, picklist, k, bestKey) < 0) {
              best = v;
              bestKey = k;
            }
          }
          return best;
        }),
        kind,
        p.field.type,
        p.field,
        picklist,
      );
    }
    default:
      throw unsupported(`${call.name}()`);
  }
}

let aggregateDescribeCount = 0;

/** The synthetic describe of one aggregate query's rows: an AggregateResult whose fields are the columns. */
function aggregateResultDescribe(specs: { name: string; type: DisplayType; field?: FieldDescribe }[]): SObjectDescribe {
  aggregateDescribeCount += 1;
  const fields = new FieldMap(
    specs.map((s) =>
      makeField({
        name: s.name,
        type: s.type,
        origin: 'system',
        ...(s.field ? { apexType: s.field.apexType, picklistValues: s.field.picklistValues } : {}),
      }),
    ),
  );
  return {
    name: AGGREGATE_RESULT,
    label: AGGREGATE_RESULT,
    labelPlural: AGGREGATE_RESULT,
    keyPrefix: undefined,
    custom: false,
    customSetting: false,
    customSettingType: undefined,
    kind: 'standard',
    isSetupObject: false,
    createable: false,
    updateable: false,
    deletable: false,
    undeletable: false,
    queryable: false,
    searchable: false,
    triggerable: false,
    mergeable: false,
    feedEnabled: false,
    sharingModel: undefined,
    externalSharingModel: undefined,
    hasOwner: false,
    nameField: undefined,
    fields,
    childRelationships: [],
    sharingReasons: [],
    recordTypes: [],
    fieldSets: [],
    eventType: undefined,
    publishBehavior: undefined,
    shareObject: undefined,
    parentObject: undefined,
    partial: false,
    docs: [
      `https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SOQL_agg_fns.htm#${aggregateDescribeCount}`,
    ],
  };
}

// ================================================================================================ running

/** Whether a record takes part in a query: not deleted (unless ALL ROWS) and visible under sharing. */
function visible(rec: StoredRecord, run: Run): boolean {
  return (run.includeDeleted || !rec.isDeleted) && (!run.sharing || run.canSee(rec));
}

/** LIMIT / OFFSET values (literals or Integer binds: ADG "Using Apex Variables in SOQL and SOSL Queries"). */
function intOperand(op: S.SoqlOperand, run: Run, what: string): number {
  let v: Value;
  if (op.kind === 'number') v = Number(op.text);
  else if (op.kind === 'bind') v = run.bindByIndex?.[op.index] ?? null;
  else if (op.kind === 'bindName') {
    if (!run.bindByName) throw queryException(`Variable does not exist: ${op.name}`);
    v = run.bindByName(op.name);
  } else throw queryException(`unexpected token in ${what}`);
  if (typeof v === 'bigint') v = Number(v);
  if (v === null) throw unsupported(`a null ${what} bind (the org's error is not documented)`);
  if (typeof v !== 'number' || !Number.isInteger(v)) throw queryException(`${what} must be an Integer`);
  if (v < 0) throw queryException(`${what} must be a non-negative value`);
  return v;
}

function applyLimitOffset<T>(items: T[], plan: RowsPlan, run: Run): T[] {
  let out = items;
  if (plan.offset !== undefined) {
    const offset = intOperand(plan.offset, run, 'OFFSET');
    // SOQL and SOSL Reference, "OFFSET": "The maximum offset is 2,000 rows. Requesting an offset greater than 2,000
    // results in a NUMBER_OUTSIDE_VALID_RANGE error" — in Apex a QueryException.
    if (offset > 2000) throw queryException('Maximum SOQL offset allowed is 2000');
    out = out.slice(offset);
  }
  if (plan.limit !== undefined) out = out.slice(0, intOperand(plan.limit, run, 'LIMIT'));
  return out;
}

/** The records a SELECT reads: candidates (by id or the whole table), visible, matching WHERE. */
function selectRecords(plan: RowsPlan, run: Run, orderAndLimit: boolean): StoredRecord[] {
  let candidates: Iterable<StoredRecord>;
  const objectKey = plan.describe.name.toLowerCase();
  if (plan.idCandidates) {
    const found: StoredRecord[] = [];
    const seen = new Set<string>();
    for (const id of plan.idCandidates(run)) {
      const rec = run.db.get(id);
      if (rec && !seen.has(id) && rec.describe.name.toLowerCase() === objectKey) {
        found.push(rec);
        seen.add(id);
      }
    }
    found.sort((a, b) => a.seq - b.seq);
    candidates = found;
  } else candidates = run.db.table(plan.describe.name);
  const pred = plan.where ? plan.where(run) : undefined;
  const out: StoredRecord[] = [];
  for (const rec of candidates) if (visible(rec, run) && (!pred || pred(rec))) out.push(rec);
  if (!orderAndLimit) return out;
  return applyLimitOffset(sortItems(out, plan.order, run), plan, run);
}

function idOf(rec: StoredRecord): Value {
  return rec.fields.get('id') ?? ApexId.valueOf(rec.id);
}

/** A result row: a new SObjectValue holding exactly what was selected (see the header). */
function buildRow(rec: StoredRecord, proj: Projection, run: Run): SObjectValue {
  const row = new SObjectValue(rec.describe);
  const queried = new Set<string>(['id']);
  row.values.set('id', idOf(rec));
  for (const { key, field } of proj.fields) {
    let f: FieldDescribe | undefined = field;
    if (proj.polymorphic) f = rec.describe.fields.get(key);
    if (!f) continue;
    row.values.set(key, readStored(rec, f, run));
    queried.add(key);
  }
  for (const [relKey, parent] of proj.parents) {
    if (proj.polymorphic && !rec.describe.fields.has(parent.fkKey)) continue;
    const p = parentRecord(rec, parent.fkKey, run);
    row.values.set(relKey, p === null ? null : buildRow(p, parent.sub, run));
    queried.add(relKey);
  }
  for (const child of proj.children) {
    const items = childRecords(child, rec.id, run).map((c) => buildRow(c, child.projection, run));
    run.childRows += items.length;
    row.values.set(child.key, new ApexList(sobjectType(child.describe.name), items));
    queried.add(child.key);
  }
  row.queried = queried;
  return row;
}

/** The children of one parent for a sub-query: one scan of the child table per run, indexed by parent id. */
function childRecords(child: ChildPlan, parentId: string, run: Run): StoredRecord[] {
  let index = run.childIndex.get(child);
  if (!index) {
    index = new Map();
    const pred = child.rows.where ? child.rows.where(run) : undefined;
    for (const rec of run.db.table(child.describe.name)) {
      if (!visible(rec, run) || (pred && !pred(rec))) continue;
      const k = keyOfStored('id', rec.fields.get(child.fkKey) ?? null);
      if (k === null) continue;
      let list = index.get(k as string);
      if (!list) {
        list = [];
        index.set(k as string, list);
      }
      list.push(rec);
    }
    run.childIndex.set(child, index);
  }
  return applyLimitOffset(sortItems(index.get(parentId) ?? [], child.rows.order, run), child.rows, run);
}

function runAggregate(plan: AggregatePlan, run: Run): { rows: SObjectValue[]; queryRows: number } {
  const records = selectRecords(plan.rows, run, false);
  const groups = new Map<string, Group>();
  if (!plan.grouped) groups.set('', { values: [], rows: records, cache: new Map() });
  else {
    for (const rec of records) {
      const values = plan.groupItems.map((g) => g.getter(rec, run));
      // Text groups compare case-insensitively, like text comparisons (the docs do not say; see the report).
      const key = values
        .map((v, i) => {
          const g = plan.groupItems[i] as LeftInfo<StoredRecord>;
          const k = v === null ? null : keyOfStored(g.kind, v);
          return k === null ? '\u0000' : hashKey(g.kind, k, g.caseSensitive);
        })
        .join('\u0001');
      let group = groups.get(key);
      if (!group) {
        group = { values, rows: [], cache: new Map() };
        groups.set(key, group);
      }
      group.rows.push(rec);
    }
  }
  let list = [...groups.values()];
  if (plan.having) {
    const pred = plan.having(run);
    list = list.filter(pred);
  }
  list = applyLimitOffset(sortItems(list, plan.order, run), plan.rows, run);
  const rows = list.map((g) => {
    const row = new SObjectValue(plan.describe);
    for (const c of plan.columns) row.values.set(c.key, c.get(g, run));
    row.queried = new Set(plan.columns.map((c) => c.key));
    row.readOnly = true;
    return row;
  });
  // ADG "Working with SOQL Aggregate Functions": "All aggregate functions other than COUNT() or COUNT(fieldname)
  // include each row used by the aggregation as a query row for the purposes of limit tracking. For COUNT() or
  // COUNT(fieldname) queries, limits are counted as one query row, unless the query contains a GROUP BY clause, in
  // which case the query counts as one query row per grouping."
  const queryRows = plan.countOnly ? (plan.grouped ? rows.length : 1) : records.length;
  return { rows, queryRows };
}

/**
 * The mode of a query: the WITH clause, or the access level of the Database method (ADG "Enforce User Mode for
 * Database Operations": user mode enforces "the object permissions, field-level security, and sharing rules of the
 * current user"; in system mode "the record sharing … is determined by the class's sharing keywords").
 */
function modeOf(env: QueryEnvironment, q: S.SoqlQuery): { mode: QueryMode; sharing: boolean } {
  const w = q.withMode;
  if (w !== undefined && env.accessMode !== 'default' && w !== env.accessMode)
    throw unsupported(`WITH ${w} in a query run with AccessLevel.${env.accessMode}`);
  if (w === 'USER_MODE' || env.accessMode === 'USER_MODE') return { mode: 'USER_MODE', sharing: true };
  if (w === 'SECURITY_ENFORCED') return { mode: 'SECURITY_ENFORCED', sharing: env.security.applySharing };
  return { mode: 'SYSTEM', sharing: env.security.applySharing };
}

function newRun(env: QueryEnvironment, q: S.SoqlQuery, sharing: boolean): Run {
  return {
    db: env.db,
    dates: {
      nowMs: env.nowMs,
      timeZone: env.timeZone,
      locale: env.locale,
      fiscalYearStartMonth: env.fiscalYearStartMonth,
      ...(env.fiscalYearNamedByEndingMonth !== undefined
        ? { fiscalYearNamedByEndingMonth: env.fiscalYearNamedByEndingMonth }
        : {}),
    },
    bindByIndex: env.binds.byIndex,
    bindByName: env.binds.byName,
    includeDeleted: q.allRows,
    sharing,
    canSee: (rec) => env.security.canSee(rec),
    formulaValue: env.formulaValue,
    memo: new Map(),
    childRows: 0,
    childIndex: new Map(),
  };
}

/** Compiles, counts the query, checks security; the run to execute. */
function prepare(env: QueryEnvironment, q: S.SoqlQuery): { compiled: CompiledQuery; run: Run } {
  const compiled = compile(env.schema, q);
  const { mode, sharing } = modeOf(env, q);
  env.countLimit('queries', 1);
  if (compiled.plan.kind !== 'records') env.countLimit('aggregateQueries', 1);
  env.security.checkQuery((mode === 'SECURITY_ENFORCED' ? compiled.selectReads : compiled.reads).list(), mode);
  return { compiled, run: newRun(env, q, sharing) };
}

function runCount(plan: CountPlan, run: Run): number {
  // SR "LIMIT": "You can use LIMIT with count() as the fieldList to count up to the maximum specified."
  return applyLimitOffset(selectRecords(plan.rows, run, false), plan.rows, run).length;
}

/** Runs a query: a List (soqlResult) of records or AggregateResults, or an Integer for SELECT COUNT(). */
export function runQuery(env: QueryEnvironment, q: S.SoqlQuery): Value {
  const { compiled, run } = prepare(env, q);
  const plan = compiled.plan;
  if (plan.kind === 'count') {
    const n = runCount(plan, run);
    env.countLimit('queryRows', 1);
    return n;
  }
  let list: ApexList;
  let queryRows: number;
  if (plan.kind === 'aggregate') {
    const r = runAggregate(plan, run);
    list = new ApexList(sobjectType(AGGREGATE_RESULT), r.rows);
    queryRows = r.queryRows;
  } else {
    const records = selectRecords(plan.rows, run, true);
    if (q.forUpdate) env.lockRows?.(records);
    const rows = records.map((rec) => buildRow(rec, plan.projection, run));
    list = new ApexList(sobjectType(compiled.describe.name), rows);
    queryRows = rows.length + run.childRows;
  }
  list.soqlResult = true;
  env.countLimit('queryRows', queryRows);
  return list;
}

/** Database.countQuery (Apex Reference, "Database Class": "Returns the number of records that a dynamic SOQL query would return when executed"). */
export function runCountQuery(env: QueryEnvironment, q: S.SoqlQuery): number {
  const compiled = compile(env.schema, q);
  if (compiled.plan.kind !== 'count') throw unsupported('Database.countQuery of a query that is not SELECT COUNT()');
  const { run } = prepare(env, q);
  const n = runCount(compiled.plan, run);
  env.countLimit('queryRows', 1);
  return n;
}

export type { Database, StoredRecord, ApexPlatformError };
