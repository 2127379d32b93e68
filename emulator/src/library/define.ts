// How a built-in class of the Apex library is declared: its namespace and name, its static and instance methods
// and properties as TypeScript functions. Methods are looked up by name (case-insensitive); a method receives the
// transaction, the receiver and the evaluated arguments and resolves its own overloads by arity and type.
// Anything not declared here is reported as unsupported by the interpreter, never silently answered.
import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { ApexId } from '../values/Id';
import { ClassInfo, type NativeMethod, type NativeProperty } from '../runtime/classes';
import { setMemberFallback } from '../runtime/invoke';
import type { Program } from '../runtime/program';
import type { Txn } from '../runtime/transaction';
import { EnumValue, type ApexObject, type Value } from '../runtime/values';

export interface BuiltinSpec {
  /** Simple name, e.g. `String`, `SaveResult`. */
  name: string;
  /** `System`, `Database`, `Schema`, `Messaging` … */
  namespace: string;
  kind?: 'class' | 'interface' | 'enum';
  /** Qualified name of a built-in superclass, e.g. `System.Exception`. */
  superclass?: string;
  interfaces?: string[];
  enumValues?: string[];
  statics?: Record<string, NativeMethod>;
  methods?: Record<string, NativeMethod>;
  staticProperties?: Record<string, NativeProperty>;
  properties?: Record<string, NativeProperty>;
  construct?: (txn: Txn, args: Value[], cls: ClassInfo) => Value;
  /** Members named at run time (`describe.fields.Name`). */
  memberFallback?: (txn: Txn, self: ApexObject, name: string) => Value;
  /** Static members named at run time (`Schema.SObjectType.Account`). */
  staticFallback?: (txn: Txn, name: string) => Value | undefined;
  /** Virtual built-ins (Exception) can be extended by user classes. */
  isVirtual?: boolean;
}

const staticFallbacks = new Map<ClassInfo, (txn: Txn, name: string) => Value | undefined>();

export function staticFallbackOf(cls: ClassInfo): ((txn: Txn, name: string) => Value | undefined) | undefined {
  return staticFallbacks.get(cls);
}

/** Declares a built-in class on a program. */
export function defineBuiltin(program: Program, spec: BuiltinSpec): ClassInfo {
  const apexName = spec.namespace === 'System' ? spec.name : `${spec.namespace}.${spec.name}`;
  const existing = program.builtin(`${spec.namespace.toLowerCase()}.${spec.name.toLowerCase()}`);
  const cls =
    existing ?? new ClassInfo(spec.name, apexName, spec.kind ?? 'class', undefined, undefined, spec.namespace);
  if (spec.superclass) {
    const sup = program.builtin(spec.superclass.toLowerCase());
    if (!sup) throw new Error(`built-in ${apexName}: superclass ${spec.superclass} is not defined yet`);
    cls.superclass = sup;
  }
  for (const i of spec.interfaces ?? []) {
    const iface = program.builtin(i.toLowerCase());
    if (!iface) throw new Error(`built-in ${apexName}: interface ${i} is not defined yet`);
    cls.interfaces.push(iface);
  }
  cls.isVirtual = spec.isVirtual ?? false;
  for (const [n, m] of Object.entries(spec.statics ?? {})) cls.nativeStatics.set(n.toLowerCase(), m);
  for (const [n, m] of Object.entries(spec.methods ?? {})) cls.nativeMethods.set(n.toLowerCase(), m);
  for (const [n, p] of Object.entries(spec.staticProperties ?? {})) cls.nativeStaticProperties.set(n.toLowerCase(), p);
  for (const [n, p] of Object.entries(spec.properties ?? {})) cls.nativeProperties.set(n.toLowerCase(), p);
  if (spec.construct) cls.nativeConstruct = spec.construct;
  if (spec.enumValues) cls.enumValues = spec.enumValues.map((v, i) => new EnumValue(cls, v, i));
  if (spec.memberFallback) setMemberFallback(cls, spec.memberFallback);
  if (spec.staticFallback) staticFallbacks.set(cls, spec.staticFallback);
  cls.membersLoaded = true;
  if (!existing) program.registerBuiltin(cls);
  return cls;
}

/** The enum constant of a built-in enum (`System.RoundingMode`, `Schema.DisplayType` …). */
export function enumConstant(program: Program, enumName: string, constant: string): EnumValue {
  const cls = program.builtin(enumName.toLowerCase());
  const value = cls?.enumValues.find((v) => v.name.toLowerCase() === constant.toLowerCase());
  if (!value) throw new Error(`emulator: ${enumName}.${constant} is not defined`);
  return value;
}

// ---------------------------------------------------------------- argument helpers

export function nullArgument(): ApexPlatformError {
  return new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
}

export function arg(args: Value[], i: number): Value {
  return args[i] ?? null;
}

export function stringArg(args: Value[], i: number): string {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (typeof v === 'string') return v;
  if (v instanceof ApexId) return v.value;
  throw new ApexPlatformError('System.TypeException', `Expected a String argument, got ${typeof v}`);
}

export function optionalStringArg(args: Value[], i: number): string | null {
  const v = args[i] ?? null;
  if (v === null) return null;
  return stringArg(args, i);
}

export function integerArg(args: Value[], i: number): number {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(BigInt.asIntN(32, v));
  throw new ApexPlatformError('System.TypeException', `Expected an Integer argument, got ${typeof v}`);
}

export function booleanArg(args: Value[], i: number): boolean {
  const v = args[i] ?? null;
  if (v === null) throw nullArgument();
  if (typeof v === 'boolean') return v;
  throw new ApexPlatformError('System.TypeException', `Expected a Boolean argument, got ${typeof v}`);
}

/** Throws the unsupported error for an overload the emulator does not implement. */
export function noOverload(method: string, args: Value[]): never {
  throw new EmulatorUnsupportedError(`${method} with ${args.length} argument(s) of these types`);
}
