// Compiles Apex statements into closures returning a completion code. Every statement records its line in the
// frame (stack traces, getLineNumber()) and in the coverage counters of its file.
import type * as A from '../../apex/ast';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { convertForAssign, isInstanceOf } from '../conversion';
import { ApexThrow } from '../exceptions';
import type { Frame } from '../frame';
import { normalizeError } from '../invoke';
import { nullPointer } from '../operators';
import type { ApexType } from '../types';
import { ApexList, ApexObject, EnumValue, type Value } from '../values';
import { iterate } from '../collections';
import { BREAK, CONTINUE, NORMAL, RETURN, type CompileContext, type Exec } from './context';
import { compileExpr } from './expressions';

export interface StatementOptions {
  /** Coverage counters of the file, indexed by line. */
  hits: Uint32Array | undefined;
  /** The method's return type (undefined for void). */
  returnType: ApexType | undefined;
}

/** Wraps a statement so that it keeps the frame's line and counts coverage. */
function track(s: A.Stmt, hits: Uint32Array | undefined, exec: Exec): Exec {
  const line = s.loc.line;
  const column = s.loc.column;
  if (!hits) {
    return (f) => {
      f.line = line;
      f.column = column;
      f.txn.statements += 1;
      return exec(f);
    };
  }
  return (f) => {
    f.line = line;
    f.column = column;
    f.txn.statements += 1;
    hits[line] = (hits[line] ?? 0) + 1;
    return exec(f);
  };
}

function booleanOf(v: Value): boolean {
  if (v === null) throw nullPointer();
  return v as boolean;
}

export function compileBlock(cc: CompileContext, b: A.Block, o: StatementOptions, scoped = true): Exec {
  if (scoped) cc.push();
  const stmts = b.stmts.map((s) => compileStmt(cc, s, o));
  if (scoped) cc.pop();
  const n = stmts.length;
  if (n === 0) return () => NORMAL;
  if (n === 1) return stmts[0] as Exec;
  return (f) => {
    for (let i = 0; i < n; i += 1) {
      const c = (stmts[i] as Exec)(f);
      if (c !== NORMAL) return c;
    }
    return NORMAL;
  };
}

/**
 * A statement whose compilation meets a feature the emulator does not implement fails when it runs, not when its
 * method is first compiled: code an org compiles and runs without reaching that statement (an error branch that
 * sends e-mail, say) runs here too, and the statement that is reached still fails loudly with its own message.
 */
export function compileStmt(cc: CompileContext, s: A.Stmt, o: StatementOptions): Exec {
  try {
    return compileStmtInner(cc, s, o);
  } catch (e) {
    if (!(e instanceof EmulatorUnsupportedError)) throw e;
    return () => {
      throw e;
    };
  }
}

function compileStmtInner(cc: CompileContext, s: A.Stmt, o: StatementOptions): Exec {
  switch (s.kind) {
    case 'block':
      return compileBlock(cc, s, o);
    case 'local':
      return track(s, o.hits, localVar(cc, s));
    case 'expr': {
      const ev = compileExpr(cc, s.expr).ev;
      return track(s, o.hits, (f) => {
        ev(f);
        return NORMAL;
      });
    }
    case 'if': {
      const cond = compileExpr(cc, s.cond).ev;
      const then = compileScoped(cc, s.then, o);
      const other = s.else ? compileScoped(cc, s.else, o) : undefined;
      return track(s, o.hits, (f) => (booleanOf(cond(f)) ? then(f) : other ? other(f) : NORMAL));
    }
    case 'while': {
      const cond = compileExpr(cc, s.cond).ev;
      const body = s.body ? compileScoped(cc, s.body, o) : () => NORMAL;
      return track(s, o.hits, (f) => {
        while (booleanOf(cond(f))) {
          const c = body(f);
          if (c === BREAK) break;
          if (c === RETURN) return c;
        }
        return NORMAL;
      });
    }
    case 'dowhile': {
      const body = compileBlock(cc, s.body, o);
      const cond = compileExpr(cc, s.cond).ev;
      return track(s, o.hits, (f) => {
        do {
          const c = body(f);
          if (c === BREAK) break;
          if (c === RETURN) return c;
        } while (booleanOf(cond(f)));
        return NORMAL;
      });
    }
    case 'for':
      return track(s, o.hits, forLoop(cc, s, o));
    case 'foreach':
      return track(s, o.hits, forEach(cc, s, o));
    case 'switch':
      return track(s, o.hits, switchStmt(cc, s, o));
    case 'try':
      return tryStmt(cc, s, o);
    case 'return': {
      const returnType = o.returnType;
      if (!s.expr) {
        return track(s, o.hits, () => RETURN);
      }
      const ev = compileExpr(cc, s.expr).ev;
      return track(s, o.hits, (f) => {
        const v = ev(f);
        f.ret = returnType ? convertForAssign(v, returnType) : v;
        return RETURN;
      });
    }
    case 'throw': {
      const ev = compileExpr(cc, s.expr).ev;
      return track(s, o.hits, (f) => {
        const v = ev(f);
        if (v === null) throw nullPointer();
        if (!(v instanceof ApexObject) || !v.cls.isException) {
          throw new EmulatorUnsupportedError('throwing a value that is not an exception', `${cc.file}:${s.loc.line}`);
        }
        throw new ApexThrow(v);
      });
    }
    case 'break':
      return track(s, o.hits, () => BREAK);
    case 'continue':
      return track(s, o.hits, () => CONTINUE);
    case 'dml':
      return track(s, o.hits, dml(cc, s));
    case 'runas':
      return track(s, o.hits, runAs(cc, s, o));
  }
}

