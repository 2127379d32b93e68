// Classes, interfaces and enums as the interpreter knows them: user-defined ones built from their declarations, and
// built-in ones (the System namespace and friends) whose methods are TypeScript functions (library/).
import type * as A from '../apex/ast';
import type { Frame } from './frame';
import type { Txn } from './transaction';
import type { ApexType } from './types';
import type { EnumValue, Value } from './values';

export type ClassKind = 'class' | 'interface' | 'enum';

/** A built-in method: receives the transaction, the receiver (null for statics) and the evaluated arguments. */
export type NativeMethod = (txn: Txn, self: Value, args: Value[]) => Value;

export interface NativeProperty {
  get: (txn: Txn, self: Value) => Value;
  set?: (txn: Txn, self: Value, value: Value) => void;
}

export interface ParamInfo {
  name: string;
  typeRef: A.TypeRefNode;
}

export type MethodKind = 'method' | 'constructor' | 'getter' | 'setter' | 'trigger' | 'anonymous' | 'initializer';

/** A compiled body: runs in a frame and leaves its return value in `frame.ret`. */
export type CompiledBody = (frame: Frame) => void;

export class MethodInfo {
  readonly lower: string;
  /** Filled by the compiler on first call. */
  compiled: CompiledBody | undefined;
  /** Number of local slots the compiled body needs (parameters first). */
  slotCount = 0;
  /** Parameter types, resolved on first call. */
  paramTypes: ApexType[] | undefined;
  returnType: ApexType | undefined;
  /** An @future method: calls are queued (Apex Developer Guide, "Future Methods"). */
  readonly isFuture: boolean;

  constructor(
    readonly name: string,
    readonly cls: ClassInfo,
    readonly kind: MethodKind,
    readonly isStatic: boolean,
    readonly params: ParamInfo[],
    readonly returnTypeRef: A.TypeRefNode | undefined,
    readonly decl: A.MethodDecl | A.ConstructorDecl | A.PropertyAccessor | A.TriggerDecl | A.AnonymousDecl | undefined,
    readonly mods: A.Modifiers,
    readonly native?: NativeMethod,
  ) {
    this.lower = name.toLowerCase();
    this.isFuture = mods.annotations.some((a) => a.name.toLowerCase() === 'future');
  }

  get isAbstract(): boolean {
    return !this.native && (this.mods.isAbstract || (this.kind === 'method' && !(this.decl as A.MethodDecl)?.body));
  }

  /** `Class.method` as stack traces print it (`<init>` for constructors). */
  get traceName(): string {
    if (this.kind === 'constructor') return `${this.cls.apexName}.<init>`;
    if (this.kind === 'initializer') return `${this.cls.apexName}.${this.isStatic ? '<clinit>' : '<init>'}`;
    return `${this.cls.apexName}.${this.name}`;
  }

  annotation(name: string): A.Annotation | undefined {
    const lower = name.toLowerCase();
    return this.mods.annotations.find((a) => a.name.toLowerCase() === lower);
  }
}

export interface FieldInfo {
  name: string;
  lower: string;
  cls: ClassInfo;
  isStatic: boolean;
  isFinal: boolean;
  typeRef: A.TypeRefNode;
  type?: ApexType;
  init?: A.Expr;
  mods: A.Modifiers;
  loc: A.Loc;
}

export interface PropertyInfo {
  name: string;
  lower: string;
  cls: ClassInfo;
  isStatic: boolean;
  typeRef: A.TypeRefNode;
  type?: ApexType;
  getter?: MethodInfo;
  setter?: MethodInfo;
  hasGetter: boolean;
  hasSetter: boolean;
  mods: A.Modifiers;
  decl: A.PropertyDecl;
}

/** One member initialised when a class or an instance is initialised, in declaration order. */
export type InitStep = { kind: 'field'; field: FieldInfo } | { kind: 'block'; method: MethodInfo };

