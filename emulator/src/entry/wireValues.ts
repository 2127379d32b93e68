// Apex values on the wire of the entry points: the JSON a Lightning component sends as @AuraEnabled method
// parameters and receives as the result (Apex Developer Guide, "Returning Data from an Apex Server-Side
// Controller": only members marked @AuraEnabled of a custom class reach the client), and the inputs and outputs
// of invocable actions.
import { EmulatorUnsupportedError } from '../errors';
import { exceptionState } from '../runtime/exceptions';
import { storePut } from '../runtime/equality';
import { instantiate, setMember } from '../runtime/invoke';
import { SObjectValue } from '../runtime/sobject';
import { convertFieldValue } from '../runtime/sobjectAccess';
import type { Txn } from '../runtime/transaction';
import type { ApexType } from '../runtime/types';
import { ApexList, ApexMap, ApexObject, ApexSet, EnumValue, TypeValue, type Value } from '../runtime/values';
import { ApexBlob } from '../values/Blob';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble } from '../values/Double';
import { ApexId } from '../values/Id';
import { ApexTime } from '../values/Time';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface WireOptions {
  /** Serialize only @AuraEnabled members of user classes (the Lightning component contract). */
  auraEnabledOnly: boolean;
}

function isAuraEnabled(mods: { annotations: { name: string }[] }): boolean {
  return mods.annotations.some((a) => a.name.toLowerCase() === 'auraenabled');
}

/** An Apex value as the JSON the client receives. */
export function toWire(txn: Txn, v: Value, options: WireOptions): Json {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
  }
  if (v instanceof ApexId) return v.value;
  if (v instanceof ApexDecimal) return Number(v.toPlainString());
  if (v instanceof ApexDouble) return v.value;
  if (v instanceof ApexDate) return v.toJson();
  if (v instanceof ApexDatetime) return new Date(v.ms).toISOString();
  if (v instanceof ApexTime) return v.toJson();
  if (v instanceof ApexBlob) return Buffer.from(v.bytes).toString('base64');
  if (v instanceof EnumValue) return v.name;
  if (v instanceof ApexList) return v.items.map((x) => toWire(txn, x, options));
  if (v instanceof ApexSet) return [...v.store.entries()].map((e) => toWire(txn, e.key, options));
  if (v instanceof ApexMap) {
    const out: Record<string, Json> = {};
    for (const e of v.store.entries()) out[keyText(e.key)] = toWire(txn, e.value, options);
    return out;
  }
  if (v instanceof SObjectValue) {
    const out: Record<string, Json> = {};
    for (const [k, value] of v.values) {
      const member = v.member(k);
      const name = member.kind === 'field' ? member.field.name : member.name;
      out[name] = toWire(txn, value, options);
    }
    return out;
  }
  if (v instanceof ApexObject) {
    if (v.cls.isException) return { message: exceptionState(v).message };
    if (v.cls.isBuiltin) throw new EmulatorUnsupportedError(`sending a ${v.cls.apexName} to a client`);
    const out: Record<string, Json> = {};
    for (const c of v.cls.chain().reverse()) {
      for (const f of c.fields.values()) {
        if (f.isStatic || (options.auraEnabledOnly && !isAuraEnabled(f.mods))) continue;
        out[f.name] = toWire(txn, v.fields[f.lower] ?? null, options);
      }
      for (const p of c.properties.values()) {
        if (p.isStatic || (options.auraEnabledOnly && !isAuraEnabled(p.mods))) continue;
        out[p.name] = toWire(txn, v.fields[p.lower] ?? null, options);
      }
    }
    return out;
  }
  if (v instanceof TypeValue) throw new EmulatorUnsupportedError('sending a System.Type to a client');
  throw new EmulatorUnsupportedError('sending this value to a client');
}

function keyText(k: Value): string {
  if (k === null) return 'null';
  if (typeof k === 'string') return k;
  if (k instanceof ApexId) return k.value;
  if (typeof k === 'number' || typeof k === 'bigint' || typeof k === 'boolean') return String(k);
  throw new EmulatorUnsupportedError('a map key of this type on the wire');
}

