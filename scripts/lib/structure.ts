// The structure rules of issue 16, on the apex-parser trees of the project's production Apex (classes without
// @IsTest, and triggers):
//   ClassTooLong          a class file over 600 lines (counted as `wc -l` counts them, comments included);
//   MethodTooLong         a method or constructor over 60 lines (from its signature to its closing brace);
//   FolderCycle           folders that reference each other in a circle — a folder is the directory that holds a
//                         `classes/` or `triggers/` folder (force-app/main/intake), and a class in folder A naming a
//                         class declared in folder B (as a type, in `new`, in `catch`, or as the receiver of a
//                         static call) is an edge A→B; every edge inside a strongly connected group is reported;
//   UnjustifiedSizeSuppression
//                         a @SuppressWarnings of a PMD size or complexity rule without a `// reason` of three or more
//                         words on the line where the annotation ends;
//   MissingTestClass      a packaged production class that has logic (see hasLogic) with no @IsTest class named
//                         <Name>Test anywhere in the project (the package or test-app); a finding unless
//                         requireTests is false (REQUIRE_TEST_CLASSES, see below);
//   ArchitectureMapDrift  docs/architecture.md's "Which folder may depend on which" graph (when the project has
//                         one) lists other edges between force-app/main folders than the code has.
// Test classes are left out on both ends: tests may reach across folders to build their data.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import {
  AnnotationContext,
  BlockContext,
  CatchClauseContext,
  CoalExpressionContext,
  CondExpressionContext,
  ClassDeclarationContext,
  CompilationUnitContext,
  ClassBodyDeclarationContext,
  ConstructorDeclarationContext,
  CreatedNameContext,
  EnhancedForControlContext,
  EnumDeclarationContext,
  FormalParameterContext,
  IdPrimaryContext,
  LogAndExpressionContext,
  LogOrExpressionContext,
  MethodCallContext,
  DotMethodCallContext,
  MethodDeclarationContext,
  PropertyDeclarationContext,
  PropertyBlockContext,
  SoqlLiteralContext,
  SoslLiteralContext,
  StatementContext,
  TriggerUnitContext,
  TypeRefContext,
  VariableDeclaratorContext,
  type ApexParserRuleContext,
} from '@apexdevtools/apex-parser';
import type { ApexTree } from './apex-trees';
import type { Finding } from './findings';

export const MAX_CLASS_LINES = 600;
export const MAX_METHOD_LINES = 60;

/** PMD rules about size and complexity: silencing one needs a reason a reviewer can weigh. */
export const SIZE_RULES = new Set([
  'NcssCount',
  'CognitiveComplexity',
  'CyclomaticComplexity',
  'ExcessiveParameterList',
  'ExcessivePublicCount',
  'TooManyFields',
  'ExcessiveClassLength',
  'StdCyclomaticComplexity',
]);

const MIN_REASON_WORDS = 3;

/**
 * Whether a production class with logic and no <Name>Test class is a finding (fails the check) or only listed.
 * true since issue 16 item 5 is done (every such class has its test class), so a new class without one fails
 * lint:apex; checkStructure's requireTests: false lists them without failing (to measure a project mid-way).
 */
export const REQUIRE_TEST_CLASSES = true;

/** One production unit: a top-level class (interface, enum) or a trigger, and the folder it lives in. */
interface Unit {
  file: string;
  /** Lower-cased name of the top-level type or trigger (Apex names are case-insensitive). */
  name: string;
  /** The name as declared. */
  display: string;
  folder: string;
  tree: ApexTree['tree'];
}

/** A reference from one unit to a class of another folder, at its first place in the file. */
interface Reference {
  from: Unit;
  to: Unit;
  line: number;
  column: number;
}

/** What the structure check found and what it measured. */
export interface StructureResult {
  findings: Finding[];
  classes: number;
  methods: number;
  /** Folder → folders it references (production classes only), sorted; the map the architecture doc draws. */
  folderGraph: Map<string, string[]>;
  /**
   * Packaged production classes with logic and no <Name>Test class, as MissingTestClass findings (also in
   * `findings` when tests are required), sorted by file.
   */
  untested: Finding[];
  /** Packaged production classes (not interfaces, enums or triggers) with logic, the ones that need a test class. */
  withLogic: number;
  /** Whether `untested` is also in `findings`. */
  testsRequired: boolean;
}

