// The emulator's own syntax tree of Apex, lowered from @apexdevtools/apex-parser's ANTLR parse tree (lower.ts).
// It keeps only what execution needs, with a source location on every statement and expression, so the
// interpreter never walks ANTLR contexts at run time. Names keep the case they were written in; every lookup is
// case-insensitive (Apex Developer Guide, "Case Sensitivity": variable, method and class names are not).

import type { SoqlQuery } from '../data/soql/ast';

export interface Loc {
  line: number;
  column: number;
}

/** `Map<String, List<Account>>`, `Schema.SObjectField`, `String[]` (arrayDims 1: Apex arrays are lists). */
export interface TypeRefNode {
  names: { name: string; args: TypeRefNode[] }[];
  arrayDims: number;
  loc: Loc;
}

export type AnnotationValue = string | boolean | number | bigint | null;

export interface Annotation {
  /** As written, e.g. `IsTest`, `AuraEnabled`, `InvocableMethod`. */
  name: string;
  /** `@IsTest(SeeAllData=true)` → { seealldata: true }; a lone value is stored under `value`. Keys lower case. */
  params: Record<string, AnnotationValue>;
}

export type SharingKeyword = 'with' | 'without' | 'inherited';

export interface Modifiers {
  annotations: Annotation[];
  access?: 'global' | 'public' | 'protected' | 'private';
  isStatic: boolean;
  isFinal: boolean;
  isAbstract: boolean;
  isVirtual: boolean;
  isOverride: boolean;
  isTransient: boolean;
  isTestMethod: boolean;
  isWebService: boolean;
  sharing?: SharingKeyword;
}

// ---------------------------------------------------------------- declarations

export interface ClassDecl {
  kind: 'class';
  name: string;
  mods: Modifiers;
  extendsType?: TypeRefNode;
  implementsTypes: TypeRefNode[];
  members: MemberDecl[];
  loc: Loc;
}

export interface InterfaceDecl {
  kind: 'interface';
  name: string;
  mods: Modifiers;
  extendsTypes: TypeRefNode[];
  methods: MethodDecl[];
  loc: Loc;
}

export interface EnumDecl {
  kind: 'enum';
  name: string;
  mods: Modifiers;
  values: string[];
  loc: Loc;
}

export type TypeDecl = ClassDecl | InterfaceDecl | EnumDecl;

export interface FieldDecl {
  kind: 'field';
  mods: Modifiers;
  type: TypeRefNode;
  declarators: VariableDeclarator[];
  loc: Loc;
}

export interface VariableDeclarator {
  name: string;
  init?: Expr;
  loc: Loc;
}

export interface PropertyAccessor {
  mods: Modifiers;
  /** Absent for an automatic accessor (`get;`). */
  body?: Block;
  loc: Loc;
}

export interface PropertyDecl {
  kind: 'property';
  mods: Modifiers;
  type: TypeRefNode;
  name: string;
  getter?: PropertyAccessor;
  setter?: PropertyAccessor;
  loc: Loc;
}

export interface Param {
  mods: Modifiers;
  type: TypeRefNode;
  name: string;
}

export interface MethodDecl {
  kind: 'method';
  mods: Modifiers;
  /** undefined for `void`. */
  returnType?: TypeRefNode;
  name: string;
  params: Param[];
  /** Absent for abstract and interface methods. */
  body?: Block;
  loc: Loc;
}

export interface ConstructorDecl {
  kind: 'constructor';
  mods: Modifiers;
  name: string;
  params: Param[];
  body: Block;
  loc: Loc;
}

export interface InitializerDecl {
  kind: 'initializer';
  isStatic: boolean;
  body: Block;
  loc: Loc;
}

export type MemberDecl = FieldDecl | PropertyDecl | MethodDecl | ConstructorDecl | InitializerDecl | TypeDecl;

export type TriggerEvent =
  | 'before insert'
  | 'before update'
  | 'before delete'
  | 'after insert'
  | 'after update'
  | 'after delete'
  | 'after undelete';

