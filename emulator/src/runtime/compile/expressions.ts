// Compiles Apex expressions into closures over a frame. Names are resolved at compile time the way the Apex
// compiler resolves them (Apex Developer Guide, "Variables" and "Namespace, Class, and Variable Name Precedence"):
// a local variable, then a field or property of the class (and its superclasses, then outer classes' statics),
// then a type (inner, top-level, System/Schema built-in, sObject), then a namespace.
import type * as A from '../../apex/ast';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { ApexDecimal } from '../../values/Decimal';
import type { ClassInfo, FieldInfo, PropertyInfo } from '../classes';
import { castTo, convertForAssign, isInstanceOf } from '../conversion';
import { apexEquals, exactEquals } from '../equality';
import type { Frame } from '../frame';
import {
  callInstance,
  callStatic,
  getMember,
  getStatic,
  instantiate,
  invoke,
  readProperty,
  selectOverload,
  setMember,
  setStatic,
  writeProperty,
  ensureInitialized,
} from '../invoke';
import {
  add,
  bitNot,
  bitwise,
  compareOp,
  divide,
  increment,
  multiply,
  negate,
  nullPointer,
  shift,
  subtract,
} from '../operators';
import { SObjectValue } from '../sobject';
import { writeSObjectMember } from '../sobjectAccess';
import { BOOLEAN_TYPE, DECIMAL_TYPE, INTEGER_TYPE, LONG_TYPE, NULL_TYPE, STRING_TYPE, type ApexType } from '../types';
import { ApexList, ApexMap, ApexObject, ApexSet, TypeValue, type Value } from '../values';
import { newCollection } from '../collections';
import { staticMemberOf, sobjectTypeMember } from '../typeMembers';
import { addRecordError, callSObjectStatic } from '../../library/schema/sobject';
import type { CompileContext, Ev } from './context';

export interface CExpr {
  ev: Ev;
  /** The static type when the compiler knows it (literals, locals, fields, constructors, casts). */
  type?: ApexType;
}

export interface Ref {
  get(): Value;
  set(v: Value): Value;
}

export interface LValue {
  read: Ev;
  /** Writes (converting to the target's type) and returns the stored value. */
  write: (f: Frame, v: Value) => Value;
  /** Evaluates the target's base once, for compound assignment and ++/--. */
  bind: (f: Frame) => Ref;
  type?: ApexType;
}

type Target =
  | { kind: 'value'; expr: CExpr; lvalue?: LValue }
  | { kind: 'type'; type: ApexType }
  | { kind: 'namespace'; name: string };

function where(cc: CompileContext, loc: A.Loc): string {
  return `${cc.file}:${loc.line}`;
}

function booleanOf(v: Value): boolean {
  if (v === null) throw nullPointer();
  return v as boolean;
}

// ---------------------------------------------------------------- entry points

/**
 * Safe navigation short-circuits the whole chain (Apex Developer Guide, "Safe Navigation Operator": "If the
 * left-hand side of the chain expression evaluates to null, the right-hand side isn't evaluated"): a `?.` that
 * meets null throws this marker, and the top of the chain turns it into null.
 */
export class NullChainSignal {}
const NULL_CHAIN = new NullChainSignal();

function hasSafeNavigation(e: A.Expr): boolean {
  for (let x: A.Expr | undefined = e; x;) {
    if ((x.kind === 'dot' || x.kind === 'call') && x.safe) return true;
    if (x.kind === 'dot' || x.kind === 'index') x = x.target;
    else if (x.kind === 'call') x = x.target;
    else return false;
  }
  return false;
}

let inChain = false;

export function compileExpr(cc: CompileContext, e: A.Expr): CExpr {
  if (!inChain && (e.kind === 'dot' || e.kind === 'call' || e.kind === 'index') && hasSafeNavigation(e)) {
    inChain = true;
    let inner: CExpr;
    try {
      inner = compileExprInner(cc, e);
    } finally {
      inChain = false;
    }
    const ev = inner.ev;
    return {
      ev: (f) => {
        try {
          return ev(f);
        } catch (x) {
          if (x === NULL_CHAIN) return null;
          throw x;
        }
      },
      ...(inner.type ? { type: inner.type } : {}),
    };
  }
  return compileExprInner(cc, e);
}

/** Compiles an expression that is not part of the current member chain (arguments, indices). */
function compileDetached(cc: CompileContext, e: A.Expr): CExpr {
  const saved = inChain;
  inChain = false;
  try {
    return compileExpr(cc, e);
  } finally {
    inChain = saved;
  }
}