/** Options of checkStructure. */
export interface StructureOptions {
  /** Report MissingTestClass as findings (default REQUIRE_TEST_CLASSES). */
  requireTests?: boolean;
}

/**
 * Runs the four structure rules over `trees` (parsed by parseApexFiles), folders named relative to `projectDir`.
 * Test classes (@IsTest at the top level) are skipped.
 */
export function checkStructure(projectDir: string, trees: ApexTree[], options: StructureOptions = {}): StructureResult {
  const units = trees.flatMap(({ file, tree }) => {
    const unit = toUnit(projectDir, file, tree);
    return unit ? [unit] : [];
  });
  const testsRequired = options.requireTests ?? REQUIRE_TEST_CLASSES;
  const findings: Finding[] = [];
  let methods = 0;
  for (const unit of units) {
    findings.push(...classLength(unit));
    const measured = methodLengths(unit);
    methods += measured.count;
    findings.push(...measured.findings, ...sizeSuppressions(unit));
  }
  const references = folderReferences(units);
  findings.push(...folderCycles(references));
  const folderGraph = graphOf(units, references);
  findings.push(...architectureMapDrift(projectDir, folderGraph));
  const tests = testClassNames(trees);
  const needTests = units.filter((unit) => isPackaged(projectDir, unit.file) && hasLogic(unit.tree) !== undefined);
  const untested = needTests.filter((unit) => !tests.has(`${unit.name}test`)).map(missingTest);
  if (testsRequired) findings.push(...untested);
  findings.sort(byPlace);
  untested.sort(byPlace);
  return {
    findings,
    classes: units.length,
    methods,
    folderGraph,
    untested,
    withLogic: needTests.length,
    testsRequired,
  };
}

const MAP_DOC = join('docs', 'architecture.md');
const MAP_HEADING = '## Which folder may depend on which';
const PACKAGE_FOLDER = 'force-app/main/';

/**
 * The doc's folder graph — the code block after MAP_HEADING, one `folder → a, b` line per folder (`(nothing…)` for
 * none), folders named without force-app/main/ — with the line of the block; undefined when there is none.
 */
export function documentedFolderGraph(projectDir: string): { graph: Map<string, string[]>; line: number } | undefined {
  const file = join(projectDir, MAP_DOC);
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const heading = lines.findIndex((l) => l.trim() === MAP_HEADING);
  const open = heading < 0 ? -1 : lines.findIndex((l, i) => i > heading && l.startsWith('```'));
  if (open < 0) return undefined;
  const graph = new Map<string, string[]>();
  for (let i = open + 1; i < lines.length && !(lines[i] ?? '').startsWith('```'); i += 1) {
    const match = /^(\S+)\s+→\s+(.*)$/.exec((lines[i] ?? '').trim());
    if (!match?.[1] || match[2] === undefined) continue;
    const targets = match[2].startsWith('(') ? [] : match[2].split(',').map((t) => t.trim());
    graph.set(match[1], targets.filter(Boolean).sort());
  }
  return { graph, line: open + 1 };
}