export class ClassInfo {
  readonly lower: string;
  superclass: ClassInfo | undefined;
  interfaces: ClassInfo[] = [];
  readonly fields = new Map<string, FieldInfo>();
  readonly properties = new Map<string, PropertyInfo>();
  readonly methods = new Map<string, MethodInfo[]>();
  readonly constructors: MethodInfo[] = [];
  readonly inner = new Map<string, ClassInfo>();
  readonly staticInit: InitStep[] = [];
  readonly instanceInit: InitStep[] = [];
  enumValues: EnumValue[] = [];
  /** Built-in statics and instance members. */
  readonly nativeStatics = new Map<string, NativeMethod>();
  readonly nativeMethods = new Map<string, NativeMethod>();
  readonly nativeStaticProperties = new Map<string, NativeProperty>();
  readonly nativeProperties = new Map<string, NativeProperty>();
  /** Built-in `new X(args)`. */
  nativeConstruct: ((txn: Txn, args: Value[], cls: ClassInfo) => Value) | undefined;
  /** Set once the declaration's members are registered (user classes). */
  membersLoaded = false;
  /** Source file (project-relative path) of a user class; undefined for built-ins. */
  file: string | undefined;
  annotations: A.Annotation[] = [];
  sharing: A.SharingKeyword | undefined;
  isAbstract = false;
  isVirtual = false;
  /** A test class (`@IsTest`): its code does not count toward coverage. */
  isTest = false;
  private subtypeCache = new Map<ClassInfo, boolean>();

  constructor(
    /** Simple name, as declared. */
    readonly name: string,
    /** The name Apex prints: `Outer.Inner` for user classes, `String`, `Database.SaveResult` … for built-ins. */
    readonly apexName: string,
    readonly kind: ClassKind,
    readonly outer: ClassInfo | undefined,
    readonly decl: A.ClassDecl | A.InterfaceDecl | A.EnumDecl | undefined,
    /** Namespace of a built-in (`System`, `Database`, `Schema` …); undefined for user classes. */
    readonly namespace: string | undefined,
  ) {
    this.lower = apexName.toLowerCase();
  }

  get isBuiltin(): boolean {
    return this.namespace !== undefined;
  }

  get isInterface(): boolean {
    return this.kind === 'interface';
  }

  isSubtypeOf(other: ClassInfo): boolean {
    if (other === this) return true;
    const cached = this.subtypeCache.get(other);
    if (cached !== undefined) return cached;
    let result = false;
    if (this.superclass?.isSubtypeOf(other)) result = true;
    else result = this.interfaces.some((i) => i.isSubtypeOf(other));
    this.subtypeCache.set(other, result);
    return result;
  }

  /** Whether this class is System.Exception or extends it. */
  get isException(): boolean {
    return this.lower === 'exception' || (this.superclass?.isException ?? false);
  }

  annotation(name: string): A.Annotation | undefined {
    const lower = name.toLowerCase();
    return this.annotations.find((a) => a.name.toLowerCase() === lower);
  }

  /** This class and its superclasses, nearest first. */
  chain(): ClassInfo[] {
    const out: ClassInfo[] = [];
    for (let c: ClassInfo | undefined = this.superclass; c; c = c.superclass) out.push(c);
    out.unshift(this);
    return out;
  }

  /** Own and inherited methods named `lower`, most derived first. */
  methodsNamed(lower: string): MethodInfo[] {
    const found: MethodInfo[] = [];
    const seen = new Set<ClassInfo>();
    const walk = (c: ClassInfo | undefined): void => {
      if (!c || seen.has(c)) return;
      seen.add(c);
      const own = c.methods.get(lower);
      if (own) found.push(...own);
      walk(c.superclass);
      for (const i of c.interfaces) walk(i);
    };
    walk(this);
    return found;
  }

  /** A field declared here or in a superclass. */
  findField(lower: string): FieldInfo | undefined {
    for (const c of this.chain()) {
      const f = c.fields.get(lower);
      if (f) return f;
    }
    return undefined;
  }

  findProperty(lower: string): PropertyInfo | undefined {
    for (const c of this.chain()) {
      const p = c.properties.get(lower);
      if (p) return p;
    }
    return undefined;
  }

  findNativeMethod(lower: string): NativeMethod | undefined {
    for (const c of this.chain()) {
      const m = c.nativeMethods.get(lower);
      if (m) return m;
    }
    return undefined;
  }

  findNativeProperty(lower: string): NativeProperty | undefined {
    for (const c of this.chain()) {
      const p = c.nativeProperties.get(lower);
      if (p) return p;
    }
    return undefined;
  }

  /** An inner type of this class or of a superclass. */
  findInner(lower: string): ClassInfo | undefined {
    for (const c of this.chain()) {
      const t = c.inner.get(lower);
      if (t) return t;
    }
    return undefined;
  }

  /** The outermost class (for a top-level class, itself). */
  get topLevel(): ClassInfo {
    return this.outer ? this.outer.topLevel : this;
  }
}