export interface TriggerDecl {
  kind: 'trigger';
  name: string;
  object: string;
  events: TriggerEvent[];
  /** Members declared inside the trigger body (methods, classes …) and its statements, in order. */
  members: MemberDecl[];
  body: Block;
  loc: Loc;
}

/** An anonymous Apex script: its declarations and its statements. */
export interface AnonymousDecl {
  kind: 'anonymous';
  members: MemberDecl[];
  body: Block;
}

// ---------------------------------------------------------------- statements

export interface Block {
  kind: 'block';
  stmts: Stmt[];
  loc: Loc;
}

export interface LocalVarStmt {
  kind: 'local';
  mods: Modifiers;
  type: TypeRefNode;
  declarators: VariableDeclarator[];
  loc: Loc;
}

export interface ExprStmt {
  kind: 'expr';
  expr: Expr;
  loc: Loc;
}

export interface IfStmt {
  kind: 'if';
  cond: Expr;
  then: Stmt;
  else?: Stmt;
  loc: Loc;
}

export interface WhileStmt {
  kind: 'while';
  cond: Expr;
  body?: Stmt;
  loc: Loc;
}

export interface DoWhileStmt {
  kind: 'dowhile';
  body: Block;
  cond: Expr;
  loc: Loc;
}

export interface ForStmt {
  kind: 'for';
  init?: LocalVarStmt | Expr[];
  cond?: Expr;
  update: Expr[];
  body?: Stmt;
  loc: Loc;
}

export interface ForEachStmt {
  kind: 'foreach';
  type: TypeRefNode;
  name: string;
  iterable: Expr;
  body?: Stmt;
  loc: Loc;
}

export type WhenLiteral =
  | { kind: 'integer'; value: number }
  | { kind: 'long'; value: bigint }
  | { kind: 'string'; value: string }
  | { kind: 'null' }
  /** An enum constant (`WHEN RED`) — resolved against the switch subject's type. */
  | { kind: 'name'; parts: string[] };

export interface WhenClause {
  kind: 'else' | 'values' | 'type';
  values: WhenLiteral[];
  type?: TypeRefNode;
  varName?: string;
  body: Block;
  loc: Loc;
}

export interface SwitchStmt {
  kind: 'switch';
  subject: Expr;
  whens: WhenClause[];
  loc: Loc;
}

export interface CatchClause {
  /** `System.DmlException` → ['System', 'DmlException']. */
  typeName: string[];
  varName: string;
  body: Block;
  loc: Loc;
}

export interface TryStmt {
  kind: 'try';
  body: Block;
  catches: CatchClause[];
  finally?: Block;
  loc: Loc;
}

export interface ReturnStmt {
  kind: 'return';
  expr?: Expr;
  loc: Loc;
}

export interface ThrowStmt {
  kind: 'throw';
  expr: Expr;
  loc: Loc;
}

export interface BreakStmt {
  kind: 'break';
  loc: Loc;
}

export interface ContinueStmt {
  kind: 'continue';
  loc: Loc;
}

export type DmlOperation = 'insert' | 'update' | 'delete' | 'undelete' | 'upsert' | 'merge';

export interface DmlStmt {
  kind: 'dml';
  op: DmlOperation;
  /** `insert as user …` / `as system`. */
  access?: 'user' | 'system';
  expr: Expr;
  /** upsert: the external id field (`upsert accs Account.Ext__c`); merge: the records to merge. */
  externalIdField?: string[];
  mergeExpr?: Expr;
  loc: Loc;
}

export interface RunAsStmt {
  kind: 'runas';
  args: Expr[];
  body: Block;
  loc: Loc;
}

export type Stmt =
  | Block
  | LocalVarStmt
  | ExprStmt
  | IfStmt
  | WhileStmt
  | DoWhileStmt
  | ForStmt
  | ForEachStmt
  | SwitchStmt
  | TryStmt
  | ReturnStmt
  | ThrowStmt
  | BreakStmt
  | ContinueStmt
  | DmlStmt
  | RunAsStmt;

// ---------------------------------------------------------------- expressions

