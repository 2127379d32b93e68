// One emulated org: the project's metadata and schema, the loaded program, the database, the id generator and the
// clock. Transactions (Txn) run against it; test isolation snapshots and restores its database.
import type { SoqlQuery } from '../data/soql/ast';
import { Database } from '../data/Database';
import { runDmlStatement, type DmlStatementOptions } from '../data/dml/statement';
import { resetMixedDml } from '../data/dml/engine';
import { runSoql } from '../data/query';
import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { registerLibrary } from '../library';
import { runDueScheduledJobs } from '../library/async/jobs';
import type { ProjectMetadata } from '../project';
import type { DmlOperation } from '../apex/ast';
import type { EffectiveSharing } from '../runtime/frame';
import { Program } from '../runtime/program';
import { SObjectValue } from '../runtime/sobject';
import { Txn, type TxnOptions } from '../runtime/transaction';
import { ApexObject, type Value } from '../runtime/values';
import { OrgSchema } from '../schema';
import type { FieldDescribe, SObjectDescribe } from '../schema/types';
import type { StoredRecord } from '../data/Database';
import type { QuerySecurity } from '../data/soql/engine';
import type { DmlSecurity } from '../data/access';
import { ApexId, IdGenerator } from '../values/Id';
import { seedOrg, type OrgSeed } from './seed';
import { SecurityModel } from '../security/enforcement';
import type { AccessDecision, AccessType } from '../security/stripInaccessible';
import type { UserRecordAccessRow } from '../security/userRecordAccess';
import type { PublishedEvent } from '../library/events/eventBus';
import type { SentNotification } from '../library/messaging/customNotification';

export interface OrgOptions {
  /** Epoch milliseconds "now" (defaults to the machine clock). */
  clock?: () => number;
  /** The two-character instance part of minted ids. */
  instance?: string;
}

/** The security model's answers (emulator/src/security), installed when the org is built. */
export interface OrgSecurity {
  hasModifyAllData(userId: string): boolean;
  querySecurity(txn: Txn, sharing: EffectiveSharing, mode: 'default' | 'USER_MODE' | 'SYSTEM_MODE'): QuerySecurity;
  dmlSecurity(txn: Txn, sharing: EffectiveSharing, mode: 'default' | 'USER_MODE' | 'SYSTEM_MODE'): DmlSecurity;
  /** Object permission of a user (Schema describe isAccessible/isCreateable/isUpdateable/isDeletable). */
  objectPermission?(userId: string, object: string, what: 'read' | 'create' | 'edit' | 'delete'): boolean;
  /** Field permission of a user (DescribeFieldResult.isAccessible/isCreateable/isUpdateable). */
  fieldPermission?(userId: string, object: string, field: string, what: 'read' | 'edit' | 'create'): boolean;
  /** FeatureManagement.checkPermission. */
  hasCustomPermission?(userId: string, name: string): boolean;
  /** Apex class access for entry points (REST, @AuraEnabled, invocable). */
  canRunApexClass?(userId: string, className: string): boolean;
  recordInserted?(rec: StoredRecord): void;
  ownerChanged?(rec: StoredRecord): void;
  userSaved?(user: StoredRecord): void;
  permissionSetOfGroup?(groupId: string): string;
  stripInaccessible?(
    userId: string,
    type: AccessType,
    records: (SObjectValue | null)[],
    enforceRoot: boolean,
  ): AccessDecision;
  userRecordAccess?(userId: string, recordIds: readonly string[]): UserRecordAccessRow[];
}

export interface BindSource {
  byIndex?: Value[];
  byName?: (name: string) => Value;
}

export class Org {
  readonly schema: OrgSchema;
  readonly program: Program;
  db = new Database();
  ids: IdGenerator;
  readonly clock: () => number;
  /** Ids of the records every org has (profiles, the admin user …). */
  seed!: OrgSeed;
  security: OrgSecurity | undefined;
  /** Lookups cleared when their target was deleted, restored when it is undeleted (by deleted record id). */
  clearedLookups = new Map<string, { id: string; field: string }[]>();
  /** Platform events published in this org (delivered or not), for tools to show. */
  readonly events: PublishedEvent[] = [];
  /** Custom notifications sent in this org. */
  readonly notifications: SentNotification[] = [];
  private readonly orgCaches = new Map<string, unknown>();
  /** The last auto number issued per object field (`object.field` lower case). */
  private autoNumbers = new Map<string, number>();

  constructor(
    readonly project: ProjectMetadata,
    options: OrgOptions = {},
  ) {
    this.schema = new OrgSchema(project);
    this.program = new Program(project.apexClasses, project.apexTriggers, {
      sobjectName: (name) => (this.schema.has(name) ? this.schema.get(name)?.name : undefined),
    });
    registerLibrary(this.program);
    this.ids = new IdGenerator(options.instance ?? 'xx');
    this.clock = options.clock ?? (() => Date.now());
    this.seed = seedOrg(this);
    this.security = new SecurityModel(this);
  }

  /** The describe of an object the org has; anything else is a platform error. */
  describe(name: string): SObjectDescribe {
    const d = this.schema.get(name);
    if (!d) throw new ApexPlatformError('System.SObjectException', `Invalid sObject type: ${name}`);
    return d;
  }

  /** Mints the next id for an object. */
  newId(describe: SObjectDescribe): ApexId {
    if (!describe.keyPrefix) throw new EmulatorUnsupportedError(`records of ${describe.name} (no key prefix)`);
    return this.ids.next(describe.keyPrefix);
  }

