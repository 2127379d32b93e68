// The in-memory database of one emulated org: one table per object, records by 18-character Id. A stored record
// holds field values only (relationships are resolved by the SOQL engine through reference fields); values are
// immutable (strings, numbers, ApexDecimal, ApexId, ApexDate …), so a snapshot copies maps, never values.
// Deleted records stay in their table with isDeleted set (the Recycle Bin) until they are purged.
import type { SObjectDescribe } from '../schema/types';
import type { Value } from '../runtime/values';

export interface StoredRecord {
  /** 18-character Id. */
  readonly id: string;
  readonly describe: SObjectDescribe;
  /** Field values by lower-case field API name (always includes 'id'). */
  fields: Map<string, Value>;
  /** In the Recycle Bin (IsDeleted = true): visible only to ALL ROWS queries and undelete. */
  isDeleted: boolean;
  /** Records deleted together with this one (cascade), undeleted with it. */
  cascadeOf?: string;
  /** Insertion order, the order rows come back in without ORDER BY. */
  readonly seq: number;
}

export class Database {
  private readonly tables = new Map<string, Map<string, StoredRecord>>();
  private readonly byId = new Map<string, StoredRecord>();
  private seq = 0;

  /** The records of one object (in insertion order), deleted ones included. */
  table(objectName: string): Iterable<StoredRecord> {
    return this.tables.get(objectName.toLowerCase())?.values() ?? [];
  }

  /** How many live (not deleted) records an object has. */
  count(objectName: string): number {
    let n = 0;
    for (const r of this.table(objectName)) if (!r.isDeleted) n += 1;
    return n;
  }

  get(id: string): StoredRecord | undefined {
    return this.byId.get(id);
  }

  /** Adds a new record; `fields` must hold its 'id'. */
  add(describe: SObjectDescribe, id: string, fields: Map<string, Value>): StoredRecord {
    const key = describe.name.toLowerCase();
    let table = this.tables.get(key);
    if (!table) {
      table = new Map();
      this.tables.set(key, table);
    }
    const rec: StoredRecord = { id, describe, fields, isDeleted: false, seq: this.seq++ };
    table.set(id, rec);
    this.byId.set(id, rec);
    return rec;
  }

  /** Removes a record for good (purge, or the rollback of an insert). */
  purge(id: string): void {
    const rec = this.byId.get(id);
    if (!rec) return;
    this.tables.get(rec.describe.name.toLowerCase())?.delete(id);
    this.byId.delete(id);
  }

  /** Every object that has a table. */
  objectNames(): string[] {
    return [...this.tables.values()].flatMap((t) => {
      const first = t.values().next().value;
      return first ? [first.describe.name] : [];
    });
  }

  /** A copy whose records can change without touching this one (savepoints, test isolation). */
  snapshot(): Database {
    const copy = new Database();
    copy.seq = this.seq;
    for (const [key, table] of this.tables) {
      const t = new Map<string, StoredRecord>();
      for (const [id, rec] of table) {
        const r: StoredRecord = { ...rec, fields: new Map(rec.fields) };
        t.set(id, r);
        copy.byId.set(id, r);
      }
      copy.tables.set(key, t);
    }
    return copy;
  }

  /** Replaces this database's content with a snapshot's (rollback). */
  restore(from: Database): void {
    const fresh = from.snapshot();
    this.tables.clear();
    this.byId.clear();
    for (const [k, v] of fresh.tables) this.tables.set(k, v);
    for (const [k, v] of fresh.byId) this.byId.set(k, v);
    this.seq = fresh.seq;
  }
}