function compileExprInner(cc: CompileContext, e: A.Expr): CExpr {
  switch (e.kind) {
    case 'literal':
      return literal(cc, e);
    case 'name':
    case 'dot': {
      const t = compileTarget(cc, e);
      if (t.kind !== 'value') return typeAsValue(cc, t, e.loc);
      return t.expr;
    }
    case 'this': {
      if (cc.isStatic) cc.unsupported("'this' in a static context", e.loc);
      return { ev: (f) => f.self, type: { kind: 'class', cls: cc.cls } };
    }
    case 'super':
      return cc.unsupported("'super' outside a method call", e.loc);
    case 'call':
      return compileCall(cc, e);
    case 'index':
      return { ev: compileLValue(cc, e).read };
    case 'new':
      return compileNew(cc, e);
    case 'cast': {
      const type = cc.resolveType(e.type);
      const inner = compileExpr(cc, e.expr);
      // A numeric cast converts only when the operand is statically a number; `(Integer) someObject` holding a
      // Decimal is a TypeException (Apex Developer Guide, "Rules of Conversion").
      const numeric =
        inner.type?.kind === 'primitive' && ['Integer', 'Long', 'Double', 'Decimal'].includes(inner.type.name);
      return { ev: (f) => castTo(inner.ev(f), type, numeric), type };
    }
    case 'unary':
      return unary(cc, e);
    case 'incdec': {
      const lv = compileLValue(cc, e.target);
      const delta = e.op === '++' ? 1 : -1;
      if (e.prefix) {
        return {
          ev: (f) => {
            const r = lv.bind(f);
            return r.set(increment(r.get(), delta));
          },
          ...(lv.type ? { type: lv.type } : {}),
        };
      }
      return {
        ev: (f) => {
          const r = lv.bind(f);
          const old = r.get();
          r.set(increment(old, delta));
          return old;
        },
        ...(lv.type ? { type: lv.type } : {}),
      };
    }
    case 'binary':
      return binary(cc, e);
    case 'instanceof': {
      const type = cc.resolveType(e.type);
      const inner = compileExpr(cc, e.expr);
      return { ev: (f) => isInstanceOf(inner.ev(f), type), type: BOOLEAN_TYPE };
    }
    case 'cond': {
      const test = compileExpr(cc, e.test);
      const then = compileExpr(cc, e.then);
      const other = compileExpr(cc, e.else);
      return {
        ev: (f) => (booleanOf(test.ev(f)) ? then.ev(f) : other.ev(f)),
        ...(then.type && then.type.kind !== 'null' ? { type: then.type } : other.type ? { type: other.type } : {}),
      };
    }
    case 'assign':
      return assign(cc, e);
    case 'soql':
      return soql(cc, e);
    case 'sosl':
      return cc.unsupported('SOSL queries', e.loc);
    case 'classLiteral': {
      const type: ApexType = e.type ? cc.resolveType(e.type) : { kind: 'void' };
      const value = new TypeValue(type);
      return { ev: () => value };
    }
  }
}

function typeAsValue(cc: CompileContext, t: Target, loc: A.Loc): never {
  const what = t.kind === 'namespace' ? `namespace ${t.name}` : 'a type name';
  throw new EmulatorUnsupportedError(`using ${what} as a value`, where(cc, loc));
}

// ---------------------------------------------------------------- literals and operators

function literal(cc: CompileContext, e: A.LiteralExpr): CExpr {
  switch (e.type) {
    case 'Integer': {
      const n = Number(e.text);
      if (!Number.isSafeInteger(n) || n > 2147483648) cc.unsupported(`integer literal ${e.text}`, e.loc);
      const v = n | 0;
      return { ev: () => v, type: INTEGER_TYPE };
    }
    case 'Long': {
      const v = BigInt.asIntN(64, BigInt(e.text));
      return { ev: () => v, type: LONG_TYPE };
    }
    case 'Decimal': {
      const v = ApexDecimal.valueOf(e.text);
      return { ev: () => v, type: DECIMAL_TYPE };
    }
    case 'String': {
      const v = e.text;
      return { ev: () => v, type: STRING_TYPE };
    }
    case 'Boolean': {
      const v = e.text === 'true';
      return { ev: () => v, type: BOOLEAN_TYPE };
    }
    case 'Null':
      return { ev: () => null, type: NULL_TYPE };
  }
}

function unary(cc: CompileContext, e: A.UnaryExpr): CExpr {
  if (e.op === '-' && e.expr.kind === 'literal' && (e.expr.type === 'Integer' || e.expr.type === 'Long')) {
    if (e.expr.type === 'Integer') {
      const v = -Number(e.expr.text) | 0;
      return { ev: () => v, type: INTEGER_TYPE };
    }
    const v = BigInt.asIntN(64, -BigInt(e.expr.text));
    return { ev: () => v, type: LONG_TYPE };
  }
  const inner = compileExpr(cc, e.expr);
  const type = inner.type ? { type: inner.type } : {};
  switch (e.op) {
    case '!':
      return { ev: (f) => !booleanOf(inner.ev(f)), type: BOOLEAN_TYPE };
    case '-':
      return { ev: (f) => negate(inner.ev(f)), ...type };
    case '~':
      return { ev: (f) => bitNot(inner.ev(f)), ...type };
    case '+':
      return {
        ev: (f) => {
          const v = inner.ev(f);
          if (v === null) throw nullPointer();
          return v;
        },
        ...type,
      };
  }
}

