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
import { isAssignable, listOf, typeName, type ApexType } from '../../runtime/types';
import { ApexList, ApexObject, EnumValue, TypeValue, type Value } from '../../runtime/values';
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
  for (const name of ['Comparable', 'Iterable', 'Iterator', 'Queueable', 'Schedulable', 'Callable', 'Finalizer']) {
    defineBuiltin(program, { name, namespace: 'System', kind: 'interface' });
  }
  defineBuiltin(program, {
    name: 'Comparator',
    namespace: 'System',
    kind: 'interface',
  });
}

/** Type.forName: user classes (top-level and inner), built-ins, sObjects; null when none (Apex Reference). */
function resolveTypeName(t: Txn, name: string): ApexType | undefined {
  const parts = name.split('.');
  try {
    return t.program.lookupTypeName(parts, undefined);
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
    case 'sobject':
      if (!type.sobject) break;
      return t.org.newSObject(type.sobject);
    default:
      break;
  }
  throw new EmulatorUnsupportedError(`Type.newInstance() of ${typeName(type)}`);
}

export { listOf, ApexObject };
