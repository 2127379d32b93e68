// JSON.serialize / serializePretty and JSONGenerator.writeObject: Apex values as JSON (Apex Reference, "JSON Class";
// Apex Developer Guide, "JSON Support" and "Roundtrip Serialization and Deserialization").
//
// - null, Boolean, String and Id as JSON literals; Integer and Long as integers; Double as Java's Double.toString
//   (1.0E10); Decimal as BigDecimal.toString, its scale kept (1.50 stays 1.50); Date "2026-12-01", Datetime in GMT
//   with milliseconds "2011-03-22T08:15:18.000Z" (the serialize example), Time "18:30:02.020Z", Blob as base64.
// - List and Set as arrays; Map as an object whose names are the keys' String forms. The keys the docs list as
//   serializable are Boolean, Date, Datetime, Decimal, Double, Enum, Id, Integer, Long, String and Time; Date,
//   Datetime and Time keys (whose text the docs do not give) and null keys fail loudly. Null map values are written
//   ('{"foo":null}', gist.github.com/anonymous/4248650); suppressApexObjectNulls leaves maps alone — it suppresses
//   nulls of "Apex objects".
// - An enum constant as its name.
// - An sObject as {"attributes":{"type":"Account","url":"/services/data/v26.0/sobjects/Account/0019000000KANkZAAX"},
//   …fields} (cloudyworlds.blogspot.com, "JSON.serialize in APEX after launch of API 27.0"): the url only when the
//   record has an Id, its version the API version of the Apex code that serializes; then the fields and
//   relationships the record holds, in the order they were set or queried; fields a query selected that are null
//   are left out (the same post: Fax and Website were queried and null, and absent), fields set to null in Apex are
//   written as null. Parent records nest; child relationship lists are {"totalSize":n,"done":true,"records":[…]}
//   (the REST API's query-result form, which JSON.deserialize reads back), and a queried child list with no rows is
//   left out.
// - A user class instance as an object of its non-static, non-transient fields and automatic properties (inherited
//   ones included), null ones written unless suppressApexObjectNulls. ORDER: NOT DOCUMENTED; orgs have been seen to
//   write them in reverse alphabetical order of their names, not in declaration order — declared ParlorCode,
//   DepartmentCode, EmployeeNumber, Name came out ParlorCode, Name, EmployeeNumber, DepartmentCode
//   (salesforce.stackexchange.com/questions/101066), declared id, name, endpoint came out name, id, endpoint
//   (life-improver.com "JSONGenerator writeObject() generates private properties") — so that order is used here
//   (names compared case-insensitively). Properties with get/set code fail loudly (whether the platform runs the
//   getter is not documented), as do exceptions and instances of built-in classes.
// - "If an object has a reference to itself, it isn't serialized and a JSONException is thrown" (JSON Support).
import { EmulatorUnsupportedError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import { sobjectMember } from '../../runtime/sobject';
import { SObjectValue } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';
import { typeName } from '../../runtime/types';
import { ApexList, ApexMap, ApexObject, ApexSet, EnumValue, TypeValue, type Value } from '../../runtime/values';
import { ApexBlob } from '../../values/Blob';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble, javaDoubleToString } from '../../values/Double';
import { base64Encode } from '../../values/Encoding';
import { ApexId } from '../../values/Id';
import { ApexTime } from '../../values/Time';
import { jsonException } from './tokenizer';
import type { JsonWriter } from './writer';

export interface SerializeOptions {
  /** serialize(objectToSerialize, suppressApexObjectNulls). */
  suppressApexObjectNulls: boolean;
}

/** The JSON number text of a numeric value, or undefined for a value that is not a number. */
export function numberText(v: Value): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof ApexDecimal) return v.toString();
  if (v instanceof ApexDouble) {
    if (!Number.isFinite(v.value)) throw new EmulatorUnsupportedError(`JSON of the Double ${v.toString()}`);
    return javaDoubleToString(v.value);
  }
  return undefined;
}