/** A statement in its own scope (the body of an if or a loop). */
function compileScoped(cc: CompileContext, s: A.Stmt, o: StatementOptions): Exec {
  cc.push();
  const exec = compileStmt(cc, s, o);
  cc.pop();
  return exec;
}

function localVar(cc: CompileContext, s: A.LocalVarStmt): Exec {
  const type = cc.resolveType(s.type);
  const inits: { slot: number; ev: ((f: Frame) => Value) | undefined }[] = [];
  for (const d of s.declarators) {
    // A local takes scope after its declarator (Apex Developer Guide, "Variables": variables "take on scope from
    // that point forward"), so its own initialiser still sees the class it may shadow by name
    // (`Log__e log = Log.currentEvent();`, as rsoesemann/apex-unified-logging's tests write it).
    const ev = d.init ? compileExpr(cc, d.init).ev : undefined;
    const v = cc.declare(d.name, type);
    inits.push({ slot: v.slot, ev });
  }
  if (inits.length === 1) {
    const { slot, ev } = inits[0] as { slot: number; ev: ((f: Frame) => Value) | undefined };
    if (!ev) {
      return (f) => {
        f.slots[slot] = null;
        return NORMAL;
      };
    }
    return (f) => {
      f.slots[slot] = convertForAssign(ev(f), type);
      return NORMAL;
    };
  }
  return (f) => {
    for (const { slot, ev } of inits) f.slots[slot] = ev ? convertForAssign(ev(f), type) : null;
    return NORMAL;
  };
}

function forLoop(cc: CompileContext, s: A.ForStmt, o: StatementOptions): Exec {
  cc.push();
  let init: Exec = () => NORMAL;
  if (s.init) {
    if (Array.isArray(s.init)) {
      const evs = s.init.map((e) => compileExpr(cc, e).ev);
      init = (f) => {
        for (const ev of evs) ev(f);
        return NORMAL;
      };
    } else init = localVar(cc, s.init);
  }
  const cond = s.cond ? compileExpr(cc, s.cond).ev : undefined;
  const update = s.update.map((e) => compileExpr(cc, e).ev);
  const body = s.body ? compileScoped(cc, s.body, o) : () => NORMAL;
  cc.pop();
  return (f) => {
    for (init(f); cond ? booleanOf(cond(f)) : true;) {
      const c = body(f);
      if (c === BREAK) break;
      if (c === RETURN) return c;
      for (const u of update) u(f);
    }
    return NORMAL;
  };
}

/**
 * `for (T x : collection)` over a List, Set or Iterable, and the SOQL for loop (Apex Developer Guide, "SOQL For
 * Loops": the list form `for (List<T> batch : [query])` receives the rows 200 at a time). Changing the collection
 * during the loop throws System.FinalException ("Cannot modify a collection while it is being iterated").
 */
function forEach(cc: CompileContext, s: A.ForEachStmt, o: StatementOptions): Exec {
  cc.push();
  const type = cc.resolveType(s.type);
  const iterable = compileExpr(cc, s.iterable).ev;
  const variable = cc.declare(s.name, type);
  const slot = variable.slot;
  const body = s.body ? compileScoped(cc, s.body, o) : () => NORMAL;
  cc.pop();
  const soqlBatches = s.iterable.kind === 'soql' && type.kind === 'list';
  return (f) => {
    const source = iterable(f);
    if (source === null) throw nullPointer();
    if (soqlBatches) {
      const rows = (source as ApexList).items;
      const element = (type as { element: ApexType }).element;
      for (let i = 0; i < rows.length; i += 200) {
        f.slots[slot] = new ApexList(element, rows.slice(i, i + 200));
        const c = body(f);
        if (c === BREAK) break;
        if (c === RETURN) return c;
      }
      return NORMAL;
    }
    return iterate(f.txn, source, (item) => {
      f.slots[slot] = convertForAssign(item, type);
      const c = body(f);
      if (c === BREAK) return false;
      if (c === RETURN) return 'return';
      return true;
    })
      ? RETURN
      : NORMAL;
  };
}

/**
 * `switch on` (Apex Developer Guide, "Switch Statements"): Integer, Long, String (case-sensitive), enum and sObject
 * type branches, `when null`, `when else`; no fall-through.
 */
