// One Apex transaction: the state an org keeps for the duration of one request, test method, trigger cascade or
// async job — class statics (Apex Developer Guide, "Static and Instance Methods, Variables, and Initialization Code":
// static variables are static only within one transaction), governor limits, the running user, the call stack,
// and the work queued until commit (async jobs, platform events, notifications). Nothing of it is global.
import { ApexPlatformError } from '../errors';
import type { Org } from '../org/Org';
import type { ClassInfo } from './classes';
import type { Frame } from './frame';
import { Limits } from './limits';
import type { Program } from './program';
import type { Value } from './values';

export interface TxnOptions {
  /** Running user id (18 characters). */
  userId: string;
  isTest: boolean;
  async?: boolean;
  /** The test method's class, so coverage can leave test code out. */
  testClass?: ClassInfo;
}

export class Txn {
  readonly statics = new Map<ClassInfo, Record<string, Value>>();
  readonly initialized = new Set<ClassInfo>();
  readonly stack: Frame[] = [];
  limits: Limits;
  /** The running user; System.runAs pushes and pops. */
  userId: string;
  readonly userStack: string[] = [];
  readonly isTest: boolean;
  readonly isAsync: boolean;
  /** System.debug output, one entry per call (`USER_DEBUG|[line]|LEVEL|message` is the caller's business). */
  readonly debugLog: { level: string; line: number; message: string }[] = [];
  /** Per-transaction scratch space for library modules (e.g. the CMDT cache, RestContext), by module key. */
  readonly scratch = new Map<string, unknown>();
  /** Bind variables in scope for a dynamic query (set by the compiler around Database.query calls). */
  dynamicBinds: ((name: string) => Value) | undefined;
  /** Statements executed (for the interpreter's throughput figures). */
  statements = 0;
  /** How many System.runAs blocks are open. */
  runAsDepth = 0;
  /** Test.startTest / stopTest progress of a test method. */
  readonly testState = { started: false, stopped: false };

  constructor(
    readonly program: Program,
    readonly org: Org,
    options: TxnOptions,
  ) {
    this.userId = options.userId;
    this.isTest = options.isTest;
    this.isAsync = options.async ?? false;
    this.limits = new Limits(this.isAsync);
  }

  get currentFrame(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Per-transaction state of a library module, created on first use. */
  state<T>(key: string, create: () => T): T {
    let v = this.scratch.get(key) as T | undefined;
    if (v === undefined) {
      v = create();
      this.scratch.set(key, v);
    }
    return v;
  }

  staticsOf(cls: ClassInfo): Record<string, Value> {
    let s = this.statics.get(cls);
    if (!s) {
      s = Object.create(null) as Record<string, Value>;
      this.statics.set(cls, s);
    }
    return s;
  }

  /** Where the innermost Apex frame is, for messages. */
  where(): string {
    const f = this.currentFrame;
    if (!f) return 'unknown location';
    return `${f.method.cls.file ?? f.method.cls.apexName}:${f.line}`;
  }

  fail(apexType: string, message: string): never {
    throw new ApexPlatformError(apexType, message);
  }
}