  /** The next value of an auto-number field, formatted by its display format (`PA-{00000000}`). */
  nextAutoNumber(describe: SObjectDescribe, field: FieldDescribe): string {
    const key = `${describe.name}.${field.name}`.toLowerCase();
    const n = (this.autoNumbers.get(key) ?? 0) + 1;
    this.autoNumbers.set(key, n);
    const format = field.displayFormat ?? '{0}';
    const m = /\{(0+)\}/.exec(format);
    if (!m) throw new EmulatorUnsupportedError(`auto number format ${format} of ${describe.name}.${field.name}`);
    return format.replace(m[0], String(n).padStart((m[1] ?? '0').length, '0'));
  }

  /** A per-org cache of a library module (schema tokens …), created on first use. */
  caches<T>(key: string, create: () => T): T {
    let v = this.orgCaches.get(key) as T | undefined;
    if (v === undefined) {
      v = create();
      this.orgCaches.set(key, v);
    }
    return v;
  }

  /** A new, empty record of an object (`new Account()`). */
  newSObject(name: string): SObjectValue {
    return new SObjectValue(this.describe(name));
  }

  /** Organization.FiscalYearStartMonth. */
  fiscalYearStartMonth(): number {
    return 1;
  }

  /** Auto numbers and cleared lookups survive a rollback as their database does not (test isolation). */
  snapshotCounters(): {
    autoNumbers: Map<string, number>;
    clearedLookups: Map<string, { id: string; field: string }[]>;
  } {
    return { autoNumbers: new Map(this.autoNumbers), clearedLookups: new Map(this.clearedLookups) };
  }

  restoreCounters(c: {
    autoNumbers: Map<string, number>;
    clearedLookups: Map<string, { id: string; field: string }[]>;
  }): void {
    this.autoNumbers = new Map(c.autoNumbers);
    this.clearedLookups = new Map(c.clearedLookups);
  }

  /** An id string as an Id value. */
  newIdValue(id: string): ApexId {
    return ApexId.valueOf(id);
  }

  newTxn(options: TxnOptions): Txn {
    return new Txn(this.program, this, options);
  }

  /**
   * Runs the scheduled jobs (System.schedule outside a test) whose next fire time is at or before `now` — the org's
   * clock by default — each in a transaction of its own, then what they queued or published (library/async/jobs.ts,
   * runDueScheduledJobs). Call it when the clock moves on (the workbench's clock, a test harness). Returns how many
   * jobs ran.
   */
  runDueJobs(now: number = this.clock()): number {
    return runDueScheduledJobs(this, now);
  }

  /** An inline or dynamic SOQL query run by Apex code in `txn`. */
  query(
    txn: Txn,
    q: SoqlQuery,
    binds: BindSource,
    sharing: EffectiveSharing,
    accessMode: 'default' | 'USER_MODE' | 'SYSTEM_MODE' = 'default',
  ): Value {
    return runSoql(txn, q, binds, sharing, accessMode, false);
  }

  /** A DML statement (`insert x;`). */
  dmlStatement(txn: Txn, op: DmlOperation, value: Value, options: DmlStatementOptions): void {
    runDmlStatement(txn, op, value, options);
  }

  /** The user a System.runAs block runs as: its argument is a User record (or a Version, unsupported). */
  runAsUserId(txn: Txn, args: Value[]): string {
    const [user] = args;
    if (args.length !== 1 || !(user instanceof SObjectValue) || user.describe.name !== 'User') {
      if (user instanceof ApexObject) throw new EmulatorUnsupportedError('System.runAs(Version)');
      throw new ApexPlatformError('System.UnexpectedException', 'System.runAs needs a User');
    }
    let id = user.values.get('id');
    // The insert of a new user is the DML statement the runAs call counts as.
    const counted = id instanceof ApexId;
    if (!(id instanceof ApexId)) {
      // Apex Developer Guide, "Using the runAs Method": its example runs as a User it never inserts ("a new test
      // user is created, then code is run as that user"; "you can create users with runAs"). The record is
      // saved like an insert, so it gets its Id and the validation and defaults of any User insert.
      runDmlStatement(txn, 'insert', user, { sharing: 'without' });
      resetMixedDml(txn);
      id = user.values.get('id');
      if (!(id instanceof ApexId)) throw new Error('emulator: runAs inserted a User without an Id');
    }
    if (!this.db.get(id.value)) {
      throw new ApexPlatformError('System.DmlException', `System.runAs: no User ${id.value}`);
    }
    if (counted) this.countRunAs(txn);
    return id.value;
  }

  /** Each System.runAs block starts and ends with fresh mixed-DML tracking (setup DML is allowed inside runAs). */
  beginRunAs(txn: Txn): void {
    txn.runAsDepth += 1;
    resetMixedDml(txn);
  }

  /** "Every call to runAs counts against the total number of DML statements issued in the process." */
  countRunAs(txn: Txn): void {
    txn.limits.count('dmlStatements');
  }

  endRunAs(txn: Txn): void {
    txn.runAsDepth -= 1;
    resetMixedDml(txn);
  }

  /** The running user's time zone and locale (User.TimeZoneSidKey / LocaleSidKey). */
  userContext(userId: string): { timeZone: string; locale: string; language: string } {
    const u = this.db.get(userId);
    const tz = u?.fields.get('timezonesidkey');
    const locale = u?.fields.get('localesidkey');
    const language = u?.fields.get('languagelocalekey');
    return {
      timeZone: typeof tz === 'string' ? tz : 'America/Los_Angeles',
      locale: typeof locale === 'string' ? locale : 'en_US',
      language: typeof language === 'string' ? language : 'en_US',
    };
  }
}
