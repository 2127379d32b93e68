// The loaded program: every Apex class and trigger of the project (parsed lazily, on first use, since a top-level
// class lives in the file of its name), the built-in classes, and type resolution. A Program is shared by every
// transaction of an emulated org; per-transaction state (statics, limits, the running user) lives in Txn.
import type * as A from '../apex/ast';
import { lowerCompilationUnit, lowerTrigger } from '../apex/lower';
import { parseClassSource, parseTriggerSource } from '../apex/parse';
import { EmulatorUnsupportedError } from '../errors';
import type { ApexClassMeta, ApexTriggerMeta } from '../project';
import { ClassInfo, MethodInfo, type FieldInfo, type PropertyInfo } from './classes';
import {
  GENERIC_SOBJECT_TYPE,
  listOf,
  mapOf,
  OBJECT_TYPE,
  primitive,
  PRIMITIVE_NAMES,
  setOf,
  sobjectType,
  VOID_TYPE,
  type ApexType,
  type PrimitiveName,
} from './types';
import { EnumValue } from './values';

/** What the program needs to know of the org schema: which names are SObject types (canonical name back). */
export interface SObjectNames {
  sobjectName(name: string): string | undefined;
}

/** Namespaces whose types can be named with a prefix (`Database.SaveResult`); System and Schema need none. */
const NAMESPACES = new Set([
  'system',
  'schema',
  'database',
  'messaging',
  'auth',
  'apexpages',
  'dom',
  'json',
  'approval',
  'cache',
  'connectapi',
  'eventbus',
  'flow',
  'invocable',
  'process',
  'reports',
  'search',
  'site',
  'support',
  'lxscheduler',
  'txnsecurity',
  'userprovisioning',
  'quickaction',
  'canvas',
  'commercepayments',
  'knowledgearticleversionstandardcontroller',
]);

export interface TriggerInfo {
  name: string;
  object: string;
  events: A.TriggerEvent[];
  decl: A.TriggerDecl;
  cls: ClassInfo;
  body: MethodInfo;
  file: string;
}

/**
 * Syntax trees by file, kept with the source text they were lowered from. A lowered tree depends on nothing but
 * that text and no Program changes it (compiled closures live on ClassInfo/MethodInfo), so every Program of the
 * process that loads the same file — each emulated org, each reset of one — reuses it instead of parsing again.
 * Parsing is most of the cost of a class's first use.
 */
const loweredClasses = new Map<string, { body: string; decl: A.TypeDecl }>();
const loweredTriggers = new Map<string, { body: string; decl: A.TriggerDecl }>();

function loweredClass(body: string, path: string): A.TypeDecl {
  const hit = loweredClasses.get(path);
  if (hit?.body === body) return hit.decl;
  const decl = lowerCompilationUnit(parseClassSource(body, path), path);
  loweredClasses.set(path, { body, decl });
  return decl;
}

function loweredTrigger(body: string, path: string): A.TriggerDecl {
  const hit = loweredTriggers.get(path);
  if (hit?.body === body) return hit.decl;
  const decl = lowerTrigger(parseTriggerSource(body, path), path);
  loweredTriggers.set(path, { body, decl });
  return decl;
}

export class Program {
  /** Built-in classes by lower-case qualified name (`system.string`, `database.saveresult`). */
  private readonly builtins = new Map<string, ClassInfo>();
  /** User top-level classes by lower-case name, loaded on first use. */
  private readonly userClasses = new Map<string, ClassInfo | null>();
  private readonly classSources = new Map<string, ApexClassMeta>();
  readonly triggers: TriggerInfo[] = [];
  /** Coverage: hit counts per line, by project-relative file path. */
  readonly coverage = new Map<string, Uint32Array>();
  private readonly lineCounts = new Map<string, number>();
  private readonly apiVersions = new Map<string, string>();

  constructor(
    classes: ApexClassMeta[],
    triggers: ApexTriggerMeta[],
    readonly sobjects: SObjectNames,
  ) {
    for (const c of classes) {
      if (c.status.toLowerCase() !== 'active' && c.status !== '') continue;
      this.classSources.set(c.name.toLowerCase(), c);
      this.lineCounts.set(c.path, c.body.split('\n').length);
      this.apiVersions.set(c.path, c.apiVersion);
    }
    for (const t of triggers) {
      this.lineCounts.set(t.path, t.body.split('\n').length);
      this.apiVersions.set(t.path, t.apiVersion);
    }
    for (const t of triggers) {
      if (t.status.toLowerCase() !== 'active' && t.status !== '') continue;
      this.loadTrigger(t);
    }
  }

