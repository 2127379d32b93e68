// Calling Apex: method invocation with a new frame, overload selection, virtual dispatch, object construction
// (constructor chaining with this(...)/super(...), field initialisers in declaration order), class
// initialisation on first use (Apex Developer Guide, "Static and Instance Methods, Variables, and Initialization
// Code"), and member access on any run-time value.
import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { ApexBlob } from '../values/Blob';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble } from '../values/Double';
import { ApexId } from '../values/Id';
import { ApexTime } from '../values/Time';
import { ClassInfo, MethodInfo, type NativeMethod, type PropertyInfo } from './classes';
import { compileMethod, compileInitializers } from './compile/methods';
import { castTo, convertForAssign, isInstanceOf, runtimeTypeOf } from './conversion';
import { setObjectProtocol } from './equality';
import { ApexThrow, exceptionState, initExceptionState, SCRIPT_THROWN_MESSAGE, toApexThrow } from './exceptions';
import { Frame, type EffectiveSharing } from './frame';
import { MAX_STACK_DEPTH } from './limits';
import { nullPointer } from './operators';
import { SObjectValue } from './sobject';
import { plainText, setUserToString } from './stringify';
import type { Program } from './program';
import type { Txn } from './transaction';
import { isAssignable, sameType, type ApexType } from './types';
import { ApexList, ApexMap, ApexObject, ApexSet, EnumValue, TypeValue, type Value } from './values';
import { readSObjectMember, writeSObjectMember } from './sobjectAccess';
import { callStub, isStubCall } from './stubs';

// ---------------------------------------------------------------- invocation

/**
 * The sharing a new frame of `method` runs with (see frame.ts). Apex Developer Guide, "Apex Security and Sharing
 * Model", Versioned Behavior Changes
 * (https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_security_sharing_chapter.htm):
 * "In API version 67.0 and later, classes without an explicit sharing declaration run in with sharing mode. In API
 * version 66.0 and earlier, the sharing mode of classes without an explicit sharing declaration is determined
 * according these factors.
 *  - If the class is part of an inheritance chain, and any class in that chain is saved as API version 67.0 and
 *    later, the class runs in with sharing mode.
 *  - If the class is an Aura controller or an @AuraEnabled method called from a Lightning web component, the class
 *    runs in with sharing mode.
 *  - If the class isn't an Apex entry point, its sharing mode is defined by the sharing mode of the calling class.
 *  - Otherwise, the class runs in without sharing mode."
 * ("Apex Versioned Behavior Changes", 67.0: "Apex Classes Enforce Sharing by Default".) The Lightning rule is the
 * Spring '21 release update "Use with sharing for @AuraEnabled Apex Controllers with Implicit Sharing", enforced
 * "when a sandbox or production org is upgraded to Spring '21" (Winter '21 release notes,
 * rn_lc_apex_with_sharing_cruc.htm). `inherited sharing` at an entry point runs with sharing ("Use the with sharing,
 * without sharing, and inherited sharing Keywords"); anonymous Apex always runs with the current user's sharing
 * ("Anonymous Blocks"); triggers run without sharing.
 */
function sharingFor(txn: Txn, method: MethodInfo): EffectiveSharing {
  const kind = method.kind;
  if (kind === 'trigger') return 'without';
  const keyword = method.cls.sharing;
  if (keyword === 'with' || keyword === 'without') return keyword;
  const caller = txn.currentFrame;
  if (keyword === undefined && kind !== 'anonymous') {
    if (inApi67Chain(txn, method.cls)) return 'with';
    if (!caller && lightningEntries.get(txn) === method) return 'with';
  }
  if (!caller) return keyword === 'inherited' || kind === 'anonymous' ? 'with' : 'without';
  return caller.sharing;
}

/** The @AuraEnabled method a Lightning request calls (entry/aura.ts), by transaction. */
const lightningEntries = new WeakMap<Txn, MethodInfo>();

/** Marks `method` as the @AuraEnabled method a Lightning component calls in this transaction (see sharingFor). */
export function markLightningEntry(txn: Txn, method: MethodInfo): void {
  lightningEntries.set(txn, method);
}

