// Compiles whole bodies: methods and property accessors, constructors (with this(...)/super(...) chaining),
// triggers, anonymous blocks, and the field initialisers and initialiser blocks of a class.
import type * as A from '../../apex/ast';
import { EmulatorUnsupportedError } from '../../errors';
import type { ClassInfo, MethodInfo } from '../classes';
import { convertForAssign } from '../conversion';
import type { Frame } from '../frame';
import { construct, runSuperThenInit } from '../invoke';
import type { Program } from '../program';
import type { ApexObject, Value } from '../values';
import { CompileContext, type Ev, type Exec } from './context';
import { compileExpr } from './expressions';
import { compileBlock, type StatementOptions } from './statements';

function fileOf(cls: ClassInfo): string {
  return cls.topLevel.file ?? cls.file ?? cls.apexName;
}

function optionsFor(program: Program, cls: ClassInfo, returnType: StatementOptions['returnType']): StatementOptions {
  return { hits: program.hitsFor(fileOf(cls)), returnType };
}

function declareParams(cc: CompileContext, method: MethodInfo): void {
  for (const p of method.params) cc.declare(p.name, cc.resolveType(p.typeRef));
}

/** Compiles `method` once; the body is kept on the MethodInfo. */
export function compileMethod(program: Program, method: MethodInfo): void {
  const cls = method.cls;
  const file = fileOf(cls);
  switch (method.kind) {
    case 'method':
    case 'getter':
    case 'setter': {
      const decl = method.decl as A.MethodDecl | A.PropertyAccessor;
      const body = 'body' in decl ? decl.body : undefined;
      if (!body) return;
      const accessorOf = method.kind === 'method' ? undefined : propertyNameOf(method);
      const cc = new CompileContext(program, cls, method, method.isStatic, accessorOf, file);
      declareParams(cc, method);
      const returnType = method.returnTypeRef ? cc.resolveType(method.returnTypeRef) : undefined;
      const exec = compileBlock(
        cc,
        body,
        optionsFor(program, cls, method.kind === 'getter' ? returnType : returnType),
        false,
      );
      finish(method, cc, exec);
      return;
    }
    case 'constructor': {
      const decl = method.decl as A.ConstructorDecl;
      const cc = new CompileContext(program, cls, method, false, undefined, file);
      declareParams(cc, method);
      finish(method, cc, constructorBody(cc, cls, decl, optionsFor(program, cls, undefined)));
      return;
    }
    case 'trigger': {
      const decl = method.decl as A.TriggerDecl;
      const cc = new CompileContext(program, cls, method, true, undefined, file);
      finish(method, cc, compileBlock(cc, decl.body, optionsFor(program, cls, undefined), false));
      return;
    }
    case 'anonymous': {
      const decl = method.decl as A.AnonymousDecl;
      const cc = new CompileContext(program, cls, method, true, undefined, file);
      finish(method, cc, compileBlock(cc, decl.body, { hits: undefined, returnType: undefined }, false));
      return;
    }
    case 'initializer':
      throw new EmulatorUnsupportedError('compiling an initializer as a method');
  }
}

function finish(method: MethodInfo, cc: CompileContext, exec: Exec): void {
  method.slotCount = cc.slotCount;
  method.compiled = (f) => {
    exec(f);
  };
}

function propertyNameOf(method: MethodInfo): string {
  return method.name.slice(3).toLowerCase();
}

/**
 * A constructor body: `this(...)` delegates to another constructor of the class; otherwise the superclass is
 * constructed (explicit `super(...)` or implicitly), the class's initialisers run, then the rest of the body.
 */
function constructorBody(cc: CompileContext, cls: ClassInfo, decl: A.ConstructorDecl, o: StatementOptions): Exec {
  const [first, ...rest] = decl.body.stmts;
  const chained = first?.kind === 'expr' && first.expr.kind === 'call' && !first.expr.target ? first.expr : undefined;
  const kind = chained?.name.toLowerCase();
  if (chained && (kind === 'this' || kind === 'super')) {
    const args = chained.args.map((a) => compileExpr(cc, a));
    const evs = args.map((a) => a.ev);
    const types = args.map((a) => a.type);
    const body = compileBlock(cc, { kind: 'block', stmts: rest, loc: decl.body.loc }, o, false);
    const line = chained.loc.line;
    const hits = o.hits;
    if (kind === 'this') {
      return (f) => {
        f.line = line;
        if (hits) hits[line] = (hits[line] ?? 0) + 1;
        construct(f.txn, cls, f.self as ApexObject, evalAll(f, evs), types);
        return body(f);
      };
    }
    return (f) => {
      f.line = line;
      if (hits) hits[line] = (hits[line] ?? 0) + 1;
      runSuperThenInit(f.txn, cls, f.self as ApexObject, evalAll(f, evs));
      return body(f);
    };
  }
  const body = compileBlock(cc, decl.body, o, false);
  return (f) => {
    runSuperThenInit(f.txn, cls, f.self as ApexObject, []);
    return body(f);
  };
}

function evalAll(f: Frame, evs: Ev[]): Value[] {
  return evs.map((e) => e(f));
}

/**
 * The static or instance initialisation of a class: field initialisers and initialiser blocks in declaration
 * order. Instance fields without an initialiser are set to null so that they print in order (MyClass:[a=null]).
 */
export function compileInitializers(
  program: Program,
  cls: ClassInfo,
  isStatic: boolean,
  method: MethodInfo,
): (f: Frame) => void {
  const file = fileOf(cls);
  const cc = new CompileContext(program, cls, method, isStatic, undefined, file);
  const o = optionsFor(program, cls, undefined);
  const steps: ((f: Frame) => void)[] = [];
  for (const step of isStatic ? cls.staticInit : cls.instanceInit) {
    if (step.kind === 'field') {
      const field = step.field;
      const lower = field.lower;
      const type = (field.type ??= program.resolveType(field.typeRef, field.cls));
      const line = field.loc.line;
      if (!field.init) {
        steps.push(
          isStatic
            ? (f) => {
                const s = f.txn.staticsOf(cls);
                if (!(lower in s)) s[lower] = null;
              }
            : (f) => {
                (f.self as ApexObject).fields[lower] = null;
              },
        );
        continue;
      }
      const ev = compileExpr(cc, field.init).ev;
      const hits = o.hits;
      steps.push(
        isStatic
          ? (f) => {
              f.line = line;
              if (hits) hits[line] = (hits[line] ?? 0) + 1;
              f.txn.staticsOf(cls)[lower] = convertForAssign(ev(f), type);
            }
          : (f) => {
              f.line = line;
              if (hits) hits[line] = (hits[line] ?? 0) + 1;
              (f.self as ApexObject).fields[lower] = convertForAssign(ev(f), type);
            },
      );
    } else {
      const decl = step.method.decl as A.MethodDecl;
      if (decl.body) {
        const exec = compileBlock(cc, decl.body, o);
        steps.push((f) => {
          exec(f);
        });
      }
    }
  }
  method.slotCount = cc.slotCount;
  return (f) => {
    for (const s of steps) s(f);
  };
}
