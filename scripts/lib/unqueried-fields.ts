// Layer (d), rule UnqueriedField: a field read on a record that came from a SELECT which does not list that field.
// The platform throws at the read, not at the query: "SObject row was retrieved via SOQL without querying the
// requested field" (Apex Developer Guide, "Working with SOQL and SOSL Query Results",
// developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/langCon_apex_SOQL_working_with_results.htm: a
// field that was not selected, other than Id, is a runtime error). apex-ls and PMD do not see it, so this check
// follows query results through the program on the apex-parser tree and reports reads of fields not selected.
//
// What it follows (flow-insensitive and context-insensitive, run to a fixpoint over all classes and triggers):
//   - static SOQL (`[SELECT …]`) and dynamic SOQL read with Database.query* whose SELECT … FROM part is a constant
//     string (literals, `final` fields and never-reassigned locals joined with `+`);
//   - locals, parameters, return values, class fields and properties (one location per field, whatever instance);
//   - collections: for-each loops, `[i]`, get/values/remove/clone, add/addAll/put/putAll/set, the copy
//     constructors (`new Map<Id, X>(rows)`) and collection initialisers;
//   - parent paths (`row.Parent__r.Field__c`) and child sub-queries (`row.Children__r`, their rows and fields);
//   - calls resolved by class, name and arity (unqualified, static, on a typed receiver, overrides in subclasses).
// Precision before recall (a finding must be a real defect):
//   - a value only flows into a location whose declared type holds records of the query's object (or SObject);
//   - a field assigned anywhere on rows of a query (`row.X = …`, `row.put('X', …)`) counts as available on every
//     row of that query, so a read placed before the write is missed, never invented;
//   - where query rows and records built in code (`new X(…)`) meet in one local, class field or `?:`, the rows are
//     followed but not reported: which one a read sees depends on a branch this check does not follow;
//   - the foreign key beside a selected parent path (Run__c with Run__r.Name selected) is taken as selected.
// Not followed: records from Trigger context, SOSL, JSON, Security.stripInaccessible, the batch start()→execute()
// hand-off, and SELECTs assembled from non-constant strings.
import { relative } from 'node:path';
import {
  ApexErrorListener,
  ApexParserFactory,
  ArrayExpressionContext,
  Arth2ExpressionContext,
  AssignExpressionContext,
  BlockContext,
  BoundExpressionContext,
  CastExpressionContext,
  CatchClauseContext,
  ClassBodyDeclarationContext,
  ClassDeclarationContext,
  CoalExpressionContext,
  CompilationUnitContext,
  CondExpressionContext,
  DotExpressionContext,
  ExpressionContext,
  ForStatementContext,
  IdPrimaryContext,
  InterfaceDeclarationContext,
  LiteralPrimaryContext,
  LocalVariableDeclarationContext,
  MemberDeclarationContext,
  MethodCallExpressionContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  QueryContext,
  ReturnStatementContext,
  SoqlPrimaryContext,
  SubExpressionContext,
  SubQueryContext,
  SuperPrimaryContext,
  SwitchStatementContext,
  ThisPrimaryContext,
  TriggerBlockMemberContext,
  TriggerUnitContext,
  type ApexParserRuleContext,
  type TriggerMemberDeclarationContext,
  type FormalParametersContext,
  type SelectEntryContext,
  type SubFieldEntryContext,
  type TypeRefContext,
} from '@apexdevtools/apex-parser';
import { parseApexFiles, type ApexTree } from './apex-trees';
import type { Finding } from './findings';
import { ProjectSchema, type SObjectSchema } from './sobject-schema';

// ---------------------------------------------------------------------------------------------------------------
// Program model

/** A declared Apex type, names lower-cased; `context` is the class the name is resolved from. */
interface TypeInfo {
  /** The full name as written, e.g. `map`, `approvalrouter.routingresult`, `schema.account`. */
  qualified: string;
  args: TypeInfo[];
  /** Number of `[]` after the name. */
  array: number;
  context?: ClassInfo;
}

/** Where records can be kept: a local, parameter, return value or class field. Holds query shapes by id. */
interface Location {
  kind: 'local' | 'field' | 'param' | 'return';
  type?: TypeInfo;
  shapes: Set<number>;
  /** What each statement that stores here brought: 1 = query rows, 2 = records built in code. */
  sites: Map<ApexParserRuleContext, number>;
  /** Assigned query rows by one statement and records built in code by another (see Analysis.findJoins). */
  join: boolean;
  /** The field or local's initialiser, for constant folding of SOQL strings. */
  initializer?: ExpressionContext;
  /** Declared `final`, or a local never assigned after its declaration. */
  constant?: boolean;
}

interface MethodInfo {
  name: string;
  cls: ClassInfo;
  params: { name: string; loc: Location }[];
  ret: Location;
}

interface ClassInfo {
  /** Lower-cased qualified name, e.g. `approvalrouter.routingresult`. */
  key: string;
  name: string;
  outer?: ClassInfo;
  supers: TypeInfo[];
  fields: Map<string, Location>;
  methods: Map<string, MethodInfo[]>;
  ctors: MethodInfo[];
  inners: Map<string, ClassInfo>;
  file: string;
}

/** Code to walk: a method, constructor, accessor or initialiser body, with what `return` feeds. */
interface Body {
  cls: ClassInfo;
  node: ApexParserRuleContext;
  params: { name: string; loc: Location }[];
  ret?: Location;
  /** A field initialiser: the expression's value is stored here. */
  target?: Location;
}

/** What a query returns for one object: the selected fields, parent paths and child sub-queries. */
interface Shape {
  id: number;
  /** The object's API name as written in the query (or resolved through a relationship); '' when unknown. */
  object: string;
  fields: Set<string>;
  parents: Map<string, Shape>;
  children: Map<string, Shape>;
  /** Fields assigned somewhere on rows of this shape. */
  written: Set<string>;
  /** FIELDS(…), TYPEOF or an assigned relationship: anything may be read. */
  opaque: boolean;
  /** A relationship the query did not select: nothing on it was queried. */
  phantom: boolean;
  /** Relationship path from the query's FROM object, e.g. `Run__r.`; '' for the FROM object itself. */
  path: string;
  origin: { file: string; line: number };
  /** Records built in code (`new X(…)`): every field they hold was set, so nothing is checked on them. */
  built: boolean;
  /** This query's rows as read from a join location: followed, never reported (see Analysis.findJoins). */
  weak: boolean;
  twin?: Shape;
}

interface Val {
  type?: TypeInfo;
  shapes: ReadonlySet<number>;
  /** The location this value lives in, so `value.add(x)` stores into it. */
  root?: Location;
  /** The expression names a class (static access). */
  classRef?: ClassInfo;
}

const NONE: Val = { shapes: new Set() };