/** A client's JSON as an Apex value of the parameter's declared type. */
export function fromWire(txn: Txn, json: Json | undefined, type: ApexType): Value {
  if (json === null || json === undefined) return null;
  switch (type.kind) {
    case 'object':
      return untyped(txn, json);
    case 'primitive':
      return primitiveFromWire(json, type.name);
    case 'list': {
      if (!Array.isArray(json)) throw wrongType(json, type);
      return new ApexList(
        type.element,
        json.map((x) => fromWire(txn, x, type.element)),
      );
    }
    case 'set': {
      if (!Array.isArray(json)) throw wrongType(json, type);
      const s = new ApexSet(type.element);
      for (const x of json) storePut(txn, s.store, fromWire(txn, x, type.element), null);
      return s;
    }
    case 'map': {
      if (typeof json !== 'object' || Array.isArray(json)) throw wrongType(json, type);
      const m = new ApexMap(type.key, type.value);
      for (const [k, x] of Object.entries(json)) {
        storePut(
          txn,
          m.store,
          primitiveFromWire(k, type.key.kind === 'primitive' ? type.key.name : 'String'),
          fromWire(txn, x, type.value),
        );
      }
      return m;
    }
    case 'sobject': {
      if (!type.sobject || typeof json !== 'object' || Array.isArray(json)) throw wrongType(json, type);
      const describe = txn.org.describe(type.sobject);
      const rec = new SObjectValue(describe);
      for (const [k, x] of Object.entries(json)) {
        if (k === 'attributes') continue;
        const m = rec.member(k);
        if (m.kind !== 'field') throw new EmulatorUnsupportedError(`relationship ${k} in a client's sObject`);
        // A JSON null is the field's Apex null, not the text "null" (RFC 8259 null; Apex Developer Guide, "Apex REST
        // Methods": parameters are deserialized as JSON.deserialize does, which sets a field given as null to null).
        rec.values.set(
          m.field.name.toLowerCase(),
          x === null ? null : convertFieldValue(m.field, fieldFromWire(x, m.field.apexType)),
        );
      }
      return rec;
    }
    case 'class': {
      const cls = type.cls;
      if (cls.kind === 'enum') {
        const v = cls.enumValues.find((e) => e.name === json);
        if (!v) throw wrongType(json, type);
        return v;
      }
      if (typeof json !== 'object' || Array.isArray(json)) throw wrongType(json, type);
      const obj = instantiate(txn, cls, []) as ApexObject;
      for (const [k, x] of Object.entries(json)) {
        const field = cls.findField(k.toLowerCase());
        const prop = cls.findProperty(k.toLowerCase());
        const declared = field?.typeRef ?? prop?.typeRef;
        if (!declared) continue;
        setMember(txn, obj, k, fromWire(txn, x, txn.program.resolveType(declared, (field ?? prop)?.cls)));
      }
      return obj;
    }
    default:
      throw new EmulatorUnsupportedError(`a client value for a parameter of kind ${type.kind}`);
  }
}

function wrongType(json: Json, type: ApexType): Error {
  return new EmulatorUnsupportedError(`a client value ${JSON.stringify(json).slice(0, 40)} for ${type.kind}`);
}

function fieldFromWire(json: Json, apexType: string): Value {
  return primitiveFromWire(json, apexType === 'List<String>' ? 'String' : apexType);
}

function primitiveFromWire(json: Json, name: string): Value {
  const text = typeof json === 'object' ? JSON.stringify(json) : String(json);
  switch (name) {
    case 'String':
      return typeof json === 'string' ? json : JSON.stringify(json);
    case 'Id':
      return ApexId.valueOf(text);
    case 'Boolean':
      return json === true || json === 'true';
    case 'Integer':
      return Math.trunc(Number(json)) | 0;
    case 'Long':
      return BigInt(Math.trunc(Number(json)));
    case 'Decimal':
      return ApexDecimal.valueOf(text);
    case 'Double':
      return new ApexDouble(Number(json));
    case 'Date':
      return ApexDate.valueOf(text.slice(0, 10));
    case 'Datetime':
      return new ApexDatetime(Date.parse(text));
    default:
      return typeof json === 'object' ? JSON.stringify(json) : text;
  }
}

/** Untyped JSON → Map<String, Object> / List<Object> / String / Integer, Long or Decimal / Boolean. */
export function untyped(txn: Txn, json: Json): Value {
  if (json === null) return null;
  if (typeof json === 'string' || typeof json === 'boolean') return json;
  if (typeof json === 'number') {
    if (Number.isInteger(json)) return Math.abs(json) <= 2147483647 ? json : BigInt(json);
    return ApexDecimal.valueOf(String(json));
  }
  if (Array.isArray(json))
    return new ApexList(
      { kind: 'object' },
      json.map((x) => untyped(txn, x)),
    );
  const m = new ApexMap({ kind: 'primitive', name: 'String' }, { kind: 'object' });
  for (const [k, x] of Object.entries(json)) storePut(txn, m.store, k, untyped(txn, x));
  return m;
}