/** One finding when the doc's folder graph is not the code's (edges between force-app/main folders only). */
function architectureMapDrift(projectDir: string, folderGraph: Map<string, string[]>): Finding[] {
  const documented = documentedFolderGraph(projectDir);
  if (!documented) return [];
  const edges = (graph: Map<string, string[]>): Set<string> =>
    new Set([...graph].flatMap(([from, to]) => to.map((target) => `${from} → ${target}`)));
  const short = (folder: string): string | undefined =>
    folder.startsWith(PACKAGE_FOLDER) ? folder.slice(PACKAGE_FOLDER.length) : undefined;
  const code = new Map<string, string[]>();
  for (const [from, to] of folderGraph) {
    const name = short(from);
    if (name)
      code.set(
        name,
        to.flatMap((t) => short(t) ?? []),
      );
  }
  const inCode = edges(code);
  const inDoc = edges(documented.graph);
  const missing = [...inCode].filter((e) => !inDoc.has(e)).sort();
  const extra = [...inDoc].filter((e) => !inCode.has(e)).sort();
  if (missing.length === 0 && extra.length === 0) return [];
  const parts = [
    missing.length ? `the code has ${missing.join(', ')}` : '',
    extra.length ? `the code no longer has ${extra.join(', ')}` : '',
  ].filter(Boolean);
  return [
    {
      layer: 'structure',
      file: join(projectDir, MAP_DOC),
      line: documented.line,
      rule: 'ArchitectureMapDrift',
      message: `the folder graph of ${MAP_DOC} is not the code's: ${parts.join('; ')} (draw it with check-structure --graph)`,
    },
  ];
}

function byPlace(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

/** Lower-cased names of the project's top-level @IsTest classes. */
function testClassNames(trees: ApexTree[]): Set<string> {
  const names = new Set<string>();
  for (const { tree } of trees) {
    if (!(tree instanceof CompilationUnitContext)) continue;
    const declaration = tree.typeDeclaration();
    const name = declaration.classDeclaration()?.id().getText();
    if (name && isTestAnnotated(declaration.modifier_list())) names.add(name.toLowerCase());
  }
  return names;
}

function isTestAnnotated(modifiers: { annotation(): AnnotationContext | null }[]): boolean {
  return modifiers.some((m) => m.annotation()?.id().getText().toLowerCase() === 'istest');
}

/**
 * Whether the file is in the package: under a package directory that is not some package's `unpackagedMetadata`
 * (test-app holds test support, deployed only for the package's tests).
 */
function isPackaged(projectDir: string, file: string): boolean {
  const unpackaged = unpackagedDirs(projectDir);
  return !unpackaged.some((dir) => file === dir || file.startsWith(dir + sep));
}

const unpackagedCache = new Map<string, string[]>();
function unpackagedDirs(projectDir: string): string[] {
  const cached = unpackagedCache.get(projectDir);
  if (cached) return cached;
  const file = join(projectDir, 'sfdx-project.json');
  const parsed = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { packageDirectories?: { unpackagedMetadata?: { path?: unknown } }[] })
    : {};
  const dirs = (parsed.packageDirectories ?? [])
    .map((entry) => entry.unpackagedMetadata?.path)
    .filter((path): path is string => typeof path === 'string')
    .map((path) => resolve(projectDir, path));
  unpackagedCache.set(projectDir, dirs);
  return dirs;
}

/**
 * "Has logic", precisely: a class (not an interface or enum) has logic when a method, constructor, property
 * accessor or initializer block of it or of its inner classes holds
 *   - a statement other than a local variable declaration, an expression statement, a return or a block (so any
 *     if, switch, for, while, do, try, throw, break, continue, DML statement or runAs), or
 *   - an expression that calls a method (not `this(...)` / `super(...)` constructor chaining), runs SOQL or SOSL,
 *     or chooses (`?:`, `??`, `&&`, `||`).
 * Field initializers are not bodies. So a data holder (fields, constructors that assign them), an exception class
 * that only chains its constructor, a class of constants and an interface have none.
 * @returns where the first piece of logic is (for the message), or undefined when there is none
 */
export function hasLogic(tree: ApexTree['tree']): { line: number; what: string } | undefined {
  if (!(tree instanceof CompilationUnitContext) || !tree.typeDeclaration().classDeclaration()) return undefined;
  let found: { line: number; what: string } | undefined;
  walk(tree, (ctx) => {
    if (found || !inBody(ctx)) return;
    const what = logicOf(ctx);
    if (what) found = { line: ctx.start.line, what };
  });
  return found;
}