class Scope {
  private readonly vars = new Map<string, Location>();
  constructor(readonly parent?: Scope) {}
  declare(name: string, loc: Location): void {
    this.vars.set(name.toLowerCase(), loc);
  }
  lookup(name: string): Location | undefined {
    return this.vars.get(name) ?? this.parent?.lookup(name);
  }
}

interface Walk {
  cls: ClassInfo;
  scope: Scope;
  ret?: Location;
  body: Body;
}

/** Counts syntax errors when a constant SOQL string is parsed. */
class CollectingListener extends ApexErrorListener {
  errors = 0;
  apexSyntaxError(): void {
    this.errors += 1;
  }
}

const lower = (s: string): string => s.toLowerCase();

/** The rule-context children of a node (terminals left out). */
function rules(ctx: ApexParserRuleContext): ApexParserRuleContext[] {
  return (ctx.children ?? []).filter(
    (c): c is ApexParserRuleContext => typeof c === 'object' && c !== null && 'children' in c && 'start' in c,
  );
}

/** ANTLR accessors return null for absent children although their types say otherwise. */
function opt<T>(value: T): T | undefined {
  return value ?? undefined;
}

/** Whether a class or trigger member carries a modifier (modifiers sit on the enclosing declaration). */
function memberHasModifier(member: MemberDeclarationContext | TriggerMemberDeclarationContext, word: string): boolean {
  const holder = member.parentCtx;
  const modifiers =
    holder instanceof ClassBodyDeclarationContext || holder instanceof TriggerBlockMemberContext
      ? holder.modifier_list()
      : [];
  return modifiers.some((m) => lower(m.getText()) === word);
}

function typeOf(ref: TypeRefContext, context: ClassInfo | undefined): TypeInfo {
  const names = ref.typeName_list();
  const qualified = names
    .map((n) => (opt(n.LIST()) ? 'list' : opt(n.SET()) ? 'set' : opt(n.MAP()) ? 'map' : lower(n.id()?.getText() ?? '')))
    .join('.');
  const last = names[names.length - 1];
  const args = opt(last?.typeArguments())
    ?.typeList()
    .typeRef_list()
    .map((r) => typeOf(r, context));
  const array = opt(ref.arraySubscripts())?.LBRACK_list().length ?? 0;
  return { qualified, args: args ?? [], array, context };
}

const named = (qualified: string, args: TypeInfo[] = [], context?: ClassInfo): TypeInfo => ({
  qualified,
  args,
  array: 0,
  context,
});
const listOf = (element: TypeInfo): TypeInfo => named('list', [element]);

function isCollection(type: TypeInfo | undefined): boolean {
  return !!type && (type.array > 0 || ['list', 'set', 'map'].includes(type.qualified));
}

function elementType(type: TypeInfo | undefined): TypeInfo | undefined {
  if (!type) return undefined;
  if (type.array > 0) return { ...type, array: type.array - 1 };
  if (type.qualified === 'list' || type.qualified === 'set') return type.args[0];
  if (type.qualified === 'map') return type.args[1];
  return undefined;
}

/** The object a location's records belong to: the innermost element type, without `Schema.`. */
function leafName(type: TypeInfo): string {
  let t: TypeInfo | undefined = type;
  while (t && isCollection(t)) t = elementType(t);
  const name = t?.qualified ?? '';
  return name.startsWith('schema.') ? name.slice('schema.'.length) : name;
}