function binary(cc: CompileContext, e: A.BinaryExpr): CExpr {
  const l = compileExpr(cc, e.left);
  const r = compileExpr(cc, e.right);
  const le = l.ev;
  const re = r.ev;
  switch (e.op) {
    case '&&':
      return { ev: (f) => booleanOf(le(f)) && booleanOf(re(f)), type: BOOLEAN_TYPE };
    case '||':
      return { ev: (f) => booleanOf(le(f)) || booleanOf(re(f)), type: BOOLEAN_TYPE };
    case '??':
      return {
        ev: (f) => {
          const v = le(f);
          return v === null ? re(f) : v;
        },
        ...(l.type ? { type: l.type } : {}),
      };
    case '==':
      return { ev: (f) => apexEquals(f.txn, le(f), re(f)), type: BOOLEAN_TYPE };
    case '!=':
    case '<>':
      return { ev: (f) => !apexEquals(f.txn, le(f), re(f)), type: BOOLEAN_TYPE };
    case '===':
      return { ev: (f) => exactEquals(le(f), re(f)), type: BOOLEAN_TYPE };
    case '!==':
      return { ev: (f) => !exactEquals(le(f), re(f)), type: BOOLEAN_TYPE };
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const op = e.op;
      return { ev: (f) => compareOp(op, le(f), re(f)), type: BOOLEAN_TYPE };
    }
    case '+': {
      const isString = l.type === STRING_TYPE || r.type === STRING_TYPE;
      return { ev: (f) => add(f.txn, le(f), re(f)), ...(isString ? { type: STRING_TYPE } : numericType(l, r)) };
    }
    case '-':
      return { ev: (f) => subtract(le(f), re(f)), ...numericType(l, r) };
    case '*':
      return { ev: (f) => multiply(le(f), re(f)), ...numericType(l, r) };
    case '/':
      return { ev: (f) => divide(le(f), re(f)), ...numericType(l, r) };
    case '&':
    case '|':
    case '^': {
      const op = e.op;
      return { ev: (f) => bitwise(op, le(f), re(f)), ...(l.type ? { type: l.type } : {}) };
    }
    case '<<':
    case '>>':
    case '>>>': {
      const op = e.op;
      return { ev: (f) => shift(op, le(f), re(f)), ...(l.type ? { type: l.type } : {}) };
    }
  }
}

const NUMERIC_ORDER = ['Integer', 'Long', 'Double', 'Decimal'];
function numericType(l: CExpr, r: CExpr): { type?: ApexType } {
  if (l.type?.kind !== 'primitive' || r.type?.kind !== 'primitive') return {};
  const a = NUMERIC_ORDER.indexOf(l.type.name);
  const b = NUMERIC_ORDER.indexOf(r.type.name);
  if (a < 0 || b < 0) return {};
  return { type: a >= b ? l.type : r.type };
}

// ---------------------------------------------------------------- assignment

function compoundOp(op: A.AssignOp): ((f: Frame, a: Value, b: Value) => Value) | undefined {
  switch (op) {
    case '+=':
      return (f, a, b) => add(f.txn, a, b);
    case '-=':
      return (_f, a, b) => subtract(a, b);
    case '*=':
      return (_f, a, b) => multiply(a, b);
    case '/=':
      return (_f, a, b) => divide(a, b);
    case '&=':
      return (_f, a, b) => bitwise('&', a, b);
    case '|=':
      return (_f, a, b) => bitwise('|', a, b);
    case '^=':
      return (_f, a, b) => bitwise('^', a, b);
    case '<<=':
      return (_f, a, b) => shift('<<', a, b);
    case '>>=':
      return (_f, a, b) => shift('>>', a, b);
    case '>>>=':
      return (_f, a, b) => shift('>>>', a, b);
    default:
      return undefined;
  }
}

function assign(cc: CompileContext, e: A.AssignExpr): CExpr {
  const lv = compileLValue(cc, e.target);
  const value = compileExpr(cc, e.value);
  const ve = value.ev;
  const type = lv.type ? { type: lv.type } : {};
  if (e.op === '=') return { ev: (f) => lv.write(f, ve(f)), ...type };
  const op = compoundOp(e.op);
  if (!op) return cc.unsupported(`operator ${e.op}`, e.loc);
  return {
    ev: (f) => {
      const ref = lv.bind(f);
      const current = ref.get();
      if (current === null) throw nullPointer();
      return ref.set(op(f, current, ve(f)));
    },
    ...type,
  };
}