  /** The API version of a class or trigger file (its -meta.xml), as a number. */
  apiVersionOf(file: string): number | undefined {
    const v = this.apiVersions.get(file);
    return v === undefined ? undefined : Number(v);
  }

  /** The coverage counters of a source file (undefined for code that is not in a project file). */
  hitsFor(file: string): Uint32Array | undefined {
    let hits = this.coverage.get(file);
    if (!hits) {
      const lines = this.lineCounts.get(file);
      if (lines === undefined) return undefined;
      hits = new Uint32Array(lines + 2);
      this.coverage.set(file, hits);
    }
    return hits;
  }

  // ------------------------------------------------------------ built-ins

  registerBuiltin(cls: ClassInfo): void {
    this.builtins.set(cls.lower, cls);
    if (cls.namespace) this.builtins.set(`${cls.namespace.toLowerCase()}.${cls.name.toLowerCase()}`, cls);
  }

  builtin(qualifiedLower: string): ClassInfo | undefined {
    return this.builtins.get(qualifiedLower);
  }

  /** Every built-in class, once each (for the generated list of what the emulator supports). */
  allBuiltins(): ClassInfo[] {
    return [...new Set(this.builtins.values())];
  }

  /** A built-in exception class by its Apex name (`System.DmlException`, `DmlException`). */
  builtinException(apexType: string): ClassInfo {
    const lower = apexType.toLowerCase();
    const cls = this.builtins.get(lower) ?? this.builtins.get(`system.${lower}`);
    if (!cls) throw new EmulatorUnsupportedError(`exception type ${apexType}`);
    return cls;
  }

  // ------------------------------------------------------------ user classes

  /** Names of every user class in the project (top level), as declared in the file names. */
  classNames(): string[] {
    return [...this.classSources.values()].map((c) => c.name);
  }

  classSource(name: string): ApexClassMeta | undefined {
    return this.classSources.get(name.toLowerCase());
  }

  /** A top-level user class, parsed and registered on first use. */
  userClass(name: string): ClassInfo | undefined {
    const lower = name.toLowerCase();
    const known = this.userClasses.get(lower);
    if (known !== undefined) return known ?? undefined;
    const source = this.classSources.get(lower);
    if (!source) {
      this.userClasses.set(lower, null);
      return undefined;
    }
    const decl = loweredClass(source.body, source.path);
    const cls = this.declare(decl, undefined, source.path);
    this.userClasses.set(lower, cls);
    this.completeHierarchy(cls);
    return cls;
  }

  /** Registers a type declaration (and its inner types) as ClassInfos; supertypes are linked by completeHierarchy. */
  declare(decl: A.TypeDecl, outer: ClassInfo | undefined, file: string): ClassInfo {
    const apexName = outer ? `${outer.apexName}.${decl.name}` : decl.name;
    const cls = new ClassInfo(decl.name, apexName, decl.kind, outer, decl, undefined);
    cls.file = file;
    cls.annotations = decl.mods.annotations;
    cls.sharing = decl.mods.sharing;
    cls.isAbstract = decl.mods.isAbstract;
    cls.isVirtual = decl.mods.isVirtual;
    cls.isTest = !!cls.annotation('IsTest') || (outer?.isTest ?? false);
    if (outer) outer.inner.set(decl.name.toLowerCase(), cls);
    if (decl.kind === 'enum') {
      cls.enumValues = decl.values.map((v, i) => new EnumValue(cls, v.toUpperCase() === v ? v : v, i));
    } else if (decl.kind === 'interface') {
      for (const m of decl.methods) this.addMethod(cls, m);
    } else {
      for (const member of decl.members) this.addMember(cls, member, file);
    }
    cls.membersLoaded = true;
    return cls;
  }

  private addMethod(cls: ClassInfo, m: A.MethodDecl): MethodInfo {
    const info = new MethodInfo(
      m.name,
      cls,
      'method',
      m.mods.isStatic,
      m.params.map((p) => ({ name: p.name, typeRef: p.type })),
      m.returnType,
      m,
      m.mods,
    );
    const list = cls.methods.get(info.lower);
    if (list) list.push(info);
    else cls.methods.set(info.lower, [info]);
    return info;
  }

  /** Declares a member on a class built outside a source file (anonymous blocks). */
  declareMember(cls: ClassInfo, member: A.MemberDecl, file: string): void {
    this.addMember(cls, member, file);
  }

