// Test harness for the SOQL engine: the fixture org (Widget__c, Part__c + standard objects), a Database with
// records minted by an IdGenerator, and a QueryEnvironment whose security and limits record what they are asked.
import { join } from 'node:path';
import { loadProject } from '../../../project';
import { OrgSchema } from '../../../schema';
import type { SObjectDescribe } from '../../../schema/types';
import type { SObjectValue } from '../../../runtime/sobject';
import { ApexList, type Value } from '../../../runtime/values';
import { ApexDecimal } from '../../../values/Decimal';
import { ApexId, IdGenerator } from '../../../values/Id';
import { Database, type StoredRecord } from '../../Database';
import type { SoqlQuery, SoqlOperand, Condition } from '../ast';
import { runQuery, type QueryEnvironment, type QueryMode } from '../engine';
import { parseDynamicSoql } from '../lower';

export const schema = new OrgSchema(loadProject(join(__dirname, 'fixtures', 'org')));

export function describe(name: string): SObjectDescribe {
  const d = schema.get(name);
  if (!d) throw new Error(`no ${name}`);
  return d;
}

export class TestOrg {
  readonly db = new Database();
  readonly ids = new IdGenerator();
  readonly checks: { reads: { object: string; fields: string[] }[]; mode: QueryMode }[] = [];
  readonly limits: Record<string, number> = { queries: 0, queryRows: 0, aggregateQueries: 0 };
  nowMs = Date.UTC(2024, 4, 15, 18, 0, 0); // Wed 2024-05-15 11:00 in Los Angeles
  timeZone = 'America/Los_Angeles';
  locale = 'en_US';
  fiscalYearStartMonth = 1;
  accessMode: QueryEnvironment['accessMode'] = 'default';
  applySharing = false;
  hidden = new Set<string>();
  locked: StoredRecord[] = [];

  insert(objectName: string, fields: Record<string, Value>): StoredRecord {
    const d = describe(objectName);
    const id = this.ids.next(d.keyPrefix ?? 'a00');
    const map = new Map<string, Value>([['id', id]]);
    for (const [k, v] of Object.entries(fields)) map.set(k.toLowerCase(), v);
    return this.db.add(d, id.value, map);
  }

  env(binds: Record<string, Value> = {}, byIndex?: Value[]): QueryEnvironment {
    return {
      db: this.db,
      schema,
      binds: {
        ...(byIndex ? { byIndex } : {}),
        byName: (name) => {
          if (!(name in binds)) throw new Error(`no bind ${name}`);
          return binds[name] ?? null;
        },
      },
      accessMode: this.accessMode,
      security: {
        checkQuery: (reads, mode) => {
          this.checks.push({ reads, mode });
        },
        canSee: (rec) => !this.hidden.has(rec.id),
        applySharing: this.applySharing,
      },
      countLimit: (name, n) => {
        this.limits[name] = (this.limits[name] ?? 0) + n;
      },
      nowMs: this.nowMs,
      timeZone: this.timeZone,
      locale: this.locale,
      fiscalYearStartMonth: this.fiscalYearStartMonth,
      lockRows: (records) => {
        this.locked.push(...records);
      },
    };
  }

  /** Runs a query string (dynamic SOQL; `:name` binds from `binds`). */
  query(text: string, binds: Record<string, Value> = {}): Value {
    return runQuery(this.env(binds), parseDynamicSoql(text));
  }

  rows(text: string, binds: Record<string, Value> = {}): SObjectValue[] {
    const r = this.query(text, binds);
    if (!(r instanceof ApexList)) throw new Error('not a list');
    return r.items as SObjectValue[];
  }

  /** The values of one field of each row. */
  col(text: string, field: string, binds: Record<string, Value> = {}): Value[] {
    return this.rows(text, binds).map((r) => r.get(field));
  }
}

export function idOf(rec: StoredRecord): ApexId {
  return ApexId.valueOf(rec.id);
}

/** Turns `:name` binds into inline `{ kind: 'bind', index }` binds (as the interpreter lowers inline SOQL). */
export function inline(text: string, order: string[]): SoqlQuery {
  const q = parseDynamicSoql(text);
  const fix = (o: SoqlOperand): SoqlOperand => {
    if (o.kind === 'bindName') return { kind: 'bind', index: order.indexOf(o.name) };
    if (o.kind === 'list') return { kind: 'list', values: o.values.map(fix) };
    if (o.kind === 'semijoin') return { kind: 'semijoin', query: walk(o.query) };
    return o;
  };
  const cond = (c: Condition): Condition => {
    switch (c.kind) {
      case 'and':
      case 'or':
        return { kind: c.kind, operands: c.operands.map(cond) };
      case 'not':
        return { kind: 'not', operand: cond(c.operand) };
      case 'compare':
        return { ...c, right: fix(c.right) };
    }
  };
  const walk = (x: SoqlQuery): SoqlQuery => ({
    ...x,
    ...(x.where ? { where: cond(x.where) } : {}),
    ...(x.limit ? { limit: fix(x.limit) } : {}),
    ...(x.offset ? { offset: fix(x.offset) } : {}),
  });
  return walk(q);
}

/** The text of a Decimal value (null for null). */
export function dstr(v: Value): string | null {
  if (v === null) return null;
  if (v instanceof ApexDecimal) return v.toString();
  throw new Error('not a Decimal');
}