function switchStmt(cc: CompileContext, s: A.SwitchStmt, o: StatementOptions): Exec {
  const subject = compileExpr(cc, s.subject).ev;
  const branches = s.whens.map((w) => {
    cc.push();
    let match: (v: Value, f: Frame) => boolean;
    let bindSlot: number | undefined;
    if (w.kind === 'else') match = () => true;
    else if (w.kind === 'type') {
      const type = cc.resolveType(w.type as A.TypeRefNode);
      bindSlot = cc.declare(w.varName as string, type).slot;
      match = (v) => isInstanceOf(v, type);
    } else {
      const tests = w.values.map((lit) => whenTest(cc, lit, w.loc));
      match = (v, f) => tests.some((t) => t(v, f));
    }
    const body = compileBlock(cc, w.body, o, false);
    cc.pop();
    return { match, body, bindSlot };
  });
  return (f) => {
    const v = subject(f);
    for (const b of branches) {
      if (b.match(v, f)) {
        if (b.bindSlot !== undefined) f.slots[b.bindSlot] = v;
        return b.body(f);
      }
    }
    return NORMAL;
  };
}

function whenTest(cc: CompileContext, lit: A.WhenLiteral, loc: A.Loc): (v: Value, f: Frame) => boolean {
  switch (lit.kind) {
    case 'null':
      return (v) => v === null;
    case 'integer': {
      const n = lit.value;
      return (v) => v === n || (typeof v === 'bigint' && v === BigInt(n));
    }
    case 'long': {
      const n = lit.value;
      return (v) => v === n || (typeof v === 'number' && BigInt(v) === n);
    }
    case 'string': {
      const str = lit.value;
      return (v) => v === str;
    }
    case 'name': {
      const name = lit.parts[lit.parts.length - 1]?.toLowerCase() ?? '';
      return (v) => {
        if (!(v instanceof EnumValue)) {
          if (v === null) return false;
          throw new EmulatorUnsupportedError('switch on a non-enum value with a name', `${cc.file}:${loc.line}`);
        }
        return v.name.toLowerCase() === name;
      };
    }
  }
}

function tryStmt(cc: CompileContext, s: A.TryStmt, o: StatementOptions): Exec {
  const body = compileBlock(cc, s.body, o);
  const catches = s.catches.map((c) => {
    cc.push();
    const type = cc.program.lookupTypeName(c.typeName, cc.cls);
    if (!type || type.kind !== 'class') {
      return cc.unsupported(`catch of ${c.typeName.join('.')}`, c.loc);
    }
    const slot = cc.declare(c.varName, type).slot;
    const block = compileBlock(cc, c.body, o, false);
    cc.pop();
    return { cls: type.cls, slot, block, line: c.loc.line };
  });
  const fin = s.finally ? compileBlock(cc, s.finally, o) : undefined;
  const hits = o.hits;
  const guarded = (f: Frame): number => {
    try {
      return body(f);
    } catch (e) {
      const thrown = normalizeError(f.txn, e);
      if (!(thrown instanceof ApexThrow) || thrown.uncatchable) throw thrown;
      const cls = thrown.exception.cls;
      const handler = catches.find((c) => cls.isSubtypeOf(c.cls));
      if (!handler) throw thrown;
      f.slots[handler.slot] = thrown.exception;
      if (hits) hits[handler.line] = (hits[handler.line] ?? 0) + 1;
      return handler.block(f);
    }
  };
  if (!fin) return guarded;
  // The finally block runs however the try and catch blocks end; a finally that itself returns, breaks or
  // throws replaces that outcome (Apex Developer Guide, "Exception Statements").
  return (f) => {
    let code: number;
    try {
      code = guarded(f);
    } catch (e) {
      const fc = fin(f);
      if (fc !== NORMAL) return fc;
      throw e;
    }
    const fc = fin(f);
    return fc !== NORMAL ? fc : code;
  };
}

function dml(cc: CompileContext, s: A.DmlStmt): Exec {
  const records = compileExpr(cc, s.expr).ev;
  const op = s.op;
  const access = s.access;
  const externalId = s.externalIdField;
  const merge = s.mergeExpr ? compileExpr(cc, s.mergeExpr).ev : undefined;
  return (f) => {
    const value = records(f);
    f.txn.org.dmlStatement(f.txn, op, value, {
      ...(access ? { accessLevel: access } : {}),
      ...(externalId ? { externalIdField: externalId } : {}),
      ...(merge ? { mergeWith: merge(f) } : {}),
      sharing: f.sharing,
    });
    return NORMAL;
  };
}

/** System.runAs(user) { … } (Apex Developer Guide, "Using the runAs Method"): test code only. */
function runAs(cc: CompileContext, s: A.RunAsStmt, o: StatementOptions): Exec {
  const args = s.args.map((a) => compileExpr(cc, a).ev);
  const body = compileBlock(cc, s.body, o);
  return (f) => {
    if (!f.txn.isTest)
      throw new ApexPlatformError('System.UnexpectedException', 'System.runAs can only be used in test methods');
    const values = args.map((a) => a(f));
    const userId = f.txn.org.runAsUserId(f.txn, values);
    f.txn.userStack.push(f.txn.userId);
    f.txn.userId = userId;
    f.txn.org.beginRunAs(f.txn);
    try {
      return body(f);
    } finally {
      f.txn.userId = f.txn.userStack.pop() as string;
      f.txn.org.endRunAs(f.txn);
    }
  };
}