  private addMember(cls: ClassInfo, member: A.MemberDecl, file: string): void {
    switch (member.kind) {
      case 'method':
        this.addMethod(cls, member);
        return;
      case 'constructor':
        cls.constructors.push(
          new MethodInfo(
            member.name,
            cls,
            'constructor',
            false,
            member.params.map((p) => ({ name: p.name, typeRef: p.type })),
            undefined,
            member,
            member.mods,
          ),
        );
        return;
      case 'field':
        for (const d of member.declarators) {
          const field: FieldInfo = {
            name: d.name,
            lower: d.name.toLowerCase(),
            cls,
            isStatic: member.mods.isStatic,
            isFinal: member.mods.isFinal,
            typeRef: member.type,
            ...(d.init ? { init: d.init } : {}),
            mods: member.mods,
            loc: d.loc,
          };
          cls.fields.set(field.lower, field);
          (field.isStatic ? cls.staticInit : cls.instanceInit).push({ kind: 'field', field });
        }
        return;
      case 'property': {
        const prop: PropertyInfo = {
          name: member.name,
          lower: member.name.toLowerCase(),
          cls,
          isStatic: member.mods.isStatic,
          typeRef: member.type,
          hasGetter: !!member.getter,
          hasSetter: !!member.setter,
          mods: member.mods,
          decl: member,
        };
        if (member.getter?.body) {
          prop.getter = new MethodInfo(
            `get${member.name}`,
            cls,
            'getter',
            member.mods.isStatic,
            [],
            member.type,
            member.getter,
            member.mods,
          );
        }
        if (member.setter?.body) {
          prop.setter = new MethodInfo(
            `set${member.name}`,
            cls,
            'setter',
            member.mods.isStatic,
            [{ name: 'value', typeRef: member.type }],
            undefined,
            member.setter,
            member.mods,
          );
        }
        cls.properties.set(prop.lower, prop);
        return;
      }
      case 'initializer': {
        const method = new MethodInfo(
          member.isStatic ? '<clinit>' : '<init>',
          cls,
          'initializer',
          member.isStatic,
          [],
          undefined,
          { kind: 'method', mods: emptyMods(), name: '<init>', params: [], body: member.body, loc: member.loc },
          emptyMods(),
        );
        (member.isStatic ? cls.staticInit : cls.instanceInit).push({ kind: 'block', method });
        return;
      }
      case 'class':
      case 'interface':
      case 'enum':
        this.declare(member, cls, file);
        return;
    }
  }

  /** Links superclasses and interfaces of a class and its inner types (after they are all declared). */
  completeHierarchy(cls: ClassInfo): void {
    const decl = cls.decl;
    if (decl?.kind === 'class') {
      if (decl.extendsType) {
        const sup = this.resolveType(decl.extendsType, cls.outer ?? cls);
        if (sup.kind !== 'class') {
          throw new EmulatorUnsupportedError(`extending ${decl.extendsType.names.map((n) => n.name).join('.')}`);
        }
        cls.superclass = sup.cls;
      }
      cls.interfaces = decl.implementsTypes.map((t) => this.classTypeOf(t, cls));
    } else if (decl?.kind === 'interface') {
      cls.interfaces = decl.extendsTypes.map((t) => this.classTypeOf(t, cls));
    }
    if (!cls.superclass && decl?.kind === 'class') {
      // Every class is an Object; nothing to link. Exceptions must extend Exception explicitly.
    }
    for (const inner of cls.inner.values()) this.completeHierarchy(inner);
  }

  private classTypeOf(t: A.TypeRefNode, from: ClassInfo): ClassInfo {
    const resolved = this.resolveType(t, from);
    if (resolved.kind !== 'class') {
      throw new EmulatorUnsupportedError(`implementing ${t.names.map((n) => n.name).join('.')}`);
    }
    return resolved.cls;
  }

  private loadTrigger(t: ApexTriggerMeta): void {
    const decl = loweredTrigger(t.body, t.path);
    const cls = new ClassInfo(decl.name, decl.name, 'class', undefined, undefined, undefined);
    cls.file = t.path;
    for (const member of decl.members) this.addMember(cls, member, t.path);
    const body = new MethodInfo(decl.name, cls, 'trigger', true, [], undefined, decl, emptyMods());
    this.triggers.push({ name: decl.name, object: decl.object, events: decl.events, decl, cls, body, file: t.path });
  }

  // ------------------------------------------------------------ types

  /** Resolves a written type in the context of a class (its inner types and those of its outer classes). */
  resolveType(t: A.TypeRefNode, from: ClassInfo | undefined): ApexType {
    let type = this.resolveTypeNames(t, from);
    for (let i = 0; i < t.arrayDims; i += 1) type = listOf(type);
    return type;
  }