/** The statements that are logic by themselves (every kind but declarations, expressions, returns and blocks). */
const STATEMENT_KINDS: [string, (s: StatementContext) => unknown][] = [
  ['an if', (s) => s.ifStatement()],
  ['a switch', (s) => s.switchStatement()],
  ['a for loop', (s) => s.forStatement()],
  ['a while loop', (s) => s.whileStatement()],
  ['a do loop', (s) => s.doWhileStatement()],
  ['a try', (s) => s.tryStatement()],
  ['a throw', (s) => s.throwStatement()],
  ['a break', (s) => s.breakStatement()],
  ['a continue', (s) => s.continueStatement()],
  ['an insert', (s) => s.insertStatement()],
  ['an update', (s) => s.updateStatement()],
  ['a delete', (s) => s.deleteStatement()],
  ['an undelete', (s) => s.undeleteStatement()],
  ['an upsert', (s) => s.upsertStatement()],
  ['a merge', (s) => s.mergeStatement()],
  ['a runAs', (s) => s.runAsStatement()],
];

/** What a node does that counts as logic, or undefined. */
function logicOf(ctx: ApexParserRuleContext): string | undefined {
  if (ctx instanceof StatementContext) {
    return STATEMENT_KINDS.find(([, is]) => is(ctx) !== null)?.[0];
  }
  if (ctx instanceof MethodCallContext) {
    return ctx.THIS() || ctx.SUPER() ? undefined : `a call of ${ctx.id()?.getText() ?? 'a method'}`;
  }
  if (ctx instanceof DotMethodCallContext) return `a call of ${ctx.anyId().getText()}`;
  if (ctx instanceof SoqlLiteralContext || ctx instanceof SoslLiteralContext) return 'a query';
  if (ctx instanceof CondExpressionContext || ctx instanceof CoalExpressionContext) return 'a conditional expression';
  if (ctx instanceof LogAndExpressionContext || ctx instanceof LogOrExpressionContext) return 'a logical expression';
  return undefined;
}

/** Whether the node is inside a method, constructor, property accessor or initializer block. */
function inBody(ctx: ApexParserRuleContext): boolean {
  for (let at = ctx.parentCtx; at; at = at.parentCtx) {
    if (
      at instanceof MethodDeclarationContext ||
      at instanceof ConstructorDeclarationContext ||
      at instanceof PropertyBlockContext
    ) {
      return true;
    }
    if (at instanceof BlockContext && at.parentCtx instanceof ClassBodyDeclarationContext) return true;
  }
  return false;
}

function missingTest(unit: Unit): Finding {
  const declaration = (unit.tree as CompilationUnitContext).typeDeclaration();
  const logic = hasLogic(unit.tree);
  return {
    layer: 'structure',
    file: unit.file,
    line: declaration.start.line,
    column: declaration.start.column + 1,
    rule: 'MissingTestClass',
    message: `${unit.display} has logic (${logic?.what ?? 'logic'} at line ${logic?.line ?? 0}) but no test class ${unit.display}Test`,
  };
}

function toUnit(projectDir: string, file: string, tree: ApexTree['tree']): Unit | undefined {
  let name = (file.split(sep).pop() ?? file).replace(/\.(cls|trigger)$/, '');
  if (tree instanceof TriggerUnitContext) name = tree.id(0)?.getText() ?? name;
  else {
    const declaration = tree.typeDeclaration();
    const annotations = declaration.modifier_list().flatMap((m) => {
      const annotation = m.annotation();
      return annotation ? [annotation.id().getText().toLowerCase()] : [];
    });
    if (annotations.includes('istest')) return undefined;
    const declared =
      declaration.classDeclaration() ?? declaration.interfaceDeclaration() ?? declaration.enumDeclaration();
    if (declared) name = declared.id().getText();
  }
  return { file, name: name.toLowerCase(), display: name, folder: folderOf(projectDir, file), tree };
}

/** The directory above the file's `classes/` or `triggers/` folder, relative to the project (force-app/main/plan). */
export function folderOf(projectDir: string, file: string): string {
  const parts = relative(projectDir, dirname(file)).split(sep);
  const at = parts.findIndex((part) => part === 'classes' || part === 'triggers');
  return (at > 0 ? parts.slice(0, at) : parts).join('/');
}