/**
 * Whether `cls` (its source file; for an inner class, its outer class's file) or a class of its inheritance chain is
 * saved at API 67.0 or later (see sharingFor). The chain is taken as the classes `cls` extends and the project's
 * classes that extend it, directly or not; interfaces are not classes and are not part of it.
 */
function inApi67Chain(txn: Txn, cls: ClassInfo): boolean {
  const program = txn.program;
  const atLeast67 = (c: ClassInfo): boolean => {
    const version = c.file === undefined ? undefined : program.apiVersionOf(c.file);
    return version !== undefined && version >= 67;
  };
  return cls.chain().some(atLeast67) || extendedByApi67(program).has(cls);
}

/** By program: the classes that a class saved at API 67.0 or later extends, directly or not. */
const api67Ancestors = new WeakMap<Program, Set<ClassInfo>>();

function extendedByApi67(program: Program): Set<ClassInfo> {
  const known = api67Ancestors.get(program);
  if (known) return known;
  const out = new Set<ClassInfo>();
  const visit = (c: ClassInfo): void => {
    for (const ancestor of c.chain().slice(1)) out.add(ancestor);
    for (const inner of c.inner.values()) visit(inner);
  };
  for (const name of program.classNames()) {
    const source = program.classSource(name);
    // Only a source that says `extends` can declare a subclass; the loaded hierarchy decides.
    if (!source || Number(source.apiVersion) < 67 || !/\bextends\b/i.test(source.body)) continue;
    const top = program.userClass(name);
    if (top) visit(top);
  }
  api67Ancestors.set(program, out);
  return out;
}

export function paramTypesOf(txn: Txn, method: MethodInfo): ApexType[] {
  if (!method.paramTypes) {
    method.paramTypes = method.params.map((p) => txn.program.resolveType(p.typeRef, method.cls));
  }
  return method.paramTypes;
}

export function returnTypeOf(txn: Txn, method: MethodInfo): ApexType | undefined {
  if (method.returnTypeRef && !method.returnType) {
    method.returnType = txn.program.resolveType(method.returnTypeRef, method.cls);
  }
  return method.returnType;
}

/** Runs a user method (or accessor, trigger, anonymous block) in a new frame and returns its result. */
export function invoke(txn: Txn, method: MethodInfo, self: Value, args: Value[]): Value {
  if (method.native) return method.native(txn, self, args);
  if (method.isFuture && futureHook && futureHook(txn, method, args)) return null;
  if (!method.compiled) compileMethod(txn.program, method);
  const body = method.compiled;
  if (!body) throw new EmulatorUnsupportedError(`calling abstract method ${method.traceName}`, txn.where());
  const params = paramTypesOf(txn, method);
  if (txn.stack.length >= MAX_STACK_DEPTH) {
    throw new ApexPlatformError('System.LimitException', `Maximum stack depth reached: ${txn.stack.length + 1}`);
  }
  const frame = new Frame(txn, method, self, method.slotCount, sharingFor(txn, method));
  for (let i = 0; i < params.length; i += 1) {
    frame.slots[i] = convertForAssign(args[i] ?? null, params[i] as ApexType);
  }
  txn.stack.push(frame);
  try {
    body(frame);
  } catch (e) {
    throw normalizeError(txn, e);
  } finally {
    txn.stack.pop();
  }
  return frame.ret;
}

/** Queues a call of an @future method instead of running it (installed by the async library); true when queued. */
let futureHook: ((txn: Txn, method: MethodInfo, args: Value[]) => boolean) | undefined;
export function setFutureHook(hook: (txn: Txn, method: MethodInfo, args: Value[]) => boolean): void {
  futureHook = hook;
}

/** Platform errors become Apex exceptions in the current (innermost) frame; unsupported features get a location. */
export function normalizeError(txn: Txn, e: unknown): unknown {
  if (e instanceof ApexThrow) return e;
  if (e instanceof ApexPlatformError) return toApexThrow(txn, e);
  if (e instanceof EmulatorUnsupportedError) return e.at(txn.where());
  return e;
}

// ---------------------------------------------------------------- overloads