  private resolveTypeNames(t: A.TypeRefNode, from: ClassInfo | undefined): ApexType {
    const first = t.names[0];
    if (!first) throw new EmulatorUnsupportedError('empty type name');
    const lower = first.name.toLowerCase();
    if (t.names.length === 1) {
      const args = first.args.map((a) => this.resolveType(a, from));
      if (lower === 'list' || lower === 'set') {
        const element = args[0];
        if (!element) throw new EmulatorUnsupportedError(`${first.name} without a type argument`);
        return lower === 'list' ? listOf(element) : setOf(element);
      }
      if (lower === 'map') {
        const [k, v] = args;
        if (!k || !v) throw new EmulatorUnsupportedError('Map without two type arguments');
        return mapOf(k, v);
      }
      if (lower === 'iterable' || lower === 'iterator') {
        const cls = this.builtins.get(`system.${lower}`);
        if (cls) return { kind: 'class', cls };
      }
    }
    const found = this.lookupTypeName(
      t.names.map((n) => n.name),
      from,
    );
    if (!found) {
      throw new EmulatorUnsupportedError(`type ${t.names.map((n) => n.name).join('.')}`, locText(t, from));
    }
    return found;
  }

  /** A dotted type name (`IntakeService.Result`, `Schema.SObjectField`, `Account`), or undefined. */
  lookupTypeName(parts: string[], from: ClassInfo | undefined): ApexType | undefined {
    const [head, ...rest] = parts;
    if (head === undefined) return undefined;
    const lower = head.toLowerCase();
    if (rest.length === 0) {
      if (PRIMITIVE_NAMES.has(lower)) return primitive(canonicalPrimitive(lower));
      if (lower === 'object') return OBJECT_TYPE;
      if (lower === 'void') return VOID_TYPE;
      if (lower === 'sobject') return GENERIC_SOBJECT_TYPE;
    }
    let cls = this.lookupClassName(lower, from);
    if (cls) {
      const found = this.walkInner(cls, rest);
      if (found || !NAMESPACES.has(lower)) return found;
    }
    if (rest.length === 0) {
      const sobject = this.sobjects.sobjectName(head);
      if (sobject) return sobjectType(sobject);
    }
    if (NAMESPACES.has(lower) && rest.length > 0) {
      const [second, ...more] = rest as [string, ...string[]];
      const secondLower = second.toLowerCase();
      if (lower === 'system' || lower === 'schema') {
        if (more.length === 0) {
          if (PRIMITIVE_NAMES.has(secondLower) && lower === 'system') return primitive(canonicalPrimitive(secondLower));
          if (secondLower === 'object' && lower === 'system') return OBJECT_TYPE;
          if (secondLower === 'sobject' && lower === 'schema') return GENERIC_SOBJECT_TYPE;
        }
        if (lower === 'schema' && more.length === 0) {
          const sobject = this.sobjects.sobjectName(second);
          if (sobject) return sobjectType(sobject);
        }
      }
      cls = this.builtins.get(`${lower}.${secondLower}`);
      if (cls) return this.walkInner(cls, more);
    }
    return undefined;
  }

  private walkInner(cls: ClassInfo, rest: string[]): ApexType | undefined {
    let current = cls;
    for (const name of rest) {
      const inner = current.findInner(name.toLowerCase());
      if (!inner) return undefined;
      current = inner;
    }
    return { kind: 'class', cls: current };
  }

  /**
   * A class named by one identifier, seen from `from`: an inner type of `from` or of its outer classes, a top-level
   * user class, then a System or Schema built-in (both namespaces are implicit).
   */
  lookupClassName(lower: string, from: ClassInfo | undefined): ClassInfo | undefined {
    for (let c = from; c; c = c.outer) {
      if (c.lower === lower && !c.outer) return c;
      const inner = c.findInner(lower);
      if (inner) return inner;
    }
    const user = this.userClass(lower);
    if (user) return user;
    return this.builtins.get(`system.${lower}`) ?? this.builtins.get(`schema.${lower}`);
  }

  isNamespace(lower: string): boolean {
    return NAMESPACES.has(lower);
  }
}

function canonicalPrimitive(lower: string): PrimitiveName {
  const names: Record<string, PrimitiveName> = {
    integer: 'Integer',
    long: 'Long',
    double: 'Double',
    decimal: 'Decimal',
    string: 'String',
    boolean: 'Boolean',
    id: 'Id',
    date: 'Date',
    datetime: 'Datetime',
    time: 'Time',
    blob: 'Blob',
  };
  return names[lower] as PrimitiveName;
}

function locText(t: A.TypeRefNode, from: ClassInfo | undefined): string {
  const file = from?.topLevel.file ?? from?.file;
  return file ? `${file}:${t.loc.line}` : `line ${t.loc.line}`;
}

export function emptyMods(): A.Modifiers {
  return {
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
}