/** Compiles an assignable expression: a local, field, property, sObject field or list element. */
export function compileLValue(cc: CompileContext, e: A.Expr): LValue {
  if (e.kind === 'index') {
    const target = compileExpr(cc, e.target);
    const index = compileDetached(cc, e.index);
    const at = (list: Value, i: Value): { list: ApexList; i: number } => {
      if (list === null || i === null) throw nullPointer();
      if (!(list instanceof ApexList)) {
        throw new EmulatorUnsupportedError('indexing a value that is not a List', where(cc, e.loc));
      }
      const n = i as number;
      if (n < 0 || n >= list.items.length) {
        throw new ApexPlatformError('System.ListException', `List index out of bounds: ${n}`);
      }
      return { list, i: n };
    };
    const elementType = target.type?.kind === 'list' ? { type: target.type.element } : {};
    return {
      read: (f) => {
        const { list, i } = at(target.ev(f), index.ev(f));
        return list.items[i] ?? null;
      },
      write: (f, v) => {
        const { list, i } = at(target.ev(f), index.ev(f));
        const c = convertForAssign(v, list.elementType);
        list.items[i] = c;
        return c;
      },
      bind: (f) => {
        const { list, i } = at(target.ev(f), index.ev(f));
        return {
          get: () => list.items[i] ?? null,
          set: (v) => {
            const c = convertForAssign(v, list.elementType);
            list.items[i] = c;
            return c;
          },
        };
      },
      ...elementType,
    };
  }
  if (e.kind === 'name' || e.kind === 'dot') {
    const t = compileTarget(cc, e);
    if (t.kind === 'value' && t.lvalue) return t.lvalue;
  }
  return cc.unsupported('assigning to this expression', e.loc);
}

function slotLValue(slot: number, type: ApexType): LValue {
  return {
    read: (f) => f.slots[slot] ?? null,
    write: (f, v) => {
      const c = convertForAssign(v, type);
      f.slots[slot] = c;
      return c;
    },
    bind: (f) => ({
      get: () => f.slots[slot] ?? null,
      set: (v) => {
        const c = convertForAssign(v, type);
        f.slots[slot] = c;
        return c;
      },
    }),
    type,
  };
}

// ---------------------------------------------------------------- names and member access

function fieldType(cc: CompileContext, field: FieldInfo): ApexType {
  if (!field.type) field.type = cc.program.resolveType(field.typeRef, field.cls);
  return field.type;
}

function propertyType(cc: CompileContext, prop: PropertyInfo): ApexType {
  if (!prop.type) prop.type = cc.program.resolveType(prop.typeRef, prop.cls);
  return prop.type;
}

function instanceFieldLValue(lower: string, type: ApexType): LValue {
  const self = (f: Frame): ApexObject => f.self as ApexObject;
  return {
    read: (f) => self(f).fields[lower] ?? null,
    write: (f, v) => {
      const c = convertForAssign(v, type);
      self(f).fields[lower] = c;
      return c;
    },
    bind: (f) => {
      const obj = self(f);
      return {
        get: () => obj.fields[lower] ?? null,
        set: (v) => {
          const c = convertForAssign(v, type);
          obj.fields[lower] = c;
          return c;
        },
      };
    },
    type,
  };
}

function staticFieldLValue(cls: ClassInfo, lower: string, type: ApexType): LValue {
  return {
    read: (f) => getStatic(f.txn, cls, lower),
    write: (f, v) => {
      const c = convertForAssign(v, type);
      setStatic(f.txn, cls, lower, c);
      return c;
    },
    bind: (f) => ({
      get: () => getStatic(f.txn, cls, lower),
      set: (v) => {
        const c = convertForAssign(v, type);
        setStatic(f.txn, cls, lower, c);
        return c;
      },
    }),
    type,
  };
}

function propertyLValue(prop: PropertyInfo, type: ApexType, self: (f: Frame) => ApexObject | null): LValue {
  return {
    read: (f) => readProperty(f.txn, prop, self(f)),
    write: (f, v) => {
      writeProperty(f.txn, prop, self(f), v);
      return convertForAssign(v, type);
    },
    bind: (f) => {
      const obj = self(f);
      return {
        get: () => readProperty(f.txn, prop, obj),
        set: (v) => {
          writeProperty(f.txn, prop, obj, v);
          return convertForAssign(v, type);
        },
      };
    },
    type,
  };
}

/** The storage of a property itself, inside its own accessors. */
function accessorStorage(prop: PropertyInfo, type: ApexType): LValue {
  if (!prop.isStatic) return instanceFieldLValue(prop.lower, type);
  return {
    read: (f) => f.txn.staticsOf(prop.cls)[prop.lower] ?? null,
    write: (f, v) => {
      const c = convertForAssign(v, type);
      f.txn.staticsOf(prop.cls)[prop.lower] = c;
      return c;
    },
    bind: (f) => ({
      get: () => f.txn.staticsOf(prop.cls)[prop.lower] ?? null,
      set: (v) => {
        const c = convertForAssign(v, type);
        f.txn.staticsOf(prop.cls)[prop.lower] = c;
        return c;
      },
    }),
    type,
  };
}

function valueTarget(lv: LValue): Target {
  return { kind: 'value', expr: { ev: lv.read, ...(lv.type ? { type: lv.type } : {}) }, lvalue: lv };
}

/** A field or property named `lower` visible from the current class: own/inherited, then outer classes' statics. */
function resolveMemberName(cc: CompileContext, lower: string): Target | undefined {
  for (let c: ClassInfo | undefined = cc.cls; c; c = c.outer) {
    const field = c.findField(lower);
    if (field) {
      const type = fieldType(cc, field);
      if (field.isStatic) return valueTarget(staticFieldLValue(field.cls, lower, type));
      if (c === cc.cls && !cc.isStatic) return valueTarget(instanceFieldLValue(lower, type));
      continue;
    }
    const prop = c.findProperty(lower);
    if (prop) {
      const type = propertyType(cc, prop);
      if (prop.isStatic) return valueTarget(propertyLValue(prop, type, () => null));
      if (c === cc.cls && !cc.isStatic) return valueTarget(propertyLValue(prop, type, (f) => f.self as ApexObject));
      continue;
    }
  }
  return undefined;
}