/** String literal contents with Apex escapes undone (only what SOQL text needs). */
function unquote(text: string): string {
  return text.slice(1, -1).replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

// ---------------------------------------------------------------------------------------------------------------
// The analysis

/** How many reads were checked, and the reads of fields their query did not select. */
export interface UnqueriedFieldsResult {
  findings: Finding[];
  /** Field reads on records traced to a query. */
  reads: number;
  /** Queries whose rows were followed (static, and dynamic with a constant SELECT … FROM). */
  queries: number;
}

/**
 * Reads of unqueried fields in `files` (Apex classes and triggers). The schema tells fields, parent relationships
 * and child relationships apart; standard objects are loaded into it as the queries need them. Pass the soql
 * layer's parse and schema to reuse them. Files with syntax errors are skipped (layer (a) reports them).
 */
export function checkUnqueriedFields(
  projectDir: string,
  files: string[],
  shared: { trees?: ApexTree[]; schema?: ProjectSchema } = {},
): UnqueriedFieldsResult {
  let schema = shared.schema;
  if (!schema) {
    schema = new ProjectSchema(projectDir);
    schema.loadStandard(schema.standardObjectsReferenced());
    schema.applyPendingFields();
  }
  const analysis = new Analysis(projectDir, schema);
  for (const { file, tree } of shared.trees ?? parseApexFiles(files)) analysis.addFile(file, tree);
  return analysis.run();
}

class Analysis {
  private readonly classes = new Map<string, ClassInfo>();
  private readonly topLevel = new Map<string, ClassInfo>();
  private readonly subclasses = new Map<ClassInfo, Set<ClassInfo>>();
  private readonly bodies: Body[] = [];
  private readonly shapes: Shape[] = [];
  private readonly shapeByQuery = new Map<ApexParserRuleContext, Shape | null>();
  private readonly dynamicShapes = new Map<ApexParserRuleContext, Map<string, Shape | null>>();
  private readonly locals = new Map<ApexParserRuleContext, Location>();
  private readonly locations: Location[] = [];
  private readonly builtByObject = new Map<string, Shape>();
  private readonly folding = new Set<Location>();
  private changed = false;
  private reporting = false;
  private readonly reads = new Set<string>();
  /** Unqueried reads by file, line and name: what was read, and the queries (`file:line`) whose rows lack it. */
  private readonly missing = new Map<
    string,
    { file: string; line: number; column: number; what: string; origins: Set<string> }
  >();
  private currentFile = '';

  constructor(
    private readonly projectDir: string,
    private readonly schema: ProjectSchema,
  ) {}

  addFile(file: string, tree: ApexTree['tree']): void {
    if (tree instanceof CompilationUnitContext) {
      const decl = tree.typeDeclaration();
      const cls = opt(decl.classDeclaration()) ?? opt(decl.interfaceDeclaration());
      if (cls) this.addClass(cls, undefined, file);
    } else if (tree instanceof TriggerUnitContext) {
      const cls = this.newClass(tree.id(0).getText(), undefined, file);
      const statements: ApexParserRuleContext[] = [];
      for (const member of tree.triggerBlock().triggerBlockMember_list()) {
        const decl = opt(member.triggerMemberDeclaration());
        if (decl) this.addMember(cls, decl, file);
        const statement = opt(member.statement());
        if (statement) statements.push(statement);
      }
      for (const node of statements) this.bodies.push({ cls, node, params: [] });
    }
  }

  private newClass(name: string, outer: ClassInfo | undefined, file: string): ClassInfo {
    const key = outer ? `${outer.key}.${lower(name)}` : lower(name);
    const cls: ClassInfo = {
      key,
      name,
      outer,
      supers: [],
      fields: new Map(),
      methods: new Map(),
      ctors: [],
      inners: new Map(),
      file,
    };
    this.classes.set(key, cls);
    if (outer) outer.inners.set(lower(name), cls);
    else this.topLevel.set(lower(name), cls);
    return cls;
  }

  private addClass(
    decl: ClassDeclarationContext | InterfaceDeclarationContext,
    outer: ClassInfo | undefined,
    file: string,
  ): void {
    const cls = this.newClass(decl.id().getText(), outer, file);
    if (decl instanceof ClassDeclarationContext) {
      const ext = opt(decl.typeRef());
      if (ext) cls.supers.push(typeOf(ext, outer ?? cls));
      for (const ref of opt(decl.typeList())?.typeRef_list() ?? []) cls.supers.push(typeOf(ref, outer ?? cls));
      for (const member of decl.classBody().classBodyDeclaration_list()) {
        const block = opt(member.block());
        if (block) this.bodies.push({ cls, node: block, params: [] });
        const m = opt(member.memberDeclaration());
        if (m) this.addMember(cls, m, file);
      }
    } else {
      for (const ref of opt(decl.typeList())?.typeRef_list() ?? []) cls.supers.push(typeOf(ref, outer ?? cls));
      for (const method of decl.interfaceBody().interfaceMethodDeclaration_list()) {
        const ret = opt(method.typeRef());
        this.addMethod(cls, method.id().getText(), method.formalParameters(), ret ? typeOf(ret, cls) : undefined);
      }
    }
  }

  /** A member of a class or trigger: method, constructor, field, property or nested type. */
  private addMember(
    cls: ClassInfo,
    member: MemberDeclarationContext | TriggerMemberDeclarationContext,
    file: string,
  ): void {
    const method = opt(member.methodDeclaration());
    if (method) {
      const ret = opt(method.typeRef());
      const info = this.addMethod(
        cls,
        method.id().getText(),
        method.formalParameters(),
        ret ? typeOf(ret, cls) : undefined,
      );
      const block = opt(method.block());
      if (block) this.bodies.push({ cls, node: block, params: info.params, ret: info.ret });
    }
    const ctor = member instanceof MemberDeclarationContext ? opt(member.constructorDeclaration()) : undefined;
    if (ctor) {
      const info: MethodInfo = {
        name: '<init>',
        cls,
        params: this.params(ctor.formalParameters(), cls),
        ret: this.location('return'),
      };
      cls.ctors.push(info);
      this.bodies.push({ cls, node: ctor.block(), params: info.params });
    }
    const field = opt(member.fieldDeclaration());
    if (field) {
      const type = typeOf(field.typeRef(), cls);
      const constant = memberHasModifier(member, 'final');
      for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
        const init = opt(declarator.expression());
        const loc = this.location('field', type, { initializer: init, constant });
        cls.fields.set(lower(declarator.id().getText()), loc);
        if (init) this.bodies.push({ cls, node: init, params: [], target: loc });
      }
    }
    const property = opt(member.propertyDeclaration());
    if (property) {
      const loc = this.location('field', typeOf(property.typeRef(), cls));
      cls.fields.set(lower(property.id().getText()), loc);
      for (const block of property.propertyBlock_list()) {
        const getter = opt(opt(block.getter())?.block());
        if (getter) this.bodies.push({ cls, node: getter, params: [], ret: loc });
        const setter = opt(opt(block.setter())?.block());
        if (setter) this.bodies.push({ cls, node: setter, params: [{ name: 'value', loc }] });
      }
    }
    const inner = opt(member.classDeclaration()) ?? opt(member.interfaceDeclaration());
    if (inner) this.addClass(inner, cls, file);
  }

  private params(formal: FormalParametersContext, cls: ClassInfo): { name: string; loc: Location }[] {
    return (opt(formal.formalParameterList())?.formalParameter_list() ?? []).map((p) => ({
      name: p.id().getText(),
      loc: this.location('param', typeOf(p.typeRef(), cls)),
    }));
  }

  private addMethod(
    cls: ClassInfo,
    name: string,
    formal: FormalParametersContext,
    ret: TypeInfo | undefined,
  ): MethodInfo {
    const info: MethodInfo = {
      name: lower(name),
      cls,
      params: this.params(formal, cls),
      ret: this.location('return', ret),
    };
    const list = cls.methods.get(info.name) ?? [];
    list.push(info);
    cls.methods.set(info.name, list);
    return info;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Running

  run(): UnqueriedFieldsResult {
    this.linkSubclasses();
    this.loadQueriedObjects();
    // Phase 1 finds where query rows and built records meet; phase 2 follows again with those joins known.
    this.fixpoint();
    this.findJoins();
    for (const loc of this.locations) loc.shapes.clear();
    this.fixpoint();
    this.reporting = true;
    for (const body of this.bodies) this.walkBody(body);
    const findings: Finding[] = [...this.missing.values()].map((m) => ({
      layer: 'soql',
      file: m.file,
      line: m.line,
      column: m.column,
      rule: 'UnqueriedField',
      message: `${m.what} the SELECT${m.origins.size > 1 ? 's' : ''} at ${[...m.origins].sort().join(', ')} (SObjectException at run time)`,
    }));
    findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
    const queries = new Set(this.shapes.filter((s) => !s.built).map((s) => s.origin));
    return { findings, reads: this.reads.size, queries: queries.size };
  }

  /** Every pass only adds shapes to locations and written fields to shapes, so this terminates. */
  private fixpoint(): void {
    for (let pass = 0; pass < 100; pass += 1) {
      this.changed = false;
      for (const body of this.bodies) this.walkBody(body);
      if (!this.changed) return;
    }
    throw new Error('unqueried-fields: no fixpoint after 100 passes');
  }

  private linkSubclasses(): void {
    for (const cls of this.classes.values()) {
      const seen = new Set<ClassInfo>();
      const climb = (c: ClassInfo): void => {
        for (const s of c.supers) {
          const parent = this.resolveClass(s);
          if (!parent || seen.has(parent)) continue;
          seen.add(parent);
          const subs = this.subclasses.get(parent) ?? new Set<ClassInfo>();
          subs.add(cls);
          this.subclasses.set(parent, subs);
          climb(parent);
        }
      };
      climb(cls);
    }
  }

  /** Loads the standard objects queries name, and the targets of their relationships, into the schema. */
  private loadQueriedObjects(): void {
    const names = new Set<string>();
    const visit = (node: ApexParserRuleContext): void => {
      if (node instanceof QueryContext) {
        const from = node.fromNameList().fieldName(0)?.getText();
        if (from) names.add(from);
      }
      // Dynamic SOQL: the FROM of a string literal.
      if (node instanceof LiteralPrimaryContext) {
        for (const m of node.getText().matchAll(/\bFROM\s+([A-Za-z]\w*)/gi)) if (m[1]) names.add(m[1]);
      }
      for (const child of rules(node)) visit(child);
    };
    for (const body of this.bodies) visit(body.node);
    // Then the parents of those objects and theirs (paths such as Opportunity__r.Account.Name). Child
    // relationships are not loaded ahead: a standard object has hundreds, and only sub-queries name them.
    let wanted = [...names];
    for (let round = 0; round < 3 && wanted.length > 0; round += 1) {
      this.schema.loadStandard(wanted);
      this.schema.applyPendingFields();
      const next = new Set<string>();
      for (const name of wanted) {
        for (const target of this.schema.get(name)?.parents.values() ?? []) {
          if (this.schema.needsLoading(target)) next.add(target);
        }
      }
      wanted = [...next];
    }
  }

  private walkBody(body: Body): void {
    this.currentFile = body.cls.file;
    const scope = new Scope();
    for (const p of body.params) scope.declare(p.name, p.loc);
    const w: Walk = { cls: body.cls, scope, ret: body.ret, body };
    if (body.target) this.store(body.target, this.ev(body.node as ExpressionContext, w).shapes, body.node);
    else this.walk(body.node, w);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Statements

  private walk(node: ApexParserRuleContext, w: Walk): void {
    if (node instanceof ExpressionContext) {
      this.ev(node, w);
    } else if (node instanceof BlockContext) {
      const inner: Walk = { ...w, scope: new Scope(w.scope) };
      for (const child of rules(node)) this.walk(child, inner);
    } else if (node instanceof LocalVariableDeclarationContext) {
      const type = typeOf(node.typeRef(), w.cls);
      for (const declarator of node.variableDeclarators().variableDeclarator_list()) {
        const init = opt(declarator.expression());
        const loc = this.localFor(declarator, type, init, w);
        if (init) this.store(loc, this.ev(init, w).shapes, declarator);
        w.scope.declare(declarator.id().getText(), loc);
      }
    } else if (node instanceof ForStatementContext) {
      const inner: Walk = { ...w, scope: new Scope(w.scope) };
      const control = node.forControl();
      const each = opt(control.enhancedForControl());
      if (each) {
        const loc = this.localFor(each, typeOf(each.typeRef(), w.cls));
        this.store(loc, this.ev(each.expression(), inner).shapes, each);
        inner.scope.declare(each.id().getText(), loc);
      } else {
        for (const child of rules(control)) this.walk(child, inner);
      }
      const statement = opt(node.statement());
      if (statement) this.walk(statement, inner);
    } else if (node instanceof SwitchStatementContext) {
      const subject = this.ev(node.expression(), w);
      for (const when of node.whenControl_list()) {
        const inner: Walk = { ...w, scope: new Scope(w.scope) };
        const value = when.whenValue();
        const typeRef = opt(value.typeRef());
        const id = opt(value.id());
        if (typeRef && id) {
          const loc = this.localFor(value, typeOf(typeRef, w.cls));
          this.store(loc, subject.shapes, value);
          inner.scope.declare(id.getText(), loc);
        }
        this.walk(when.block(), inner);
      }
    } else if (node instanceof CatchClauseContext) {
      const inner: Walk = { ...w, scope: new Scope(w.scope) };
      inner.scope.declare(node.id().getText(), this.localFor(node, named(lower(node.qualifiedName().getText()))));
      this.walk(node.block(), inner);
    } else if (node instanceof ReturnStatementContext) {
      const expr = opt(node.expression());
      if (expr) {
        const value = this.ev(expr, w);
        if (w.ret) this.store(w.ret, value.shapes, node);
      }
    } else {
      for (const child of rules(node)) this.walk(child, w);
    }
  }

  /** One location per declaration, kept across passes. */
  private localFor(decl: ApexParserRuleContext, type: TypeInfo, init?: ExpressionContext, w?: Walk): Location {
    let loc = this.locals.get(decl);
    if (!loc) {
      loc = this.location('local', type, { initializer: init });
      if (init && w) loc.constant = !this.isReassigned(w.body.node, decl.getChild(0)?.getText() ?? '');
      this.locals.set(decl, loc);
    }
    return loc;
  }

  private isReassigned(body: ApexParserRuleContext, name: string): boolean {
    const key = lower(name);
    const visit = (node: ApexParserRuleContext): boolean => {
      if (node instanceof AssignExpressionContext) {
        const target = node.expression(0);
        if (target instanceof PrimaryExpressionContext && lower(target.getText()) === key) return true;
      }
      return rules(node).some(visit);
    };
    return visit(body);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Expressions

  private ev(ctx: ExpressionContext, w: Walk): Val {
    if (ctx instanceof PrimaryExpressionContext) return this.evPrimary(ctx, w);
    if (ctx instanceof DotExpressionContext) {
      const base = this.ev(ctx.expression(), w);
      const call = opt(ctx.dotMethodCall());
      if (call) {
        const args = (opt(call.expressionList())?.expression_list() ?? []).map((a) => ({ ctx: a, val: this.ev(a, w) }));
        return this.callOn(base, lower(call.anyId().getText()), args, w, ctx);
      }
      return this.fieldAccess(base, ctx.anyId().getText(), ctx.anyId());
    }
    if (ctx instanceof MethodCallExpressionContext) {
      const call = ctx.methodCall();
      const args = (opt(call.expressionList())?.expression_list() ?? []).map((a) => this.ev(a, w));
      const id = opt(call.id());
      if (id) return this.invoke(this.methodsInScope(w.cls, lower(id.getText()), args.length), args);
      const target = opt(call.SUPER()) ? this.superClass(w.cls) : w.cls;
      if (target)
        this.invoke(
          target.ctors.filter((c) => c.params.length === args.length),
          args,
        );
      return NONE;
    }
    if (ctx instanceof ArrayExpressionContext) {
      const base = this.ev(ctx.expression(0), w);
      this.ev(ctx.expression(1), w);
      return { type: elementType(base.type), shapes: base.shapes, root: base.root };
    }
    if (ctx instanceof NewExpressionContext) return this.evNew(ctx, w);
    if (ctx instanceof AssignExpressionContext) return this.evAssign(ctx, w);
    if (ctx instanceof CastExpressionContext) {
      const inner = this.ev(ctx.expression(), w);
      const type = typeOf(ctx.typeRef(), w.cls);
      return { type, shapes: this.filter(type, inner.shapes), root: inner.root };
    }
    if (ctx instanceof CondExpressionContext) {
      this.ev(ctx.expression(0), w);
      return this.branches(this.ev(ctx.expression(1), w), this.ev(ctx.expression(2), w));
    }
    if (ctx instanceof CoalExpressionContext) {
      return this.branches(this.ev(ctx.expression(0), w), this.ev(ctx.expression(1), w));
    }
    if (ctx instanceof SubExpressionContext) return this.ev(ctx.expression(), w);
    this.evChildren(ctx, w);
    return NONE;
  }

  /** `c ? a : b` and `a ?? b`: query rows on one side and built records on the other are a join too. */
  private branches(a: Val, b: Val): Val {
    const kinds = (v: Val): number => [...v.shapes].reduce((k, id) => k | (this.shapes[id]?.built ? 2 : 1), 0);
    const join = ((kinds(a) & 1) !== 0 && (kinds(b) & 2) !== 0) || ((kinds(a) & 2) !== 0 && (kinds(b) & 1) !== 0);
    const shapes = [...a.shapes, ...b.shapes].map((id) => (join ? this.weakTwin(id) : id));
    return { type: a.type ?? b.type, shapes: new Set(shapes) };
  }

  /** Evaluates every expression under `node` for what its calls and reads do. */
  private evChildren(node: ApexParserRuleContext, w: Walk): void {
    for (const child of rules(node)) {
      if (child instanceof ExpressionContext) this.ev(child, w);
      else this.evChildren(child, w);
    }
  }

  private evPrimary(ctx: PrimaryExpressionContext, w: Walk): Val {
    const primary = ctx.primary();
    if (primary instanceof IdPrimaryContext) {
      const name = lower(primary.id().getText());
      const loc = w.scope.lookup(name) ?? this.findField(w.cls, name, true);
      if (loc) return { type: loc.type, shapes: this.load(loc), root: loc };
      const classRef = this.resolveClassName(name, w.cls);
      return classRef ? { shapes: new Set(), classRef } : NONE;
    }
    if (primary instanceof SoqlPrimaryContext) {
      const query = primary.soqlLiteral().query();
      this.evBinds(query, w);
      const shape = this.shapeOfQuery(query);
      const object = query.fromNameList().fieldName(0)?.getText() ?? '';
      return { type: listOf(named(lower(object))), shapes: new Set(shape ? [shape.id] : []) };
    }
    if (primary instanceof ThisPrimaryContext) return { type: named(w.cls.key), shapes: new Set() };
    if (primary instanceof SuperPrimaryContext) {
      const parent = this.superClass(w.cls);
      return parent ? { type: named(parent.key), shapes: new Set() } : NONE;
    }
    return NONE;
  }

  /** Bind expressions inside a query are Apex: evaluate them for their reads. */
  private evBinds(node: ApexParserRuleContext, w: Walk): void {
    for (const child of rules(node)) {
      if (child instanceof BoundExpressionContext) this.ev(child.expression(), w);
      else this.evBinds(child, w);
    }
  }

  private evNew(ctx: NewExpressionContext, w: Walk): Val {
    const creator = ctx.creator();
    const pairs = creator.createdName().idCreatedNamePair_list();
    const qualified = pairs.map((p) => lower(p.anyId().getText())).join('.');
    const typeArgs = opt(pairs[pairs.length - 1]?.typeList())?.typeRef_list() ?? [];
    let type = named(
      qualified,
      typeArgs.map((r) => typeOf(r, w.cls)),
      w.cls,
    );
    const shapes = new Set<number>();
    const rest = opt(creator.classCreatorRest());
    const cls = this.resolveClass(type);
    if (rest) {
      const argCtxs = opt(rest.arguments().expressionList())?.expression_list() ?? [];
      if (cls) {
        const args = argCtxs.map((a) => this.ev(a, w));
        this.invoke(
          cls.ctors.filter((c) => c.params.length === args.length),
          args,
        );
      } else if (isCollection(type)) {
        for (const a of argCtxs) this.ev(a, w).shapes.forEach((s) => shapes.add(s));
      } else {
        if (this.schema.get(leafName(type))) shapes.add(this.builtShape(leafName(type)).id);
        // new Account(Name = 'x'): the names are fields of the new record, only the values are expressions.
        for (const a of argCtxs) {
          if (a instanceof AssignExpressionContext && a.expression(0) instanceof PrimaryExpressionContext)
            this.ev(a.expression(1), w);
          else this.ev(a, w);
        }
      }
    }
    const arrayRest = opt(creator.arrayCreatorRest());
    if (arrayRest) {
      type = { ...type, array: 1 };
      const size = opt(arrayRest.expression());
      if (size) this.ev(size, w);
      for (const e of opt(arrayRest.arrayInitializer())?.expression_list() ?? [])
        this.ev(e, w).shapes.forEach((s) => shapes.add(s));
    }
    for (const pair of opt(creator.mapCreatorRest())?.mapCreatorRestPair_list() ?? []) {
      this.ev(pair.expression(0), w);
      this.ev(pair.expression(1), w).shapes.forEach((s) => shapes.add(s));
    }
    for (const e of opt(creator.setCreatorRest())?.expression_list() ?? [])
      this.ev(e, w).shapes.forEach((s) => shapes.add(s));
    return { type, shapes: this.filter(type, shapes) };
  }

  private evAssign(ctx: AssignExpressionContext, w: Walk): Val {
    const target = ctx.expression(0);
    const value = this.ev(ctx.expression(1), w);
    const plain = !!opt(ctx.ASSIGN());
    if (target instanceof PrimaryExpressionContext && target.primary() instanceof IdPrimaryContext) {
      const name = lower(target.getText());
      const loc = w.scope.lookup(name) ?? this.findField(w.cls, name, true);
      if (loc) this.store(loc, value.shapes, ctx);
    } else if (target instanceof DotExpressionContext && !opt(target.dotMethodCall())) {
      const base = this.ev(target.expression(), w);
      const field = target.anyId().getText();
      if (!plain) this.fieldAccess(base, field, target.anyId());
      const loc = this.memberLocation(base, lower(field));
      if (loc) this.store(loc, value.shapes, ctx);
      else this.markWritten(base.shapes, field);
    } else if (target instanceof ArrayExpressionContext) {
      const base = this.ev(target.expression(0), w);
      this.ev(target.expression(1), w);
      if (base.root) this.store(base.root, value.shapes, ctx);
    } else {
      this.ev(target, w);
    }
    return value;
  }

  /** The class field a `base.name` names, when base is a class, an Apex object or `this`. */
  private memberLocation(base: Val, name: string): Location | undefined {
    if (base.classRef) return this.findField(base.classRef, name, false);
    const cls = base.type && !isCollection(base.type) ? this.resolveClass(base.type) : undefined;
    return cls ? this.findField(cls, name, false) : undefined;
  }

  private markWritten(shapeIds: ReadonlySet<number>, field: string): void {
    for (const id of shapeIds) {
      const shape = this.shapes[id];
      if (shape && !shape.written.has(lower(field))) {
        shape.written.add(lower(field));
        this.changed = true;
      }
    }
  }

  private fieldAccess(base: Val, name: string, at: ApexParserRuleContext): Val {
    const key = lower(name);
    if (base.classRef) {
      const loc = this.findField(base.classRef, key, false);
      if (loc) return { type: loc.type, shapes: this.load(loc), root: loc };
      const inner = base.classRef.inners.get(key);
      return inner ? { shapes: new Set(), classRef: inner } : NONE;
    }
    const loc = this.memberLocation(base, key);
    if (loc) return { type: loc.type, shapes: this.load(loc), root: loc };
    if (base.shapes.size === 0 || isCollection(base.type)) return NONE;
    // A record traced to a query.
    const shapes = new Set<number>();
    let type: TypeInfo | undefined;
    for (const id of base.shapes) {
      const shape = this.shapes[id];
      if (!shape) continue;
      const schema = this.schema.get(shape.object);
      if (!schema) continue;
      const follow = (s: Shape): number => (shape.weak ? this.weakTwin(s.id) : s.id);
      if (schema.parents.has(key)) {
        type = named(lower(schema.parents.get(key) ?? ''));
        if (shape.built || shape.opaque || shape.written.has(key)) continue;
        shapes.add(follow(this.related(shape, name, 'parent', schema)));
      } else if (schema.children.has(key)) {
        type = listOf(named(lower(schema.children.get(key) ?? '')));
        if (shape.built || shape.opaque || shape.written.has(key)) continue;
        const child = this.related(shape, name, 'child', schema);
        if (child.phantom) this.report(shape, name, at, 'child');
        else shapes.add(follow(child));
      } else if (schema.fields.has(key) && !shape.built) {
        this.checkRead(shape, name, at);
      }
    }
    return { type, shapes };
  }

  /** The selected parent or child shape for a relationship, or a phantom one when the query did not select it. */
  private related(shape: Shape, name: string, kind: 'parent' | 'child', schema: SObjectSchema): Shape {
    const key = lower(name);
    const map = kind === 'parent' ? shape.parents : shape.children;
    let found = map.get(key);
    if (!found) {
      const target = (kind === 'parent' ? schema.parents : schema.children).get(key) ?? '';
      found = this.newShape(target, shape.origin, `${shape.path}${name}.`);
      found.phantom = true;
      map.set(key, found);
    }
    return found;
  }

  private checkRead(shape: Shape, field: string, at: ApexParserRuleContext): void {
    if (!this.reporting || shape.weak) return;
    this.reads.add(`${this.currentFile}:${at.start.line}:${at.start.column}`);
    const key = lower(field);
    if (key === 'id' || shape.opaque || shape.fields.has(key) || shape.written.has(key)) return;
    // Lenient on purpose: the foreign key beside a selected relationship path (Run__c with Run__r.Name selected).
    const rel = key.endsWith('__c') ? key.replace(/__c$/, '__r') : key.endsWith('id') ? key.slice(0, -2) : '';
    if (rel && shape.parents.has(rel) && !shape.parents.get(rel)?.phantom) return;
    this.report(shape, field, at, 'field');
  }

  private report(shape: Shape, name: string, at: ApexParserRuleContext, kind: 'field' | 'child'): void {
    if (!this.reporting || shape.weak) return;
    const file = this.currentFile;
    const relationship = shape.path.replace(/\.$/, '');
    const path = `${shape.path}${name}`;
    const rows = relationship ? `${relationship} (${shape.object || 'unknown object'})` : shape.object;
    // The read, and why it fails; the queries are appended when the findings are made.
    const what =
      kind === 'child'
        ? `'${path}' is read on ${rows} rows, but no sub-query FROM ${name} is in`
        : shape.phantom
          ? `'${path}' is read, but nothing through ${relationship} is selected in`
          : `'${path}' is read on ${rows} rows, but it is not selected in`;
    const key = `${file}:${at.start.line}:${what}`;
    const entry = this.missing.get(key) ?? {
      file,
      line: at.start.line,
      column: at.start.column + 1,
      what,
      origins: new Set<string>(),
    };
    entry.origins.add(`${relative(this.projectDir, shape.origin.file)}:${shape.origin.line}`);
    this.missing.set(key, entry);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Calls

  private callOn(
    base: Val,
    name: string,
    args: { ctx: ExpressionContext; val: Val }[],
    w: Walk,
    at: DotExpressionContext,
  ): Val {
    const vals = args.map((a) => a.val);
    if (base.classRef) {
      return this.invoke(this.methodsOf(base.classRef, name, vals.length, false), vals);
    }
    if (!base.type && base.shapes.size === 0) {
      // System classes: Database.query* with a constant SELECT gives rows of a known shape.
      const receiver = at.expression();
      if (receiver instanceof PrimaryExpressionContext && lower(receiver.getText()) === 'database')
        return this.dynamicQuery(name, args, w);
      return NONE;
    }
    if (isCollection(base.type)) {
      const element = elementType(base.type);
      const last = vals[vals.length - 1];
      switch (name) {
        case 'get':
        case 'remove':
          return { type: element, shapes: base.shapes, root: base.root };
        case 'values':
          return { type: element ? listOf(element) : undefined, shapes: base.shapes, root: base.root };
        case 'clone':
        case 'deepclone':
          return { type: base.type, shapes: base.shapes };
        case 'add':
        case 'set':
          if (base.root && last) this.store(base.root, last.shapes, at);
          return NONE;
        case 'put':
          if (base.root && vals[1]) this.store(base.root, vals[1].shapes, at);
          return NONE;
        case 'addall':
        case 'putall':
          if (base.root && vals[0]) this.store(base.root, vals[0].shapes, at);
          return NONE;
        default:
          return NONE;
      }
    }
    const cls = base.type ? this.resolveClass(base.type) : undefined;
    if (cls) return this.invoke(this.methodsOf(cls, name, vals.length, true), vals);
    if (base.shapes.size === 0) return NONE;
    // Methods of a record traced to a query.
    const literal = args[0] ? this.constantString(args[0].ctx, w) : undefined;
    if (name === 'clone') return { type: base.type, shapes: base.shapes };
    if (literal !== undefined && (name === 'get' || name === 'getsobject' || name === 'getsobjects'))
      return this.fieldAccess({ ...base, root: undefined }, literal, args[0]?.ctx ?? at);
    if (literal !== undefined && name === 'put') this.markWritten(base.shapes, literal);
    return NONE;
  }

  /** Rows of Database.query / queryWithBinds / getQueryLocator(WithBinds) whose SELECT … FROM is constant. */
  private dynamicQuery(name: string, args: { ctx: ExpressionContext; val: Val }[], w: Walk): Val {
    if (!/^(query|querywithbinds|getquerylocator|getquerylocatorwithbinds)$/.test(name) || !args[0]) return NONE;
    const parts = this.stringParts(args[0].ctx, w);
    let prefix = '';
    for (const part of parts) {
      if (part === null) break;
      prefix += part;
    }
    if (!/^\s*SELECT\s/i.test(prefix)) return NONE;
    const origin = { file: this.currentFile, line: args[0].ctx.start.line };
    // The SELECT list may hold sub-queries with their own FROM: the first head the parser accepts is the query's.
    for (const from of prefix.matchAll(/\sFROM\s+([A-Za-z]\w*)/gi)) {
      const head = prefix.slice(0, (from.index ?? 0) + from[0].length);
      const byHead = this.dynamicShapes.get(args[0].ctx) ?? new Map<string, Shape | null>();
      this.dynamicShapes.set(args[0].ctx, byHead);
      let shape = byHead.get(head);
      if (shape === undefined) {
        const listener = new CollectingListener();
        const { parser } = ApexParserFactory.createLexerAndParser(head, listener);
        const query = parser.query();
        shape = listener.errors > 0 ? null : (this.shapeFrom(query, origin) ?? null);
        byHead.set(head, shape);
      }
      if (shape === null) continue;
      const type = name.startsWith('getquerylocator')
        ? named('database.querylocator')
        : listOf(named(lower(from[1] ?? '')));
      return { type, shapes: new Set([shape.id]) };
    }
    return NONE;
  }

  private invoke(methods: MethodInfo[], args: Val[]): Val {
    const shapes = new Set<number>();
    let type: TypeInfo | undefined;
    for (const method of methods) {
      method.params.forEach((p, i) => {
        const arg = args[i];
        if (arg) this.store(p.loc, arg.shapes, undefined);
      });
      method.ret.shapes.forEach((s) => shapes.add(s));
      type ??= method.ret.type;
    }
    return { type, shapes };
  }

  /** Methods `name`/`arity` visible on `cls`: its own or inherited ones, and overrides in subclasses. */
  private methodsOf(cls: ClassInfo, name: string, arity: number, dispatch: boolean): MethodInfo[] {
    const found: MethodInfo[] = [];
    for (let c: ClassInfo | undefined = cls; c; c = this.superClass(c)) {
      const own = (c.methods.get(name) ?? []).filter((m) => m.params.length === arity);
      if (own.length > 0) {
        found.push(...own);
        break;
      }
    }
    if (dispatch)
      for (const sub of this.subclasses.get(cls) ?? [])
        found.push(...(sub.methods.get(name) ?? []).filter((m) => m.params.length === arity));
    return found;
  }

  /** An unqualified call: the class and its parents, then the enclosing classes. */
  private methodsInScope(cls: ClassInfo, name: string, arity: number): MethodInfo[] {
    for (let c: ClassInfo | undefined = cls; c; c = c.outer) {
      const found = this.methodsOf(c, name, arity, true);
      if (found.length > 0) return found;
    }
    return [];
  }

  private superClass(cls: ClassInfo): ClassInfo | undefined {
    for (const s of cls.supers) {
      const parent = this.resolveClass(s);
      if (parent && parent.methods.size + parent.fields.size + parent.ctors.length > 0) return parent;
    }
    return undefined;
  }

  private findField(cls: ClassInfo, name: string, outward: boolean): Location | undefined {
    for (let c: ClassInfo | undefined = cls; c; c = outward ? c.outer : undefined) {
      for (let k: ClassInfo | undefined = c; k; k = this.superClass(k)) {
        const loc = k.fields.get(name);
        if (loc) return loc;
      }
    }
    return undefined;
  }

  private resolveClass(type: TypeInfo): ClassInfo | undefined {
    if (isCollection(type)) return undefined;
    return this.classes.get(type.qualified) ?? this.resolveClassName(type.qualified, type.context);
  }

  private resolveClassName(qualified: string, context: ClassInfo | undefined): ClassInfo | undefined {
    const [first = '', ...rest] = qualified.split('.');
    let found: ClassInfo | undefined;
    for (let c = context; c && !found; c = c.outer)
      found = c.inners.get(first) ?? (lower(c.name) === first ? c : undefined);
    found ??= this.topLevel.get(first);
    for (const part of rest) found = found?.inners.get(part);
    return found;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Locations and shapes

  private location(kind: Location['kind'], type?: TypeInfo, extra: Partial<Location> = {}): Location {
    const loc: Location = { kind, type, shapes: new Set(), sites: new Map(), join: false, ...extra };
    this.locations.push(loc);
    return loc;
  }

  /** Adds shapes to a location, keeping only those its declared type can hold; `site` is the storing statement. */
  private store(loc: Location, shapes: ReadonlySet<number>, site: ApexParserRuleContext | undefined): void {
    let kinds = 0;
    for (const id of this.filter(loc.type, shapes)) {
      const shape = this.shapes[id];
      kinds |= shape?.built ? 2 : 1;
      if (!loc.shapes.has(id)) {
        loc.shapes.add(id);
        this.changed = true;
      }
    }
    if (site && kinds) loc.sites.set(site, (loc.sites.get(site) ?? 0) | kinds);
  }

  /** What a read of the location gives: on a join, the query rows come as weak twins. */
  private load(loc: Location): ReadonlySet<number> {
    if (!loc.join) return loc.shapes;
    return new Set([...loc.shapes].map((id) => this.weakTwin(id)));
  }

  private weakTwin(id: number): number {
    const shape = this.shapes[id];
    if (!shape || shape.built || shape.weak) return id;
    if (!shape.twin) {
      shape.twin = { ...shape, id: this.shapes.length, weak: true, twin: undefined };
      this.shapes.push(shape.twin);
    }
    return shape.twin.id;
  }

  /**
   * A local or class field that one statement assigns query rows and another assigns records built in code holds
   * either, depending on a branch this check does not follow (`run = existing;` on one path, `run = new
   * AgentRun__c(…)` on another, and a read guarded by the same condition). Its query rows are followed on but
   * never reported. Parameters and return values are exempt: every call site is its own path.
   */
  private findJoins(): void {
    for (const loc of this.locations) {
      if (loc.kind !== 'local' && loc.kind !== 'field') continue;
      const sites = [...loc.sites.entries()];
      loc.join = sites.some(([a, ka]) => (ka & 1) !== 0 && sites.some(([b, kb]) => b !== a && (kb & 2) !== 0));
    }
  }

  private filter(type: TypeInfo | undefined, shapes: ReadonlySet<number>): Set<number> {
    if (!type) return new Set(shapes);
    const leaf = leafName(type);
    if (leaf === 'sobject' || leaf === 'database.querylocator') return new Set(shapes);
    return new Set([...shapes].filter((id) => lower(this.shapes[id]?.object ?? '') === leaf));
  }

  private newShape(object: string, origin: { file: string; line: number }, path: string): Shape {
    const shape: Shape = {
      id: this.shapes.length,
      object,
      fields: new Set(),
      parents: new Map(),
      children: new Map(),
      written: new Set(),
      opaque: false,
      phantom: false,
      path,
      origin,
      built: false,
      weak: false,
    };
    this.shapes.push(shape);
    return shape;
  }

  /** The one shape standing for every record of `object` built in code. */
  private builtShape(object: string): Shape {
    let shape = this.builtByObject.get(object);
    if (!shape) {
      shape = this.newShape(object, { file: '', line: 0 }, '');
      shape.built = true;
      this.builtByObject.set(object, shape);
    }
    return shape;
  }

  private shapeOfQuery(query: QueryContext): Shape | undefined {
    let shape = this.shapeByQuery.get(query);
    if (shape === undefined) {
      shape = this.shapeFrom(query, { file: this.currentFile, line: query.start.line }) ?? null;
      this.shapeByQuery.set(query, shape);
    }
    return shape ?? undefined;
  }

  /** The shape of a query's rows; undefined for aggregate queries (AggregateResult or Integer rows). */
  private shapeFrom(query: QueryContext, origin: { file: string; line: number }): Shape | undefined {
    if (opt(query.groupByClause())) return undefined;
    const from = query.fromNameList();
    const object = from.fieldName(0)?.getText() ?? '';
    const alias = opt(from.soqlId(0))?.getText();
    const shape = this.newShape(object, origin, '');
    return this.fillShape(shape, query.selectList().selectEntry_list(), alias) ? shape : undefined;
  }

  /** Adds the select entries to the shape; false when an aggregate function makes the rows AggregateResults. */
  private fillShape(shape: Shape, entries: (SelectEntryContext | SubFieldEntryContext)[], alias?: string): boolean {
    for (const entry of entries) {
      const fieldName = opt(entry.fieldName());
      const fn = opt(entry.soqlFunction());
      const sub = opt(entry.subQuery());
      const typeOfCtx = opt(entry.typeOf());
      if (fieldName) this.addPath(shape, fieldName.getText(), alias);
      else if (fn) {
        if (opt(fn.FIELDS())) shape.opaque = true;
        else if (opt(fn.TOLABEL()) || opt(fn.CONVERT_CURRENCY()) || (opt(fn.FORMAT()) && opt(fn.fieldName())))
          this.addPath(shape, fn.fieldName().getText(), alias);
        else return false;
      } else if (sub) this.addChild(shape, sub);
      else if (typeOfCtx) {
        const rel = lower(typeOfCtx.fieldName().getText());
        const poly = this.newShape('', shape.origin, `${shape.path}${typeOfCtx.fieldName().getText()}.`);
        poly.opaque = true;
        shape.parents.set(rel, poly);
      }
    }
    return true;
  }

  private addPath(shape: Shape, path: string, alias?: string): void {
    const segments = path.split('.');
    if (segments.length > 1 && alias && lower(segments[0] ?? '') === lower(alias)) segments.shift();
    let current = shape;
    for (const [i, segment] of segments.entries()) {
      const key = lower(segment);
      if (i === segments.length - 1) {
        current.fields.add(key);
        return;
      }
      let next = current.parents.get(key);
      if (!next) {
        const target = this.schema.get(current.object)?.parents.get(key) ?? '';
        next = this.newShape(target, shape.origin, `${current.path}${segment}.`);
        current.parents.set(key, next);
      }
      current = next;
    }
  }

  private addChild(shape: Shape, sub: SubQueryContext): void {
    const relationship = sub.fromNameList().fieldName(0)?.getText() ?? '';
    const target = this.schema.get(shape.object)?.children.get(lower(relationship)) ?? '';
    const child = this.newShape(target, shape.origin, `${shape.path}${relationship}.`);
    if (!this.fillShape(child, sub.subFieldList().subFieldEntry_list())) child.opaque = true;
    shape.children.set(lower(relationship), child);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Constant strings (for dynamic SOQL)

  /** A string literal's value, or undefined when the expression is not a constant string. */
  private constantString(ctx: ExpressionContext, w?: Walk): string | undefined {
    const parts = this.stringParts(ctx, w);
    return parts.every((p): p is string => p !== null) ? parts.join('') : undefined;
  }

  /** The pieces of a `+` chain of strings; null stands for a piece that is not a compile-time constant. */
  private stringParts(ctx: ExpressionContext, w?: Walk): (string | null)[] {
    if (ctx instanceof SubExpressionContext) return this.stringParts(ctx.expression(), w);
    if (ctx instanceof Arth2ExpressionContext && opt(ctx.ADD()))
      return [...this.stringParts(ctx.expression(0), w), ...this.stringParts(ctx.expression(1), w)];
    if (ctx instanceof PrimaryExpressionContext) {
      const primary = ctx.primary();
      if (primary instanceof LiteralPrimaryContext) {
        const literal = opt(primary.literal().StringLiteral());
        return literal ? [unquote(literal.getText())] : [null];
      }
      if (primary instanceof IdPrimaryContext && w) {
        const name = lower(primary.id().getText());
        const local = w.scope.lookup(name);
        const loc = local ?? this.findField(w.cls, name, true);
        if (loc?.constant && loc.initializer && !this.folding.has(loc)) {
          this.folding.add(loc);
          try {
            const owner = local ? w : { ...w, cls: this.ownerOf(loc) ?? w.cls, scope: new Scope() };
            return this.stringParts(loc.initializer, owner);
          } finally {
            this.folding.delete(loc);
          }
        }
      }
    }
    if (ctx instanceof DotExpressionContext && !opt(ctx.dotMethodCall()) && w) {
      // Class.CONSTANT
      const base = ctx.expression();
      if (base instanceof PrimaryExpressionContext && base.primary() instanceof IdPrimaryContext) {
        const cls = this.resolveClassName(lower(base.getText()), w.cls);
        const loc = cls?.fields.get(lower(ctx.anyId().getText()));
        if (cls && loc?.constant && loc.initializer && !this.folding.has(loc)) {
          this.folding.add(loc);
          try {
            return this.stringParts(loc.initializer, { ...w, cls, scope: new Scope() });
          } finally {
            this.folding.delete(loc);
          }
        }
      }
    }
    return [null];
  }

  private ownerOf(loc: Location): ClassInfo | undefined {
    for (const cls of this.classes.values()) for (const f of cls.fields.values()) if (f === loc) return cls;
    return undefined;
  }
}