export interface LiteralExpr {
  kind: 'literal';
  type: 'Integer' | 'Long' | 'Decimal' | 'String' | 'Boolean' | 'Null';
  /** The literal's source text (numbers), or the unescaped value (strings), 'true'/'false'. */
  text: string;
  loc: Loc;
}

export interface NameExpr {
  kind: 'name';
  name: string;
  loc: Loc;
}

export interface ThisExpr {
  kind: 'this';
  loc: Loc;
}

export interface SuperExpr {
  kind: 'super';
  loc: Loc;
}

export interface DotExpr {
  kind: 'dot';
  target: Expr;
  name: string;
  safe: boolean;
  loc: Loc;
}

export interface CallExpr {
  kind: 'call';
  /** Absent for `foo(x)` inside a class; `this`/`super` constructor calls have name 'this'/'super'. */
  target?: Expr;
  name: string;
  args: Expr[];
  safe: boolean;
  loc: Loc;
}

export interface IndexExpr {
  kind: 'index';
  target: Expr;
  index: Expr;
  loc: Loc;
}

export interface NewExpr {
  kind: 'new';
  type: TypeRefNode;
  /**
   * args: `new X(a, b)` (and `new Account(Name = 'x')`: args are assignments); empty: `new List<X>{}` / `new X{}`;
   * arraySize: `new String[5]`; arrayInit: `new String[]{…}`; set: `new Set<X>{a, b}` / `new List<X>{a, b}`;
   * map: `new Map<K, V>{k => v}`.
   */
  form: 'args' | 'empty' | 'arraySize' | 'arrayInit' | 'set' | 'map';
  args: Expr[];
  size?: Expr;
  pairs: [Expr, Expr][];
  loc: Loc;
}

export interface CastExpr {
  kind: 'cast';
  type: TypeRefNode;
  expr: Expr;
  loc: Loc;
}

export interface UnaryExpr {
  kind: 'unary';
  op: '+' | '-' | '!' | '~';
  expr: Expr;
  loc: Loc;
}

export interface IncDecExpr {
  kind: 'incdec';
  op: '++' | '--';
  prefix: boolean;
  target: Expr;
  loc: Loc;
}

export type BinaryOp =
  | '*'
  | '/'
  | '+'
  | '-'
  | '<<'
  | '>>'
  | '>>>'
  | '<'
  | '>'
  | '<='
  | '>='
  | '=='
  | '!='
  | '<>'
  | '==='
  | '!=='
  | '&'
  | '^'
  | '|'
  | '&&'
  | '||'
  | '??';

export interface BinaryExpr {
  kind: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  loc: Loc;
}

export interface InstanceOfExpr {
  kind: 'instanceof';
  expr: Expr;
  type: TypeRefNode;
  loc: Loc;
}

export interface CondExpr {
  kind: 'cond';
  test: Expr;
  then: Expr;
  else: Expr;
  loc: Loc;
}

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '&=' | '|=' | '^=' | '>>=' | '>>>=' | '<<=';

export interface AssignExpr {
  kind: 'assign';
  op: AssignOp;
  target: Expr;
  value: Expr;
  loc: Loc;
}

export interface SoqlExpr {
  kind: 'soql';
  query: SoqlQuery;
  /** The Apex expressions bound into the query (`:expr`), in the order the query's bind references index them. */
  binds: Expr[];
  /** The query as written, for messages. */
  text: string;
  loc: Loc;
}

export interface SoslExpr {
  kind: 'sosl';
  text: string;
  loc: Loc;
}

/** `Account.class`, `void.class`. */
export interface ClassLiteralExpr {
  kind: 'classLiteral';
  type?: TypeRefNode;
  loc: Loc;
}

export type Expr =
  | LiteralExpr
  | NameExpr
  | ThisExpr
  | SuperExpr
  | DotExpr
  | CallExpr
  | IndexExpr
  | NewExpr
  | CastExpr
  | UnaryExpr
  | IncDecExpr
  | BinaryExpr
  | InstanceOfExpr
  | CondExpr
  | AssignExpr
  | SoqlExpr
  | SoslExpr
  | ClassLiteralExpr;