function compileTarget(cc: CompileContext, e: A.Expr): Target {
  if (e.kind === 'name') return resolveName(cc, e);
  if (e.kind === 'dot') return resolveDot(cc, e);
  if (e.kind === 'this' && !cc.isStatic) {
    return { kind: 'value', expr: { ev: (f) => f.self, type: { kind: 'class', cls: cc.cls } } };
  }
  return { kind: 'value', expr: compileExpr(cc, e) };
}

function resolveName(cc: CompileContext, e: A.NameExpr): Target {
  const local = cc.lookup(e.name);
  if (local) return valueTarget(slotLValue(local.slot, local.type));
  const lower = e.name.toLowerCase();
  if (cc.accessorOf === lower) {
    const prop = cc.cls.findProperty(lower);
    if (prop) return valueTarget(accessorStorage(prop, propertyType(cc, prop)));
  }
  const member = resolveMemberName(cc, lower);
  if (member) return member;
  const type = cc.program.lookupTypeName([e.name], cc.cls);
  if (type) return { kind: 'type', type };
  if (cc.program.isNamespace(lower)) return { kind: 'namespace', name: lower };
  return cc.unsupported(`unknown variable '${e.name}'`, e.loc);
}

function resolveDot(cc: CompileContext, e: A.DotExpr): Target {
  const t = compileTarget(cc, e.target);
  const lower = e.name.toLowerCase();
  if (t.kind === 'namespace') {
    const type = cc.program.lookupTypeName([t.name, e.name], cc.cls);
    if (type) return { kind: 'type', type };
    return cc.unsupported(`${t.name}.${e.name}`, e.loc);
  }
  if (t.kind === 'type') return resolveStaticMember(cc, t.type, e);
  const target = t.expr.ev;
  const name = e.name;
  const staticType = t.expr.type;
  // A field of a known user class: read its storage directly.
  if (staticType?.kind === 'class' && !staticType.cls.isBuiltin && !e.safe) {
    const field = staticType.cls.findField(lower);
    if (field && !field.isStatic && !staticType.cls.findProperty(lower)) {
      const type = fieldType(cc, field);
      const obj = (f: Frame): ApexObject => {
        const v = target(f);
        if (v === null) throw nullPointer();
        return v as ApexObject;
      };
      const lv: LValue = {
        read: (f) => obj(f).fields[lower] ?? null,
        write: (f, v) => {
          const c = convertForAssign(v, type);
          obj(f).fields[lower] = c;
          return c;
        },
        bind: (f) => {
          const o = obj(f);
          return {
            get: () => o.fields[lower] ?? null,
            set: (v) => {
              const c = convertForAssign(v, type);
              o.fields[lower] = c;
              return c;
            },
          };
        },
        type,
      };
      return valueTarget(lv);
    }
  }
  const safe = e.safe;
  // "If c.Account is null, then c.Account.Name evaluates to null, but does not yield a NullPointerException"
  // (Apex Developer Guide, "Accessing sObject Fields Through Relationships"): a read whose target is itself a
  // member read that found an empty parent relationship is null; the target tells through frame.nullRelationship.
  const throughRelationship = e.target.kind === 'dot';
  const lv: LValue = {
    read: (f) => {
      const obj = target(f);
      if (obj === null) {
        if (safe) throw NULL_CHAIN;
        if (throughRelationship && f.nullRelationship) return null;
      }
      if (obj instanceof SObjectValue) {
        const m = obj.member(name);
        const v = obj.read(m);
        f.nullRelationship = v === null && m.kind === 'parent';
        return v;
      }
      f.nullRelationship = false;
      return getMember(f.txn, obj, name);
    },
    write: (f, v) => {
      const obj = target(f);
      setMember(f.txn, obj, name, v);
      return obj instanceof SObjectValue ? (obj.values.get(lower) ?? v) : v;
    },
    bind: (f) => {
      const obj = target(f);
      return {
        get: () => getMember(f.txn, obj, name),
        set: (v) => {
          setMember(f.txn, obj, name, v);
          return v;
        },
      };
    },
  };
  return valueTarget(lv);
}