/**
 * How well an argument fits a parameter: 3 exact, 2 assignable (subtype, Id ↔ String), 1 widening numeric or a
 * null argument, -1 not at all. The static type of the argument expression is used when the compiler knows it
 * (overloads are chosen at compile time in Apex), else the run-time type.
 */
function fit(param: ApexType, value: Value, staticType: ApexType | undefined): number {
  const t = staticType && staticType.kind !== 'null' ? staticType : value === null ? undefined : runtimeTypeOf(value);
  if (!t) return param.kind === 'primitive' || param.kind === 'object' ? 1 : 1.5;
  if (sameType(param, t)) return 3;
  if (param.kind === 'object') return 0.5;
  if (param.kind === 'primitive' && t.kind === 'primitive') {
    if ((param.name === 'String' && t.name === 'Id') || (param.name === 'Id' && t.name === 'String')) return 2;
    return isAssignable(param, t) ? 1 : -1;
  }
  if (isAssignable(param, t)) return 2;
  if (value !== null && isInstanceOf(value, param)) return 1.8;
  return -1;
}

/** Picks the overload for the arguments; candidates are most derived first, so an override wins a tie. */
export function selectOverload(
  txn: Txn,
  candidates: MethodInfo[],
  args: Value[],
  argTypes?: (ApexType | undefined)[],
): MethodInfo | undefined {
  let best: MethodInfo | undefined;
  let bestScore = -Infinity;
  for (const m of candidates) {
    if (m.params.length !== args.length) continue;
    const params = paramTypesOf(txn, m);
    let score = 0;
    for (let i = 0; i < params.length; i += 1) {
      const s = fit(params[i] as ApexType, args[i] ?? null, argTypes?.[i]);
      if (s < 0) {
        score = -Infinity;
        break;
      }
      score += s;
    }
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return bestScore === -Infinity ? undefined : best;
}

/** The most derived implementation (not abstract) of `chosen`'s signature in `cls`. */
function implementationIn(txn: Txn, cls: ClassInfo, chosen: MethodInfo): MethodInfo {
  if (cls === chosen.cls) return chosen;
  const params = paramTypesOf(txn, chosen);
  for (let c: ClassInfo | undefined = cls; c; c = c.superclass) {
    for (const m of c.methods.get(chosen.lower) ?? []) {
      if (m.isStatic || m.params.length !== params.length || m.isAbstract) continue;
      const mp = paramTypesOf(txn, m);
      if (mp.every((t, i) => sameType(t, params[i] as ApexType))) return m;
    }
  }
  return chosen;
}

// ---------------------------------------------------------------- classes and objects

interface ClassRuntime {
  staticInit?: (f: Frame) => void;
  instanceInit?: (f: Frame) => void;
  initMethod: MethodInfo;
  clinitMethod: MethodInfo;
  needsStaticInit: boolean;
}
const runtimes = new WeakMap<ClassInfo, ClassRuntime>();

function runtimeOf(cls: ClassInfo): ClassRuntime {
  let r = runtimes.get(cls);
  if (!r) {
    const mods = {
      annotations: [],
      isStatic: false,
      isFinal: false,
      isAbstract: false,
      isVirtual: false,
      isOverride: false,
      isTransient: false,
      isTestMethod: false,
      isWebService: false,
    };
    r = {
      initMethod: new MethodInfo('<init>', cls, 'initializer', false, [], undefined, undefined, mods),
      clinitMethod: new MethodInfo('<clinit>', cls, 'initializer', true, [], undefined, undefined, mods),
      needsStaticInit: cls.staticInit.length > 0,
    };
    runtimes.set(cls, r);
  }
  return r;
}

/** Runs a class's static initialisers once per transaction (superclass first). */
export function ensureInitialized(txn: Txn, cls: ClassInfo): void {
  if (txn.initialized.has(cls)) return;
  txn.initialized.add(cls);
  if (cls.superclass && !cls.superclass.isBuiltin) ensureInitialized(txn, cls.superclass);
  const rt = runtimeOf(cls);
  if (!rt.needsStaticInit) return;
  if (!rt.staticInit) rt.staticInit = compileInitializers(txn.program, cls, true, rt.clinitMethod);
  runInFrame(txn, rt.clinitMethod, null, rt.staticInit);
}

function runInFrame(txn: Txn, method: MethodInfo, self: Value, body: (f: Frame) => void): void {
  const frame = new Frame(txn, method, self, method.slotCount, sharingFor(txn, method));
  txn.stack.push(frame);
  try {
    body(frame);
  } catch (e) {
    throw normalizeError(txn, e);
  } finally {
    txn.stack.pop();
  }
}

/** `new C(args)` for a user-defined or built-in class. */
export function instantiate(txn: Txn, cls: ClassInfo, args: Value[], argTypes?: (ApexType | undefined)[]): Value {
  if (cls.isBuiltin && !cls.isException) {
    if (!cls.nativeConstruct) throw new EmulatorUnsupportedError(`new ${cls.apexName}()`, txn.where());
    return cls.nativeConstruct(txn, args, cls);
  }
  if (cls.kind !== 'class') throw new EmulatorUnsupportedError(`instantiating ${cls.kind} ${cls.apexName}`);
  ensureInitialized(txn, cls);
  const obj = new ApexObject(cls);
  if (cls.isException) initExceptionState(txn, obj);
  construct(txn, cls, obj, args, argTypes);
  return obj;
}

/**
 * Runs the constructor of `cls` chosen by the arguments on `obj`. A constructor whose body starts with this(...)
 * delegates; otherwise the superclass constructor runs (explicit super(...) or the implicit no-argument one), then
 * this class's field initialisers and initialiser blocks, then the body — Java's order, which Apex follows.
 */
export function construct(
  txn: Txn,
  cls: ClassInfo,
  obj: ApexObject,
  args: Value[],
  argTypes?: (ApexType | undefined)[],
): void {
  if (cls.isBuiltin) {
    if (cls.isException) {
      initBuiltinException(txn, obj, args);
      return;
    }
    if (args.length === 0) return;
    throw new EmulatorUnsupportedError(`super(...) of built-in ${cls.apexName}`, txn.where());
  }
  if (cls.constructors.length === 0) {
    if (args.length > 0) {
      if (cls.isException) {
        runSuperThenInit(txn, cls, obj, args);
        return;
      }
      throw new EmulatorUnsupportedError(`constructor ${cls.apexName}(${args.length} arguments)`, txn.where());
    }
    runSuperThenInit(txn, cls, obj, []);
    return;
  }
  const ctor = selectOverload(txn, cls.constructors, args, argTypes);
  if (!ctor) {
    if (cls.isException && args.length <= 2) {
      // The four constructors every exception class has (Apex Developer Guide, "Create Custom Exceptions").
      runSuperThenInit(txn, cls, obj, args);
      return;
    }
    throw new EmulatorUnsupportedError(`no constructor of ${cls.apexName} takes these arguments`, txn.where());
  }
  invoke(txn, ctor, obj, args);
}

/** The implicit part of a constructor: super() (or the exception's own initialisation) then initialisers. */
export function runSuperThenInit(txn: Txn, cls: ClassInfo, obj: ApexObject, superArgs: Value[]): void {
  const sup = cls.superclass;
  if (sup) construct(txn, sup, obj, superArgs);
  runInstanceInit(txn, cls, obj);
}

export function runInstanceInit(txn: Txn, cls: ClassInfo, obj: ApexObject): void {
  if (cls.instanceInit.length === 0) return;
  const rt = runtimeOf(cls);
  if (!rt.instanceInit) rt.instanceInit = compileInitializers(txn.program, cls, false, rt.initMethod);
  runInFrame(txn, rt.initMethod, obj, rt.instanceInit);
}

/**
 * Exception(), Exception(String), Exception(Exception), Exception(String, Exception). An exception built without a
 * message (no String argument — the no-argument or the cause-only constructor, or a constructor of its own that does
 * not pass one to super) reports 'Script-thrown exception' as its message. The Apex Developer Guide ("Create Custom
 * Exceptions") gives no message for `new MyException()`; org evidence: forcedotcom/force-dot-com-esapi,
 * SFDCAccessControlException ("Override the getMessage method to avoid getting only script-thrown exception as the
 * exception message") and its pull request #11. The cause-only case is the emulator's choice (docs/emulator.md).
 */
function initBuiltinException(txn: Txn, obj: ApexObject, args: Value[]): void {
  const state = exceptionState(obj);
  if (!args.some((a) => typeof a === 'string' || a === null || a instanceof ApexId))
    state.message = SCRIPT_THROWN_MESSAGE;
  for (const a of args) {
    if (typeof a === 'string' || a === null) state.message = a;
    else if (a instanceof ApexObject && a.cls.isException) state.cause = a;
    else if (a instanceof ApexId) state.message = a.value;
    else
      throw new ApexPlatformError('System.TypeException', 'Exception constructor takes a String and/or an Exception');
  }
  // An AuraHandledException keeps its constructor's message for the client while getMessage() says 'Script-thrown
  // exception' until setMessage is called (library/lang/exceptions.ts).
  if (obj.cls.chain().some((c) => c.lower === 'aurahandledexception') && typeof state.message === 'string')
    state.clientMessage = state.message;
}

// ---------------------------------------------------------------- calls

/** The built-in class that holds the methods of a primitive or collection value. */
export function builtinClassOf(txn: Txn, v: Value): ClassInfo {
  const p = txn.program;
  let key: string;
  if (typeof v === 'string') key = 'system.string';
  else if (typeof v === 'number') key = 'system.integer';
  else if (typeof v === 'bigint') key = 'system.long';
  else if (typeof v === 'boolean') key = 'system.boolean';
  else if (v instanceof ApexList) key = 'system.list';
  else if (v instanceof ApexMap) key = 'system.map';
  else if (v instanceof ApexSet) key = 'system.set';
  else if (v instanceof SObjectValue) key = 'schema.sobject';
  else if (v instanceof ApexDecimal) key = 'system.decimal';
  else if (v instanceof ApexId) key = 'system.id';
  else if (v instanceof ApexDouble) key = 'system.double';
  else if (v instanceof ApexDate) key = 'system.date';
  else if (v instanceof ApexDatetime) key = 'system.datetime';
  else if (v instanceof ApexTime) key = 'system.time';
  else if (v instanceof ApexBlob) key = 'system.blob';
  else if (v instanceof EnumValue) key = 'system.enum';
  else if (v instanceof TypeValue) key = 'system.type';
  else if (v instanceof ApexObject) return v.cls;
  else throw new Error(`emulator: no class for ${String(v)}`);
  const cls = p.builtin(key);
  if (!cls) throw new EmulatorUnsupportedError(`the ${key.slice(key.indexOf('.') + 1)} class`, txn.where());
  return cls;
}

/** `target.name(args)` on any value: user methods with virtual dispatch, built-in methods otherwise. */
export function callInstance(
  txn: Txn,
  target: Value,
  name: string,
  args: Value[],
  argTypes?: (ApexType | undefined)[],
): Value {
  if (target === null) throw nullPointer();
  const lower = name.toLowerCase();
  if (target instanceof ApexObject && !target.cls.isBuiltin) {
    const candidates = target.cls.methodsNamed(lower).filter((m) => !m.isStatic);
    if (candidates.length > 0) {
      const chosen = selectOverload(txn, candidates, args, argTypes);
      if (chosen && isStubCall(target, chosen)) {
        return callStub(txn, target, chosen, args, callInstance, paramTypesOf(txn, chosen), returnTypeOf(txn, chosen));
      }
      if (chosen) return invoke(txn, implementationIn(txn, target.cls, chosen), target, args);
    }
    const native = target.cls.findNativeMethod(lower) ?? objectMethod(txn, lower);
    if (native) return native(txn, target, args);
    throw new EmulatorUnsupportedError(`method ${target.cls.apexName}.${name}(${args.length} arguments)`, txn.where());
  }
  if (target instanceof EnumValue && !target.enumClass.isBuiltin) {
    const m = txn.program.builtin('system.enum')?.findNativeMethod(lower);
    if (m) return m(txn, target, args);
  }
  const cls = builtinClassOf(txn, target);
  const native = cls.findNativeMethod(lower) ?? objectMethod(txn, lower);
  if (!native) throw new EmulatorUnsupportedError(`method ${cls.apexName}.${name}`, txn.where());
  return native(txn, target, args);
}

/** equals / hashCode / toString that every object has (System.Object). */
function objectMethod(txn: Txn, lower: string): NativeMethod | undefined {
  return txn.program.builtin('system.object')?.nativeMethods.get(lower);
}

/** `Cls.name(args)`: a static method of a user class (or its superclasses, or an outer class) or a built-in. */
export function callStatic(
  txn: Txn,
  cls: ClassInfo,
  name: string,
  args: Value[],
  argTypes?: (ApexType | undefined)[],
): Value {
  const lower = name.toLowerCase();
  if (!cls.isBuiltin) {
    const candidates = cls.methodsNamed(lower).filter((m) => m.isStatic);
    const chosen = selectOverload(txn, candidates, args, argTypes);
    if (chosen) {
      ensureInitialized(txn, chosen.cls);
      return invoke(txn, chosen, null, args);
    }
    if (cls.kind === 'enum') {
      const m = txn.program.builtin('system.enum')?.nativeStatics.get(lower);
      if (m) return m(txn, new TypeValue({ kind: 'class', cls }), args);
    }
    throw new EmulatorUnsupportedError(`static method ${cls.apexName}.${name}(${args.length} arguments)`, txn.where());
  }
  const native = cls.nativeStatics.get(lower);
  if (!native) {
    if (cls.kind === 'enum') {
      const m = txn.program.builtin('system.enum')?.nativeStatics.get(lower);
      if (m) return m(txn, new TypeValue({ kind: 'class', cls }), args);
    }
    throw new EmulatorUnsupportedError(`static method ${cls.apexName}.${name}`, txn.where());
  }
  return native(txn, null, args);
}

// ---------------------------------------------------------------- members

/** Reads `target.name`: a field or property of an object, an sObject field or relationship. */
export function getMember(txn: Txn, target: Value, name: string): Value {
  if (target === null) throw nullPointer();
  if (target instanceof SObjectValue) return readSObjectMember(txn, target, name);
  const lower = name.toLowerCase();
  if (target instanceof ApexObject) {
    if (!target.cls.isBuiltin) {
      const prop = target.cls.findProperty(lower);
      if (prop && !prop.isStatic) return readProperty(txn, prop, target);
      if (lower in target.fields) return target.fields[lower] ?? null;
      const field = target.cls.findField(lower);
      if (field && !field.isStatic) return null;
      if (field) return getStatic(txn, field.cls, lower);
    }
    const np = target.cls.findNativeProperty(lower);
    if (np) return np.get(txn, target);
    const fallback = memberFallbacks.get(target.cls);
    if (fallback) return fallback(txn, target, name);
    throw new EmulatorUnsupportedError(`property ${target.cls.apexName}.${name}`, txn.where());
  }
  if (target instanceof ApexList && target.soqlResult) {
    return getMember(txn, castTo(target, { kind: 'sobject', sobject: null }), name);
  }
  const cls = builtinClassOf(txn, target);
  const np = cls.findNativeProperty(lower);
  if (np) return np.get(txn, target);
  throw new EmulatorUnsupportedError(`property ${cls.apexName}.${name}`, txn.where());
}

/** Writes `target.name = value`. */
export function setMember(txn: Txn, target: Value, name: string, value: Value): void {
  if (target === null) throw nullPointer();
  if (target instanceof SObjectValue) {
    writeSObjectMember(txn, target, name, value);
    return;
  }
  const lower = name.toLowerCase();
  if (target instanceof ApexObject) {
    if (!target.cls.isBuiltin) {
      const prop = target.cls.findProperty(lower);
      if (prop && !prop.isStatic) {
        writeProperty(txn, prop, target, value);
        return;
      }
      const field = target.cls.findField(lower);
      if (field) {
        if (!field.type) field.type = txn.program.resolveType(field.typeRef, field.cls);
        if (field.isStatic) setStatic(txn, field.cls, lower, convertForAssign(value, field.type));
        else target.fields[lower] = convertForAssign(value, field.type);
        return;
      }
    }
    const np = target.cls.findNativeProperty(lower);
    if (np?.set) {
      np.set(txn, target, value);
      return;
    }
    throw new EmulatorUnsupportedError(`setting ${target.cls.apexName}.${name}`, txn.where());
  }
  throw new EmulatorUnsupportedError(`setting ${name} on a ${runtimeTypeOf(target).kind} value`, txn.where());
}

/** Dynamic members of built-in objects (`Schema.SObjectType.Account`, `describe.fields.Name`). */
const memberFallbacks = new Map<ClassInfo, (txn: Txn, self: ApexObject, name: string) => Value>();
export function setMemberFallback(cls: ClassInfo, fn: (txn: Txn, self: ApexObject, name: string) => Value): void {
  memberFallbacks.set(cls, fn);
}

export function readProperty(txn: Txn, prop: PropertyInfo, self: ApexObject | null): Value {
  if (prop.isStatic) ensureInitialized(txn, prop.cls);
  if (prop.getter) return invoke(txn, prop.getter, self, []);
  if (!prop.hasGetter) {
    throw new EmulatorUnsupportedError(`reading write-only property ${prop.cls.apexName}.${prop.name}`, txn.where());
  }
  const store = prop.isStatic ? txn.staticsOf(prop.cls) : (self as ApexObject).fields;
  return store[prop.lower] ?? null;
}

export function writeProperty(txn: Txn, prop: PropertyInfo, self: ApexObject | null, value: Value): void {
  if (prop.isStatic) ensureInitialized(txn, prop.cls);
  if (!prop.type) prop.type = txn.program.resolveType(prop.typeRef, prop.cls);
  const v = convertForAssign(value, prop.type);
  if (prop.setter) {
    invoke(txn, prop.setter, self, [v]);
    return;
  }
  if (!prop.hasSetter) {
    throw new EmulatorUnsupportedError(`writing read-only property ${prop.cls.apexName}.${prop.name}`, txn.where());
  }
  const store = prop.isStatic ? txn.staticsOf(prop.cls) : (self as ApexObject).fields;
  store[prop.lower] = v;
}

export function getStatic(txn: Txn, cls: ClassInfo, lower: string): Value {
  ensureInitialized(txn, cls);
  return txn.staticsOf(cls)[lower] ?? null;
}

export function setStatic(txn: Txn, cls: ClassInfo, lower: string, value: Value): void {
  ensureInitialized(txn, cls);
  txn.staticsOf(cls)[lower] = value;
}

// ---------------------------------------------------------------- the protocol user classes take part in

function userMethod(txn: Txn, obj: ApexObject, lower: string, arity: number): MethodInfo | undefined {
  for (const m of obj.cls.methodsNamed(lower)) {
    if (!m.isStatic && m.params.length === arity && !m.isAbstract) return m;
  }
  return undefined;
}

/** A protocol method declared by a user class; on a stub it goes to the StubProvider like any other call. */
function invokeUser(txn: Txn, obj: ApexObject, m: MethodInfo, args: Value[]): Value {
  if (isStubCall(obj, m)) return callStub(txn, obj, m, args, callInstance, paramTypesOf(txn, m), returnTypeOf(txn, m));
  return invoke(txn, m, obj, args);
}

setObjectProtocol({
  equals(txn, a, b) {
    const m = userMethod(txn, a, 'equals', 1);
    if (!m) return undefined;
    return invokeUser(txn, a, m, [b]) === true;
  },
  hashCode(txn, a) {
    const m = userMethod(txn, a, 'hashcode', 0);
    if (!m) return undefined;
    const h = invokeUser(txn, a, m, []);
    return typeof h === 'number' ? h : 0;
  },
});

setUserToString((txn, obj) => {
  const m = userMethod(txn, obj, 'tostring', 0);
  if (!m) return undefined;
  const s = invokeUser(txn, obj, m, []);
  return typeof s === 'string' ? s : plainText(s);
});