function classLength(unit: Unit): Finding[] {
  if (!(unit.tree instanceof CompilationUnitContext)) return [];
  const text = readFileSync(unit.file, 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines <= MAX_CLASS_LINES) return [];
  const declaration = unit.tree.typeDeclaration();
  return [
    {
      layer: 'structure',
      file: unit.file,
      line: declaration.start.line,
      column: declaration.start.column + 1,
      rule: 'ClassTooLong',
      message: `${unit.display} is ${lines} lines (at most ${MAX_CLASS_LINES})`,
    },
  ];
}

function methodLengths(unit: Unit): { findings: Finding[]; count: number } {
  const findings: Finding[] = [];
  let count = 0;
  walk(unit.tree, (ctx) => {
    if (!(ctx instanceof MethodDeclarationContext || ctx instanceof ConstructorDeclarationContext)) return;
    count += 1;
    const lines = ctx.stop ? ctx.stop.line - ctx.start.line + 1 : 1;
    if (lines <= MAX_METHOD_LINES) return;
    const name = ctx instanceof MethodDeclarationContext ? ctx.id().getText() : ctx.qualifiedName().getText();
    findings.push({
      layer: 'structure',
      file: unit.file,
      line: ctx.start.line,
      column: ctx.start.column + 1,
      rule: 'MethodTooLong',
      message: `${enclosingClass(ctx)}.${name} is ${lines} lines (at most ${MAX_METHOD_LINES})`,
    });
  });
  return { findings, count };
}

function enclosingClass(ctx: ApexParserRuleContext): string {
  for (let at = ctx.parentCtx; at; at = at.parentCtx) {
    if (at instanceof ClassDeclarationContext || at instanceof EnumDeclarationContext) return at.id().getText();
  }
  return 'trigger';
}

function sizeSuppressions(unit: Unit): Finding[] {
  const findings: Finding[] = [];
  let lines: string[] | undefined;
  walk(unit.tree, (ctx) => {
    if (!(ctx instanceof AnnotationContext) || ctx.id().getText().toLowerCase() !== 'suppresswarnings') return;
    const values = ctx.getText();
    const rules = [...values.matchAll(/PMD\.(\w+)/g)].map((m) => m[1] ?? '').filter((rule) => SIZE_RULES.has(rule));
    if (rules.length === 0) return;
    lines ??= readFileSync(unit.file, 'utf8').split(/\r?\n/);
    const end = ctx.stop ?? ctx.start;
    const after = (lines[end.line - 1] ?? '').slice(end.column + (end.text?.length ?? 1));
    if (reasonWords(after) >= MIN_REASON_WORDS) return;
    findings.push({
      layer: 'structure',
      file: unit.file,
      line: ctx.start.line,
      column: ctx.start.column + 1,
      rule: 'UnjustifiedSizeSuppression',
      message: `@SuppressWarnings of ${rules.map((r) => `PMD.${r}`).join(', ')} needs a "// reason" (${MIN_REASON_WORDS}+ words) after it on line ${end.line}`,
    });
  });
  return findings;
}

/** Words of prose in the `//` comment of `text` (the rest of a line after an annotation). */
function reasonWords(text: string): number {
  const start = text.indexOf('//');
  if (start < 0) return 0;
  const prose = text.slice(start + 2).replace(/\bNOPMD\b|PMD\.\w+/gi, ' ');
  return (prose.match(/[A-Za-z]{2,}/g) ?? []).length;
}