/** `Type.member`: inner types, enum constants, static fields and properties, sObject tokens. */
function resolveStaticMember(cc: CompileContext, type: ApexType, e: A.DotExpr): Target {
  const lower = e.name.toLowerCase();
  if (type.kind === 'class') {
    const cls = type.cls;
    const inner = cls.findInner(lower);
    if (inner) return { kind: 'type', type: { kind: 'class', cls: inner } };
    if (cls.kind === 'enum') {
      const value = cls.enumValues.find((v) => v.name.toLowerCase() === lower);
      if (value) return { kind: 'value', expr: { ev: () => value, type } };
    }
    if (!cls.isBuiltin) {
      const field = cls.findField(lower);
      if (field?.isStatic) return valueTarget(staticFieldLValue(field.cls, lower, fieldType(cc, field)));
      const prop = cls.findProperty(lower);
      if (prop?.isStatic) return valueTarget(propertyLValue(prop, propertyType(cc, prop), () => null));
      const nested = cc.program.lookupTypeName([cls.apexName, e.name], cc.cls);
      if (nested) return { kind: 'type', type: nested };
      return cc.unsupported(`static member ${cls.apexName}.${e.name}`, e.loc);
    }
    const np = cls.nativeStaticProperties.get(lower);
    if (np) {
      const lv: LValue = {
        read: (f) => np.get(f.txn, null),
        write: (f, v) => {
          if (!np.set) throw new EmulatorUnsupportedError(`setting ${cls.apexName}.${e.name}`, where(cc, e.loc));
          np.set(f.txn, null, v);
          return v;
        },
        bind: (f) => ({
          get: () => np.get(f.txn, null),
          set: (v) => {
            if (!np.set) throw new EmulatorUnsupportedError(`setting ${cls.apexName}.${e.name}`, where(cc, e.loc));
            np.set(f.txn, null, v);
            return v;
          },
        }),
      };
      return valueTarget(lv);
    }
    const nsType = cc.program.lookupTypeName([...cls.apexName.split('.'), e.name], cc.cls);
    if (nsType) return { kind: 'type', type: nsType };
    const member = staticMemberOf(cc.program, cls, e.name);
    if (member) return { kind: 'value', expr: { ev: (f) => member(f.txn) } };
    return cc.unsupported(`${cls.apexName}.${e.name}`, e.loc);
  }
  if (type.kind === 'sobject' && type.sobject) {
    const sobject = type.sobject;
    const token = sobjectTypeMember(cc.program, sobject, e.name);
    if (token) return { kind: 'value', expr: { ev: (f) => token(f.txn) } };
    return cc.unsupported(`${sobject}.${e.name}`, e.loc);
  }
  return cc.unsupported(`member ${e.name} of a type`, e.loc);
}

// ---------------------------------------------------------------- calls

function compileArgs(cc: CompileContext, args: A.Expr[]): { evs: Ev[]; types: (ApexType | undefined)[] } {
  const compiled = args.map((a) => compileDetached(cc, a));
  return { evs: compiled.map((c) => c.ev), types: compiled.map((c) => c.type) };
}

function evalArgs(f: Frame, evs: Ev[]): Value[] {
  const out = new Array<Value>(evs.length);
  for (let i = 0; i < evs.length; i += 1) out[i] = (evs[i] as Ev)(f);
  return out;
}

/** The built-in class holding the statics of a primitive type named as a class (`String.valueOf`). */
function staticClassOf(cc: CompileContext, type: ApexType, loc: A.Loc): ClassInfo {
  if (type.kind === 'class') return type.cls;
  if (type.kind === 'primitive') {
    const cls = cc.program.builtin(`system.${type.name.toLowerCase()}`);
    if (cls) return cls;
  }
  if (type.kind === 'sobject') {
    const cls = cc.program.builtin('schema.sobject');
    if (cls) return cls;
  }
  if (type.kind === 'object') {
    const cls = cc.program.builtin('system.object');
    if (cls) return cls;
  }
  return cc.unsupported(`static methods of ${JSON.stringify(type.kind === 'primitive' ? type.name : type.kind)}`, loc);
}

/** Database query methods read bind variables from the caller's scope by name. */
const DYNAMIC_QUERY_METHODS = new Set(['query', 'countquery', 'getquerylocator']);