/** Writes a primitive value (not a collection, record or object); returns false for anything else. */
export function writePrimitive(w: JsonWriter, v: Value): boolean {
  if (v === null) w.null();
  else if (typeof v === 'string') w.string(v);
  else if (typeof v === 'boolean') w.boolean(v);
  else if (v instanceof ApexId) w.string(v.value);
  else if (v instanceof ApexDate || v instanceof ApexDatetime || v instanceof ApexTime) w.string(v.toJson());
  else if (v instanceof ApexBlob) w.string(base64Encode(v));
  else if (v instanceof EnumValue) w.string(v.name);
  else {
    const n = numberText(v);
    if (n === undefined) return false;
    w.number(n);
  }
  return true;
}

/** Writes any Apex value. */
export function writeValue(txn: Txn, w: JsonWriter, v: Value, options: SerializeOptions): void {
  new Serializer(txn, w, options).value(v);
}

class Serializer {
  /** Containers on the path from the root (a reference back to one of them is a cycle). */
  private readonly active = new Set<object>();

  constructor(
    private readonly txn: Txn,
    private readonly w: JsonWriter,
    private readonly options: SerializeOptions,
  ) {}

  value(v: Value): void {
    if (writePrimitive(this.w, v)) return;
    if (v instanceof TypeValue) throw new EmulatorUnsupportedError(`JSON of the System.Type ${typeName(v.type)}`);
    const container = v as object;
    if (this.active.has(container)) {
      // The type is documented (JSON Support); the org's message text is not.
      throw jsonException('Cannot serialize an object that references itself');
    }
    this.active.add(container);
    try {
      if (v instanceof ApexList) this.array(v.items);
      else if (v instanceof ApexSet) this.array([...v.store.entries()].map((e) => e.key));
      else if (v instanceof ApexMap) this.map(v);
      else if (v instanceof SObjectValue) this.sobject(v);
      else if (v instanceof ApexObject) this.object(v);
      else throw new EmulatorUnsupportedError(`JSON of this value (${container.constructor.name})`);
    } finally {
      this.active.delete(container);
    }
  }

  private array(items: Value[]): void {
    this.w.startArray();
    for (const item of items) this.value(item);
    this.w.endArray();
  }

  private map(m: ApexMap): void {
    this.w.startObject();
    for (const e of m.store.entries()) {
      this.w.fieldName(mapKeyText(e.key));
      this.value(e.value);
    }
    this.w.endObject();
  }

  private sobject(rec: SObjectValue): void {
    const w = this.w;
    const d = rec.describe;
    w.startObject();
    w.fieldName('attributes');
    w.startObject();
    w.fieldName('type');
    w.string(d.name);
    const id = rec.id;
    if (id !== null) {
      w.fieldName('url');
      const idText = id instanceof ApexId ? id.value : typeof id === 'string' ? id : undefined;
      if (idText === undefined) throw new EmulatorUnsupportedError(`JSON of a ${d.name} whose Id is not an Id`);
      w.string(`/services/data/v${callerApiVersion(this.txn)}/sobjects/${d.name}/${idText}`);
    }
    w.endObject();
    const queried = rec.queried !== null;
    for (const [key, v] of rec.values) {
      if (v === null && queried) continue;
      const member = sobjectMember(d, key);
      if (!member)
        throw new EmulatorUnsupportedError(`JSON of ${d.name} member '${key}' (not a field or relationship)`);
      if (member.kind === 'children') {
        if (!(v instanceof ApexList)) {
          if (v === null) {
            w.fieldName(member.name);
            w.null();
            continue;
          }
          throw new EmulatorUnsupportedError(`JSON of child relationship ${d.name}.${member.name} holding a non-list`);
        }
        if (queried && v.items.length === 0) continue;
        w.fieldName(member.name);
        this.queryResult(v);
        continue;
      }
      w.fieldName(member.kind === 'field' ? member.field.name : member.name);
      this.value(v);
    }
    w.endObject();
  }

