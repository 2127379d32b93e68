// What the compiler knows while it turns one method body into closures: the class it belongs to, whether `this`
// exists, the local variables in scope (each bound to a frame slot) and, inside a property accessor, the property
// whose name refers to its own storage.
import type * as A from '../../apex/ast';
import { EmulatorUnsupportedError } from '../../errors';
import type { ClassInfo, MethodInfo } from '../classes';
import type { Frame } from '../frame';
import type { Program } from '../program';
import type { ApexType } from '../types';
import type { Value } from '../values';

/** A compiled expression. */
export type Ev = (f: Frame) => Value;
/** A compiled statement: returns a completion (NORMAL, BREAK, CONTINUE, RETURN). */
export type Exec = (f: Frame) => number;

export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;

export interface LocalVar {
  name: string;
  slot: number;
  type: ApexType;
}

class Scope {
  readonly vars = new Map<string, LocalVar>();
  constructor(readonly parent: Scope | undefined) {}
}

export class CompileContext {
  private scope = new Scope(undefined);
  slotCount = 0;

  constructor(
    readonly program: Program,
    readonly cls: ClassInfo,
    readonly method: MethodInfo,
    /** False inside instance methods, constructors and instance initialisers. */
    readonly isStatic: boolean,
    /** Inside a property accessor: that property's lower-case name. */
    readonly accessorOf: string | undefined,
    readonly file: string,
  ) {}

  declare(name: string, type: ApexType): LocalVar {
    const v: LocalVar = { name, slot: this.slotCount, type };
    this.slotCount += 1;
    this.scope.vars.set(name.toLowerCase(), v);
    return v;
  }

  lookup(name: string): LocalVar | undefined {
    const lower = name.toLowerCase();
    for (let s: Scope | undefined = this.scope; s; s = s.parent) {
      const v = s.vars.get(lower);
      if (v) return v;
    }
    return undefined;
  }

  /** Every variable visible here by lower-case name (dynamic SOQL binds read them by name). */
  visibleVars(): Map<string, LocalVar> {
    const out = new Map<string, LocalVar>();
    const scopes: Scope[] = [];
    for (let s: Scope | undefined = this.scope; s; s = s.parent) scopes.unshift(s);
    for (const s of scopes) for (const [k, v] of s.vars) out.set(k, v);
    return out;
  }

  push(): void {
    this.scope = new Scope(this.scope);
  }

  pop(): void {
    if (this.scope.parent) this.scope = this.scope.parent;
  }

  resolveType(t: A.TypeRefNode): ApexType {
    return this.program.resolveType(t, this.cls);
  }

  unsupported(what: string, loc: A.Loc): never {
    throw new EmulatorUnsupportedError(what, `${this.file}:${loc.line}`);
  }
}