function compileCall(cc: CompileContext, e: A.CallExpr): CExpr {
  const { evs, types } = compileArgs(cc, e.args);
  const name = e.name;
  const lower = name.toLowerCase();
  if (!e.target) {
    if (lower === 'this' || lower === 'super') {
      return cc.unsupported(`${lower}(...) outside the first statement of a constructor`, e.loc);
    }
    return unqualifiedCall(cc, e, evs, types);
  }
  if (e.target.kind === 'super') {
    const sup = cc.cls.superclass;
    if (!sup) return cc.unsupported('super call without a superclass', e.loc);
    if (sup.isBuiltin) {
      const native = sup.findNativeMethod(lower);
      if (!native) return cc.unsupported(`super.${name}()`, e.loc);
      return { ev: (f) => native(f.txn, f.self, evalArgs(f, evs)) };
    }
    const candidates = sup.methodsNamed(lower).filter((m) => !m.isStatic);
    return {
      ev: (f) => {
        const args = evalArgs(f, evs);
        const m = selectOverload(f.txn, candidates, args, types);
        if (!m) throw new EmulatorUnsupportedError(`super.${name}(${args.length} arguments)`, where(cc, e.loc));
        return invoke(f.txn, m, f.self, args);
      },
    };
  }
  if (lower === 'adderror' && e.target.kind === 'dot') {
    const field = fieldAddError(cc, e.target, evs);
    if (field) return field;
  }
  const t = compileTarget(cc, e.target);
  if (t.kind === 'namespace') return cc.unsupported(`${t.name}.${name}()`, e.loc);
  if (t.kind === 'type') {
    const cls = staticClassOf(cc, t.type, e.loc);
    if (cls.lower === 'database' && DYNAMIC_QUERY_METHODS.has(lower)) {
      const binds = bindResolver(cc);
      return {
        ev: (f) => {
          const previous = f.txn.dynamicBinds;
          f.txn.dynamicBinds = (n) => binds(f, n);
          try {
            return callStatic(f.txn, cls, name, evalArgs(f, evs), types);
          } finally {
            f.txn.dynamicBinds = previous;
          }
        },
      };
    }
    if (t.type.kind === 'class' && !cls.isBuiltin) {
      const returnType = staticReturnType(cc, cls, lower, e.args.length, true);
      return {
        ev: (f) => callStatic(f.txn, cls, name, evalArgs(f, evs), types),
        ...(returnType ? { type: returnType } : {}),
      };
    }
    if (t.type.kind === 'sobject' && t.type.sobject) {
      const sobject = t.type.sobject;
      return { ev: (f) => callSObjectStatic(f.txn, sobject, name, evalArgs(f, evs)) };
    }
    return { ev: (f) => callStatic(f.txn, cls, name, evalArgs(f, evs), types) };
  }
  const target = t.expr.ev;
  const safe = e.safe;
  const returnType =
    t.expr.type?.kind === 'class' && !t.expr.type.cls.isBuiltin
      ? staticReturnType(cc, t.expr.type.cls, lower, e.args.length, false)
      : undefined;
  return {
    ev: (f) => {
      const obj = target(f);
      if (obj === null && safe) throw NULL_CHAIN;
      return callInstance(f.txn, obj, name, evalArgs(f, evs), types);
    },
    ...(returnType ? { type: returnType } : {}),
  };
}

/**
 * `record.Field.addError('…')` (Apex Reference, "SObject Class", addError on a field): marks the field of the
 * record; the compiler sees the field access, not its value, so it is handled before the dot is evaluated.
 */
function fieldAddError(cc: CompileContext, target: A.DotExpr, evs: Ev[]): CExpr | undefined {
  const base = compileTarget(cc, target.target);
  if (base.kind !== 'value') return undefined;
  const obj = base.expr.ev;
  const fieldName = target.name;
  return {
    ev: (f) => {
      const rec = obj(f);
      if (rec instanceof SObjectValue) {
        const m = rec.member(fieldName);
        return addRecordError(rec, evalArgs(f, evs), m.kind === 'field' ? m.field.name : fieldName);
      }
      return callInstance(f.txn, getMember(f.txn, rec, fieldName), 'addError', evalArgs(f, evs));
    },
  };
}

/** The declared return type of a method when every overload of that arity agrees. */
function staticReturnType(
  cc: CompileContext,
  cls: ClassInfo,
  lower: string,
  arity: number,
  isStatic: boolean,
): ApexType | undefined {
  const candidates = cls.methodsNamed(lower).filter((m) => m.isStatic === isStatic && m.params.length === arity);
  const first = candidates[0];
  if (!first || !first.returnTypeRef) return undefined;
  try {
    const t = cc.program.resolveType(first.returnTypeRef, first.cls);
    return candidates.length === 1 ? t : undefined;
  } catch {
    return undefined;
  }
}

function unqualifiedCall(cc: CompileContext, e: A.CallExpr, evs: Ev[], types: (ApexType | undefined)[]): CExpr {
  const lower = e.name.toLowerCase();
  for (let c: ClassInfo | undefined = cc.cls; c; c = c.outer) {
    const candidates = c.methodsNamed(lower);
    if (candidates.length === 0) continue;
    const instanceOk = c === cc.cls && !cc.isStatic;
    const usable = candidates.filter((m) => m.isStatic || instanceOk);
    if (usable.length === 0) continue;
    const owner = c;
    const returnType = usable.length === 1 && usable[0]?.returnTypeRef ? safeResolve(cc, usable[0]) : undefined;
    return {
      ev: (f) => {
        const args = evalArgs(f, evs);
        const m = selectOverload(f.txn, usable, args, types);
        if (!m)
          throw new EmulatorUnsupportedError(`${owner.apexName}.${e.name}(${args.length} arguments)`, where(cc, e.loc));
        if (m.isStatic) {
          ensureInitialized(f.txn, m.cls);
          return invoke(f.txn, m, null, args);
        }
        return callInstance(f.txn, f.self, e.name, args, types);
      },
      ...(returnType ? { type: returnType } : {}),
    };
  }
  return cc.unsupported(`unknown method ${e.name}(${e.args.length} arguments)`, e.loc);
}

function safeResolve(cc: CompileContext, m: { returnTypeRef?: A.TypeRefNode; cls: ClassInfo }): ApexType | undefined {
  if (!m.returnTypeRef) return undefined;
  try {
    return cc.program.resolveType(m.returnTypeRef, m.cls);
  } catch {
    return undefined;
  }
}