  /** A child relationship list in the query-result form. */
  private queryResult(list: ApexList): void {
    const w = this.w;
    if (this.active.has(list)) throw jsonException('Cannot serialize an object that references itself');
    this.active.add(list);
    try {
      w.startObject();
      w.fieldName('totalSize');
      w.number(String(list.items.length));
      w.fieldName('done');
      w.boolean(true);
      w.fieldName('records');
      this.array(list.items);
      w.endObject();
    } finally {
      this.active.delete(list);
    }
  }

  private object(obj: ApexObject): void {
    const cls = obj.cls;
    if (cls.isException) throw new EmulatorUnsupportedError(`JSON of the exception ${cls.apexName}`);
    if (cls.isBuiltin) throw new EmulatorUnsupportedError(`JSON of an instance of the built-in class ${cls.apexName}`);
    const w = this.w;
    w.startObject();
    for (const m of jsonMembers(cls)) {
      if (m.custom) {
        throw new EmulatorUnsupportedError(`JSON of ${cls.apexName}.${m.name}, a property with get/set code`);
      }
      const v = obj.fields[m.lower] ?? null;
      if (v === null && this.options.suppressApexObjectNulls) continue;
      w.fieldName(m.name);
      this.value(v);
    }
    w.endObject();
  }
}

/** A member of a user class that JSON reads and writes. */
export interface JsonMember {
  name: string;
  lower: string;
  cls: ClassInfo;
  kind: 'field' | 'property';
  /** A property with a get or set block (not automatic). */
  custom: boolean;
}

const membersCache = new WeakMap<ClassInfo, JsonMember[]>();

/** The non-static, non-transient fields and properties of a class and its superclasses, in serialization order. */
export function jsonMembers(cls: ClassInfo): JsonMember[] {
  const cached = membersCache.get(cls);
  if (cached) return cached;
  const byName = new Map<string, JsonMember>();
  for (const c of cls.chain()) {
    if (c.isBuiltin) continue;
    for (const f of c.fields.values()) {
      if (f.isStatic || f.mods.isTransient || byName.has(f.lower)) continue;
      byName.set(f.lower, { name: f.name, lower: f.lower, cls: c, kind: 'field', custom: false });
    }
    for (const p of c.properties.values()) {
      if (p.isStatic || p.mods.isTransient || byName.has(p.lower)) continue;
      const custom = p.getter !== undefined || p.setter !== undefined || !p.hasGetter;
      byName.set(p.lower, { name: p.name, lower: p.lower, cls: c, kind: 'property', custom });
    }
  }
  const members = [...byName.values()].sort((a, b) => (a.lower < b.lower ? 1 : a.lower > b.lower ? -1 : 0));
  membersCache.set(cls, members);
  return members;
}

/** The name a map key gets in JSON. */
function mapKeyText(k: Value): string {
  if (typeof k === 'string') return k;
  if (k instanceof ApexId) return k.value;
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (k instanceof EnumValue) return k.name;
  const n = k === null ? undefined : numberText(k);
  if (n !== undefined) return n;
  throw new EmulatorUnsupportedError(
    `JSON of a Map key ${k === null ? 'null' : k.constructor.name} (its JSON name is not documented)`,
  );
}

/**
 * The API version of the Apex code running now (its class's -meta.xml, a trigger's, or the project's
 * sourceApiVersion for anonymous Apex), as "65.0".
 */
export function callerApiVersion(txn: Txn): string {
  const cls = txn.currentFrame?.method.cls.topLevel;
  if (cls) {
    const source = txn.program.classSource(cls.name);
    if (source && source.path === cls.file) return source.apiVersion;
    const trigger = txn.org.project.apexTriggers.find((t) => t.path === cls.file);
    if (trigger) return trigger.apiVersion;
  }
  const v = txn.org.project.config.sourceApiVersion;
  if (v) return /^\d+$/.test(v) ? `${v}.0` : v;
  throw new EmulatorUnsupportedError('the API version of this code (no class -meta.xml and no sourceApiVersion)');
}
