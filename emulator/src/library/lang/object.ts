// System.Object (what every value answers: equals, hashCode, toString), enums (Apex Developer Guide, "Enums":
// values(), name(), ordinal(), valueOf(String)), System.Type (Apex Reference, "Type Class") and the marker
// interfaces the platform calls into (Comparable, Comparator, Iterable, Iterator, Queueable, Schedulable,
// Database.Batchable …).
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { setTypeClass } from '../../runtime/conversion';
import { apexEquals, hashKey } from '../../runtime/equality';
import { instantiate } from '../../runtime/invoke';
import type { Program } from '../../runtime/program';
import { apexToString } from '../../runtime/stringify';
import type { Txn } from '../../runtime/transaction';
import { isAssignable, listOf, mapOf, setOf, typeName, type ApexType } from '../../runtime/types';
import { ApexList, ApexMap, ApexObject, ApexSet, EnumValue, TypeValue, type Value } from '../../runtime/values';
import { defineBuiltin, stringArg } from '../define';

/** A stable 32-bit hash of a hash key (Java's String.hashCode over the key). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i += 1) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

function enumOf(v: Value): EnumValue {
  return v as EnumValue;
}

/** The enum class a static enum method was called on (passed as a TypeValue by the interpreter). */
function enumClassOf(v: Value): EnumValue['enumClass'] {
  if (v instanceof TypeValue && v.type.kind === 'class') return v.type.cls;
  throw new EmulatorUnsupportedError('an enum static method without its enum');
}

export function registerObject(program: Program): void {
  defineBuiltin(program, {
    name: 'Object',
    namespace: 'System',
    methods: {
      equals: (t, s, a) => apexEquals(t, s, a[0] ?? null),
      hashCode: (t, s) => javaStringHash(hashKey(t, s)),
      toString: (t: Txn, s: Value) => apexToString(t, s),
    },
  });
  defineBuiltin(program, {
    name: 'Enum',
    namespace: 'System',
    methods: {
      name: (_t, s) => enumOf(s).name,
      ordinal: (_t, s) => enumOf(s).ordinal,
      equals: (_t, s, a) => s === a[0],
      hashCode: (_t, s) => javaStringHash(enumOf(s).name),
      toString: (_t: Txn, s: Value) => enumOf(s).name,
    },
    statics: {
      values: (_t, s) => {
        const cls = enumClassOf(s);
        return new ApexList({ kind: 'class', cls }, [...cls.enumValues]);
      },
      valueOf: (_t: Txn, s: Value, a: Value[]) => {
        const cls = enumClassOf(s);
        const name = stringArg(a, 0);
        const v = cls.enumValues.find((e) => e.name === name);
        if (!v) {
          throw new ApexPlatformError('System.NoSuchElementException', `No enum constant ${cls.apexName}.${name}`);
        }
        return v;
      },
    },
  });
  const type = defineBuiltin(program, {
    name: 'Type',
    namespace: 'System',
    statics: {
      forName: (t, _s, a) => {
        const name = a.length === 2 ? `${stringArg(a, 0)}.${stringArg(a, 1)}` : stringArg(a, 0);
        const resolved = resolveTypeName(t, name);
        return resolved ? new TypeValue(resolved) : null;
      },
    },
    methods: {
      getName: (_t, s) => typeName((s as TypeValue).type),
      toString: (_t: Txn, s: Value) => typeName((s as TypeValue).type),
      equals: (_t, s, a) => {
        const o = a[0];
        return o instanceof TypeValue && typeName(o.type) === typeName((s as TypeValue).type);
      },
      hashCode: (_t, s) => javaStringHash(typeName((s as TypeValue).type)),
      newInstance: (t, s) => newInstanceOf(t, (s as TypeValue).type),
      isAssignableFrom: (_t, s, a) => {
        const o = a[0];
        if (!(o instanceof TypeValue))
          throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
        return isAssignable((s as TypeValue).type, o.type);
      },
    },
  });
  setTypeClass(type);
  // StubProvider: Apex Reference, "StubProvider Interface" (Test.createStub calls handleMethodCall, runtime/stubs.ts).
  for (const name of [
    'Comparable',
    'Iterable',
    'Iterator',
    'Queueable',
    'Schedulable',
    'Callable',
    'Finalizer',
    'StubProvider',
  ]) {
    defineBuiltin(program, { name, namespace: 'System', kind: 'interface' });
  }
  defineBuiltin(program, {
    name: 'Comparator',
    namespace: 'System',
    kind: 'interface',
  });
}

/**
 * Type.forName: user classes (top-level and inner), built-ins, sObjects; null when none (Apex Reference, "Type
 * Class"). Collection type names parse too, with or without blanks (`Map<Id, List<Account>>`): the generic-map
 * factories of trailheadapps/apex-recipes CollectionUtils call `Type.forName('Map<Id,' + objType + '>')`.
 */
function resolveTypeName(t: Txn, name: string): ApexType | undefined {
  const parsed = parseTypeName(name.replace(/\s+/g, ''));
  if (!parsed || parsed.rest !== '') return undefined;
  return resolveParsed(t, parsed.node);
}

type TypeNameNode = { name: string; args: TypeNameNode[] };

function parseTypeName(s: string): { node: TypeNameNode; rest: string } | undefined {
  const m = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(s);
  if (!m) return undefined;
  let rest = s.slice(m[0].length);
  const args: TypeNameNode[] = [];
  if (rest.startsWith('<')) {
    rest = rest.slice(1);
    for (;;) {
      const arg = parseTypeName(rest);
      if (!arg) return undefined;
      args.push(arg.node);
      rest = arg.rest;
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (rest.startsWith('>')) {
        rest = rest.slice(1);
        break;
      } else return undefined;
    }
  }
  return { node: { name: m[0], args }, rest };
}

function resolveParsed(t: Txn, node: TypeNameNode): ApexType | undefined {
  const lower = node.name.toLowerCase();
  if (node.args.length > 0) {
    const args = node.args.map((a) => resolveParsed(t, a));
    if (args.some((a) => a === undefined)) return undefined;
    const [first, second] = args as ApexType[];
    if (first === undefined) return undefined;
    if ((lower === 'list' || lower === 'system.list') && args.length === 1) return listOf(first);
    if ((lower === 'set' || lower === 'system.set') && args.length === 1) return setOf(first);
    if ((lower === 'map' || lower === 'system.map') && second !== undefined && args.length === 2) {
      return mapOf(first, second);
    }
    return undefined;
  }
  try {
    return t.program.lookupTypeName(node.name.split('.'), undefined);
  } catch {
    return undefined;
  }
}

/** Type.newInstance(): the no-argument constructor of a class; sObjects and collections too. */
function newInstanceOf(t: Txn, type: ApexType): Value {
  switch (type.kind) {
    case 'class':
      return instantiate(t, type.cls, []);
    case 'list':
      return new ApexList(type.element);
    case 'set':
      return new ApexSet(type.element);
    case 'map':
      return new ApexMap(type.key, type.value);
    case 'sobject':
      if (!type.sobject) break;
      return t.org.newSObject(type.sobject);
    default:
      break;
  }
  throw new EmulatorUnsupportedError(`Type.newInstance() of ${typeName(type)}`);
}

export { listOf, ApexObject };