/** Resolves bind names of dynamic SOQL against the locals in scope at the call, then the class's fields. */
function bindResolver(cc: CompileContext): (f: Frame, name: string) => Value {
  const vars = cc.visibleVars();
  const members = new Map<string, Ev>();
  return (f, name) => {
    const lower = name.toLowerCase();
    const local = vars.get(lower);
    if (local) return f.slots[local.slot] ?? null;
    let ev = members.get(lower);
    if (!ev) {
      const t = resolveMemberName(cc, lower);
      if (!t || t.kind !== 'value') {
        throw new ApexPlatformError('System.QueryException', `Variable does not exist: ${name}`);
      }
      ev = t.expr.ev;
      members.set(lower, ev);
    }
    return ev(f);
  };
}

// ---------------------------------------------------------------- object creation

function compileNew(cc: CompileContext, e: A.NewExpr): CExpr {
  const type = cc.resolveType(e.type);
  if (type.kind === 'list' || type.kind === 'set' || type.kind === 'map') return newCollectionExpr(cc, e, type);
  if (type.kind === 'sobject') return newSObject(cc, e, type);
  if (type.kind === 'class') {
    const cls = type.cls;
    if (e.form !== 'args') return cc.unsupported(`new ${cls.apexName}{…}`, e.loc);
    const { evs, types } = compileArgs(cc, e.args);
    return { ev: (f) => instantiate(f.txn, cls, evalArgs(f, evs), types), type };
  }
  return cc.unsupported(`new ${e.type.names.map((n) => n.name).join('.')}`, e.loc);
}

function newSObject(cc: CompileContext, e: A.NewExpr, type: ApexType & { kind: 'sobject' }): CExpr {
  const name = type.sobject;
  if (!name) return cc.unsupported('new SObject()', e.loc);
  if (e.form !== 'args') return cc.unsupported(`new ${name}{…}`, e.loc);
  const inits: { field: string; ev: Ev }[] = [];
  for (const a of e.args) {
    if (a.kind !== 'assign' || a.op !== '=' || a.target.kind !== 'name') {
      return cc.unsupported(`new ${name}(…) with a positional argument`, a.loc);
    }
    inits.push({ field: a.target.name, ev: compileExpr(cc, a.value).ev });
  }
  return {
    ev: (f) => {
      const describe = f.txn.org.describe(name);
      const rec = new SObjectValue(describe);
      for (const init of inits) writeSObjectMember(f.txn, rec, init.field, init.ev(f));
      return rec;
    },
    type,
  };
}

function newCollectionExpr(cc: CompileContext, e: A.NewExpr, type: ApexType): CExpr {
  switch (e.form) {
    case 'args': {
      const { evs } = compileArgs(cc, e.args);
      return { ev: (f) => newCollection(f.txn, type, evalArgs(f, evs)), type };
    }
    case 'empty':
      return { ev: (f) => newCollection(f.txn, type, []), type };
    case 'arraySize': {
      const size = compileExpr(cc, e.size as A.Expr).ev;
      const element = (type as { element: ApexType }).element;
      return {
        ev: (f) => {
          const n = size(f);
          if (n === null) throw nullPointer();
          return new ApexList(element, new Array<Value>(n as number).fill(null));
        },
        type,
      };
    }
    case 'arrayInit':
    case 'set': {
      const { evs } = compileArgs(cc, e.args);
      return {
        ev: (f) => {
          const c = newCollection(f.txn, type, []);
          for (const ev of evs) addElement(f, c, ev(f));
          return c;
        },
        type,
      };
    }
    case 'map': {
      if (type.kind !== 'map') return cc.unsupported('a map initializer for a non-map', e.loc);
      const pairs = e.pairs.map(([k, v]) => [compileExpr(cc, k).ev, compileExpr(cc, v).ev] as const);
      return {
        ev: (f) => {
          const m = newCollection(f.txn, type, []) as ApexMap;
          for (const [k, v] of pairs) {
            const key = convertForAssign(k(f), m.keyType);
            putEntry(f, m, key, convertForAssign(v(f), m.valueType));
          }
          return m;
        },
        type,
      };
    }
  }
}

function addElement(f: Frame, c: Value, v: Value): void {
  if (c instanceof ApexList) c.items.push(convertForAssign(v, c.elementType));
  else if (c instanceof ApexSet) callInstance(f.txn, c, 'add', [v]);
  else throw new Error('emulator: not a list or set');
}

function putEntry(f: Frame, m: ApexMap, k: Value, v: Value): void {
  callInstance(f.txn, m, 'put', [k, v]);
}

// ---------------------------------------------------------------- SOQL

function soql(cc: CompileContext, e: A.SoqlExpr): CExpr {
  const binds = e.binds.map((b) => compileExpr(cc, b).ev);
  const query = e.query;
  return {
    ev: (f) => {
      const values = evalArgs(f, binds);
      return f.txn.org.query(f.txn, query, { byIndex: values }, f.sharing);
    },
  };
}