/** Every reference from a unit to a unit of another folder, the first one per pair of units. */
function folderReferences(units: Unit[]): Reference[] {
  const byName = new Map(units.filter((u) => u.tree instanceof CompilationUnitContext).map((u) => [u.name, u]));
  const references: Reference[] = [];
  for (const unit of units) {
    const shadowed = declaredVariables(unit.tree);
    const seen = new Set<string>();
    const note = (name: string, at: ApexParserRuleContext): void => {
      const target = byName.get(name.toLowerCase());
      if (!target || target.folder === unit.folder || seen.has(target.name)) return;
      seen.add(target.name);
      references.push({ from: unit, to: target, line: at.start.line, column: at.start.column + 1 });
    };
    walk(unit.tree, (ctx) => {
      if (ctx instanceof TypeRefContext) {
        const first = ctx.typeName(0)?.id();
        if (first) note(first.getText(), ctx);
      } else if (ctx instanceof CreatedNameContext) {
        const first = ctx.idCreatedNamePair(0)?.anyId();
        if (first) note(first.getText(), ctx);
      } else if (ctx instanceof CatchClauseContext) {
        const first = ctx.qualifiedName().id(0);
        if (first) note(first.getText(), ctx);
      } else if (ctx instanceof IdPrimaryContext) {
        // A bare name used as an expression is a class only when no variable of the file has that name (Apex
        // resolves a variable before a type of the same name).
        const name = ctx.id().getText().toLowerCase();
        if (!shadowed.has(name)) note(name, ctx);
      }
    });
  }
  return references;
}

/** Lower-cased names of every field, property, parameter and local variable declared in the file. */
function declaredVariables(tree: ApexParserRuleContext): Set<string> {
  const names = new Set<string>();
  walk(tree, (ctx) => {
    if (
      ctx instanceof VariableDeclaratorContext ||
      ctx instanceof FormalParameterContext ||
      ctx instanceof EnhancedForControlContext ||
      ctx instanceof PropertyDeclarationContext ||
      ctx instanceof CatchClauseContext
    ) {
      names.add(ctx.id().getText().toLowerCase());
    }
  });
  return names;
}

/** One finding per folder edge that lies on a cycle (inside a strongly connected group of two or more folders). */
function folderCycles(references: Reference[]): Finding[] {
  const edges = new Map<string, Map<string, Reference[]>>();
  for (const reference of references) {
    const targets = edges.get(reference.from.folder) ?? new Map<string, Reference[]>();
    edges.set(reference.from.folder, targets);
    targets.set(reference.to.folder, [...(targets.get(reference.to.folder) ?? []), reference]);
  }
  const findings: Finding[] = [];
  for (const group of stronglyConnected(edges)) {
    if (group.length < 2) continue;
    const members = new Set(group);
    const cycle = [...group].sort().join(', ');
    for (const from of [...group].sort()) {
      for (const [to, refs] of [...(edges.get(from) ?? new Map<string, Reference[]>())].sort()) {
        if (!members.has(to)) continue;
        const pairs = refs.map((r) => `${r.from.display} → ${r.to.display}`);
        const first = refs[0];
        if (!first) continue;
        findings.push({
          layer: 'structure',
          file: first.from.file,
          line: first.line,
          column: first.column,
          rule: 'FolderCycle',
          message: `folders { ${cycle} } reference each other in a circle; edge ${from} → ${to}: ${pairs.join(', ')}`,
        });
      }
    }
  }
  return findings;
}

/** Tarjan's strongly connected components of the folder graph. */
function stronglyConnected(edges: Map<string, Map<string, unknown>>): string[][] {
  const nodes = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((t) => [...t.keys()])]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      groups.push(group);
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return groups;
}

function graphOf(units: Unit[], references: Reference[]): Map<string, string[]> {
  const graph = new Map<string, Set<string>>();
  for (const unit of units) graph.set(unit.folder, graph.get(unit.folder) ?? new Set());
  for (const reference of references) graph.get(reference.from.folder)?.add(reference.to.folder);
  return new Map([...graph].sort(([a], [b]) => a.localeCompare(b)).map(([folder, to]) => [folder, [...to].sort()]));
}

function walk(ctx: ApexParserRuleContext, visit: (ctx: ApexParserRuleContext) => void): void {
  visit(ctx);
  for (const child of ctx.children ?? []) if (isRule(child)) walk(child, visit);
}

function isRule(node: unknown): node is ApexParserRuleContext {
  return typeof node === 'object' && node !== null && 'children' in node && 'start' in node;
}
