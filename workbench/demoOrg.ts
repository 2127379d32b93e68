/**
 * The emulator bootstrap: one emulated org (emulator/) running this repository's sfdx project — the package's own
 * Apex, objects, Custom Metadata, permission sets, and demo-app's approver groups — set up the way `npm run
 * org:setup` sets up a scratch org: demo users holding the shipped permission sets and in the approver groups,
 * demo Accounts, Opportunities and Cases inserted through DML, and (unless asked not to) two agents' proposals
 * submitted through REST v1. Nothing here decides anything about an action: every request is a call of the
 * package's Apex (`callRest`, `callAura`, anonymous Apex) and every answer is the Apex's.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runAnonymous } from '../emulator/src/entry/anonymous';
import { callAura, type AuraAnswer } from '../emulator/src/entry/aura';
import { apexErrorMessage, callRest, type RestAnswer, type RestCall } from '../emulator/src/entry/rest';
import { EmulatorUnsupportedError } from '../emulator/src/errors';
import { normalizeError } from '../emulator/src/runtime/invoke';
import { runRequest } from '../emulator/src/entry/transaction';
import { fromWire, toWire, type Json } from '../emulator/src/entry/wireValues';
import { Org } from '../emulator/src/org/Org';
import { exportOrgState, importOrgState, type OrgState } from '../emulator/src/org/persist';
import { loadProject, type ProjectMetadata } from '../emulator/src/project';
import type { StoredRecord } from '../emulator/src/data/Database';
import { SObjectValue } from '../emulator/src/runtime/sobject';
import type { Txn } from '../emulator/src/runtime/transaction';
import type { Value } from '../emulator/src/runtime/values';
import { ApexDecimal } from '../emulator/src/values/Decimal';
import { plainText } from '../emulator/src/runtime/stringify';
import {
  AGENT_USERNAME,
  DEMO_OBJECTS,
  DEMO_SETUP_AT,
  OPPORTUNITY_EDITORS,
  DEMO_USERS,
  RECORD_OWNER,
  SEED_RUNS,
  demoAccounts,
  demoCases,
  demoOpportunities,
  seedRecordFields,
} from './demoData';

/** The two-character instance part of the demo org's ids (`0065g0000000001AAA`). */
export const ID_INSTANCE = '5g';
/** The REST path of intake v1 after `/services/apexrest`. */
export const INTAKE_PATH = '/actionplane/v1';
/** The @AuraEnabled class the components call. */
export const CONTROLLER_CLASS = 'ActionInboxController';

export interface DemoOrgOptions {
  /** The sfdx project to run (default: this repository). */
  projectDir?: string;
  /** A project already loaded from `projectDir` (tests share one). */
  project?: ProjectMetadata;
  /** Submit the two agents' demo proposals after the set-up (default true). */
  seedRuns?: boolean;
  /** The base clock in epoch ms (default: the machine's); the workbench can move it forward. */
  now?: () => number;
}

/** `ActionStatusChanged__e` (or any platform event) as the EMP API hands it to a subscriber. */
export interface StreamedEvent {
  replayId: number;
  /** The event's API name (`ActionStatusChanged__e`). */
  channel: string;
  /** Field values by API name. */
  payload: Record<string, Json>;
}

export interface DemoUserView {
  id: string;
  username: string;
  name: string;
  /** Labels of the permission sets the user holds ("ActionPlane Agent"). */
  permissions: string[];
  permissionSets: string[];
  groups: string[];
}

/** A request the Apex could not run (setup failed, a job failed): the workbench refuses to start or answers 500. */
export class DemoOrgError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoOrgError';
  }
}

/** What the workbench saves under `.actionplane/` (the org's data plus the workbench clock). */
export interface WorkbenchState {
  format: 'actionplane-workbench-state';
  version: 1;
  /** Hash of the project's package directories: a state of another package version is not loaded. */
  fingerprint: string;
  savedAt: string;
  seedRuns: boolean;
  clockOffsetMs: number;
  org: OrgState;
}

/** An Apex string literal of `text` (Apex Developer Guide, "String": escape sequences). */
export function apexString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A stored field value as the JSON a client reads (numbers, `YYYY-MM-DD` dates, ISO date-times, ids). */
const wireTxns = new WeakMap<Org, Txn>();
function jsonOf(org: Org, v: Value): Json {
  let txn = wireTxns.get(org);
  if (!txn) {
    txn = org.newTxn({ userId: org.seed.adminUserId, isTest: false });
    wireTxns.set(org, txn);
  }
  return toWire(txn, v, { auraEnabledOnly: false });
}

/** A stored text, number or id as a string ('' for null). */
function text(v: Value | undefined): string {
  return plainText(v);
}

/**
 * A hash of every file the emulator reads from the project's package directories (LWC bundles excluded: the
 * emulator runs no JavaScript). Saved with the state, so a state made by another version of the package is not
 * loaded into this one.
 */
export function projectFingerprint(project: ProjectMetadata): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      if (entry === 'node_modules' || entry === 'lwc' || entry === '__tests__' || entry.startsWith('.')) continue;
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(relative(project.root, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  for (const pkg of project.config.packageDirectories) walk(resolve(project.root, pkg.path));
  return hash.digest('hex');
}

export class DemoOrg {
  readonly project: ProjectMetadata;
  readonly seedRuns: boolean;
  org!: Org;
  private readonly baseNow: () => number;
  private clockOffsetMs = 0;
  private eventCursor = 0;
  private readonly eventListeners = new Set<(event: StreamedEvent) => void>();
  private readonly changeListeners = new Set<() => void>();
  private fingerprintCache: string | undefined;

  constructor(options: DemoOrgOptions = {}) {
    this.project = options.project ?? loadProject(options.projectDir ?? process.cwd());
    this.seedRuns = options.seedRuns ?? true;
    this.baseNow = options.now ?? (() => Date.now());
    this.build();
  }

  /** The workbench clock: the base clock plus what `advanceClock` added. */
  now(): number {
    return this.baseNow() + this.clockOffsetMs;
  }

  get fingerprint(): string {
    this.fingerprintCache ??= projectFingerprint(this.project);
    return this.fingerprintCache;
  }

  // ---- set-up (npm run org:setup, in the emulator) -------------------------------------------------------------

  /**
   * A new org from the project, set up as org:setup sets up a scratch org (at the fixed DEMO_SETUP_AT, so the users
   * and records are the same on every start, timestamps included), then the seeded proposals, now.
   */
  private build(seedRuns = this.seedRuns): void {
    let setUp = true;
    const setupAt = Date.parse(DEMO_SETUP_AT);
    this.org = new Org(this.project, { clock: () => (setUp ? setupAt : this.now()), instance: ID_INSTANCE });
    this.setUpUsers();
    this.insertDemoRecords();
    setUp = false;
    if (seedRuns) this.submitSeedRuns();
    this.eventCursor = this.org.events.length;
  }

  /**
   * Restores the state of the first start: a new org, the clock back to now, the seeded proposals submitted again
   * (`seedRuns: false`: an empty inbox, as tests want it).
   */
  reset(options: { seedRuns?: boolean } = {}): void {
    this.clockOffsetMs = 0;
    this.build(options.seedRuns ?? this.seedRuns);
    this.changed();
  }

  /** Anonymous Apex as the org's administrator (`sf apex run`); a failure stops the set-up with the Apex error. */
  private runSetupApex(what: string, source: string): string[] {
    const out = runAnonymous(this.org, source, `workbench-${what}.apex`, this.org.seed.adminUserId);
    if (out.error) throw new DemoOrgError(`${what}: ${out.error.message}\n${out.error.stackTrace ?? ''}`);
    return out.debug.map((d) => d.message);
  }

  /** Setup objects in one transaction: users, their permission set assignments, their group memberships. */
  private setUpUsers(): void {
    const users = DEMO_USERS.map(
      (u) =>
        `new User(FirstName = ${apexString(u.firstName)}, LastName = ${apexString(u.lastName)}, ` +
        `Username = ${apexString(u.username)}, Email = ${apexString(u.username)}, ` +
        `Alias = ${apexString((u.firstName.slice(0, 1) + u.lastName).slice(0, 8).toLowerCase())}, ` +
        `ProfileId = profiles.get(${apexString(u.profile)}), TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', ` +
        `EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US')`,
    );
    const assignments = DEMO_USERS.flatMap((u, i) =>
      u.permissionSets.map(
        (ps) =>
          `new PermissionSetAssignment(AssigneeId = users[${i}].Id, PermissionSetId = permissionSets.get(${apexString(ps)}))`,
      ),
    );
    const memberships = DEMO_USERS.flatMap((u, i) =>
      u.groups.map((g) => `new GroupMember(GroupId = groups.get(${apexString(g)}), UserOrGroupId = users[${i}].Id)`),
    );
    this.runSetupApex(
      'demo-users',
      [
        'Map<String, Id> profiles = new Map<String, Id>();',
        'for (Profile p : [SELECT Id, Name FROM Profile]) { profiles.put(p.Name, p.Id); }',
        'Map<String, Id> permissionSets = new Map<String, Id>();',
        'for (PermissionSet p : [SELECT Id, Name FROM PermissionSet WHERE IsOwnedByProfile = false]) { permissionSets.put(p.Name, p.Id); }',
        'Map<String, Id> groups = new Map<String, Id>();',
        "for (Group g : [SELECT Id, DeveloperName FROM Group WHERE Type = 'Regular']) { groups.put(g.DeveloperName, g.Id); }",
        `List<User> users = new List<User>{ ${users.join(', ')} };`,
        'insert users;',
        `insert new List<PermissionSetAssignment>{ ${assignments.join(', ')} };`,
        `insert new List<GroupMember>{ ${memberships.join(', ')} };`,
      ].join('\n'),
    );
  }

  /** Data objects in a second transaction (setup and non-setup DML do not mix): Accounts, then what hangs off them. */
  private insertDemoRecords(): void {
    const opportunities = demoOpportunities();
    const cases = demoCases();
    const json = (v: unknown) => apexString(JSON.stringify(v));
    this.runSetupApex(
      'demo-records',
      [
        `Id ownerId = [SELECT Id FROM User WHERE Username = ${apexString(RECORD_OWNER)}].Id;`,
        `List<Account> accounts = (List<Account>) JSON.deserialize(${json(demoAccounts())}, List<Account>.class);`,
        'for (Account a : accounts) { a.OwnerId = ownerId; }',
        'insert accounts;',
        `List<Opportunity> opportunities = (List<Opportunity>) JSON.deserialize(${json(opportunities.map((o) => o.fields))}, List<Opportunity>.class);`,
        `List<Integer> opportunityAccounts = (List<Integer>) JSON.deserialize(${json(opportunities.map((o) => o.account))}, List<Integer>.class);`,
        'for (Integer i = 0; i < opportunities.size(); i++) {',
        '  opportunities[i].AccountId = accounts[opportunityAccounts[i]].Id;',
        '  opportunities[i].OwnerId = ownerId;',
        '}',
        'insert opportunities;',
        // Opportunity is Public Read Only by default: the owner shares the demo deals with who works on them.
        `List<Id> editors = new List<Id>();`,
        `for (User u : [SELECT Id FROM User WHERE Username IN :new List<String>{ ${OPPORTUNITY_EDITORS.users.map(apexString).join(', ')} }]) { editors.add(u.Id); }`,
        `for (Group g : [SELECT Id FROM Group WHERE DeveloperName IN :new List<String>{ ${OPPORTUNITY_EDITORS.groups.map(apexString).join(', ')} }]) { editors.add(g.Id); }`,
        'List<OpportunityShare> shares = new List<OpportunityShare>();',
        'for (Opportunity o : opportunities) {',
        '  for (Id editor : editors) {',
        "    shares.add(new OpportunityShare(OpportunityId = o.Id, UserOrGroupId = editor, OpportunityAccessLevel = 'Edit'));",
        '  }',
        '}',
        'insert shares;',
        `List<Case> cases = (List<Case>) JSON.deserialize(${json(cases.map((c) => c.fields))}, List<Case>.class);`,
        `List<Integer> caseAccounts = (List<Integer>) JSON.deserialize(${json(cases.map((c) => c.account))}, List<Integer>.class);`,
        'for (Integer i = 0; i < cases.size(); i++) {',
        '  cases[i].AccountId = accounts[caseAccounts[i]].Id;',
        '  cases[i].OwnerId = ownerId;',
        '}',
        'insert cases;',
      ].join('\n'),
    );
  }

  /** The two agents' proposals, through REST v1 as the agent user, then the votes through the controller. */
  private submitSeedRuns(): void {
    const agent = this.requireUser(AGENT_USERNAME);
    const ids = new Map<string, string>();
    for (const run of SEED_RUNS) {
      const body = {
        run: { externalId: run.externalId, agent: run.agent, source: 'External', goal: run.goal },
        actions: run.actions.map((a) => ({
          idempotencyKey: a.key,
          object: a.object,
          recordId: this.recordIds(a.object)[a.record],
          operation: 'update',
          changes: a.changes(seedRecordFields(a)),
          confidence: a.confidence,
          rationale: a.rationale,
          ...(a.evidence ? { evidence: a.evidence } : {}),
        })),
      };
      const answer = this.rest({
        method: 'POST',
        path: `${INTAKE_PATH}/actions`,
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
        userId: agent,
      });
      const text = answer.body.toString('utf8');
      if (answer.status !== 201) throw new DemoOrgError(`seeding run ${run.externalId}: ${answer.status} ${text}`);
      const result = JSON.parse(text) as { actions: { id: string; idempotencyKey: string }[] };
      for (const a of result.actions) ids.set(a.idempotencyKey, a.id);
      for (const vote of run.votes) {
        const answer = this.aura(
          'decide',
          {
            actionIds: [ids.get(vote.key) ?? ''],
            decision: vote.decision,
            reason: vote.reason ?? null,
            editedValues: null,
          },
          this.requireUser(vote.username),
        );
        const ok = answer.ok && (answer.value as { results?: { ok: boolean }[] }).results?.[0]?.ok === true;
        if (!ok) {
          const why = answer.ok ? JSON.stringify(answer.value) : `${answer.kind}: ${answer.message}`;
          throw new DemoOrgError(`seeding a vote of ${vote.username}: ${why}`);
        }
      }
    }
  }

  // ---- requests ------------------------------------------------------------------------------------------------

  /** An Apex REST request (`/services/apexrest/...` without that prefix) as `call.userId`. */
  rest(call: RestCall): RestAnswer {
    try {
      return callRest(this.org, call);
    } finally {
      this.afterRequest();
    }
  }

  /** A component's call of an `@AuraEnabled` method of the controller as `userId`. */
  aura(methodName: string, params: Record<string, Json>, userId: string): AuraAnswer {
    try {
      return callAura(this.org, { className: CONTROLLER_CLASS, methodName, params, userId });
    } finally {
      this.afterRequest();
    }
  }

  /** Whether the controller has this `@AuraEnabled` static method. */
  hasControllerMethod(methodName: string): boolean {
    const cls = this.org.program.userClass(CONTROLLER_CLASS);
    const methods = cls?.methods.get(methodName.toLowerCase()) ?? [];
    return methods.some((m) => m.isStatic && m.annotation('AuraEnabled') !== undefined);
  }

  private afterRequest(): void {
    this.streamNewEvents();
    this.changed();
  }

  /**
   * A person edits a record (as in the record page): the values, as the JSON a Lightning record form sends, saved
   * with one `update` in user mode as `userId`. Validation, triggers and sharing are the org's. Answers the
   * platform's error message when the save fails (nothing is written).
   */
  updateRecord(objectName: string, recordId: string, values: Record<string, Json>, userId: string): string | null {
    const describe = this.org.schema.get(objectName);
    if (!describe) return `No object ${objectName}`;
    const outcome = runRequest(this.org, userId, (txn) => {
      // A JSON null clears the field. (The emulator's wire conversion reads null as the text "null", so nulls are
      // set on the record after it, not passed through it.)
      const given = Object.entries(values);
      const set = Object.fromEntries(given.filter(([, v]) => v !== null));
      const record = fromWire(txn, { ...set, Id: recordId }, { kind: 'sobject', sobject: describe.name });
      if (!(record instanceof SObjectValue)) throw new DemoOrgError(`${describe.name} ${recordId}: not a record`);
      for (const [name] of given.filter(([, v]) => v === null)) {
        const member = record.member(name);
        if (member.kind !== 'field') throw new EmulatorUnsupportedError(`relationship ${name} in a record edit`);
        record.values.set(member.field.name.toLowerCase(), null);
      }
      this.org.dmlStatement(txn, 'update', record, { sharing: 'with', accessLevel: 'user' });
    });
    this.afterRequest();
    if (outcome.error === undefined) return null;
    const e = normalizeError(outcome.txn, outcome.error);
    if (e instanceof EmulatorUnsupportedError) throw e;
    // "System.DmlException: Update failed. …" without the stack trace.
    return apexErrorMessage(e).split('\n\n')[0] ?? '';
  }

  /** Moves the workbench clock forward (to reach expiry times). */
  advanceClock(hours: number): void {
    this.clockOffsetMs += hours * 3_600_000;
    this.changed();
  }

  /**
   * What the scheduled job does every hour in the org: `Database.executeBatch(new ActionExpiryJob(), 200)` as the
   * administrator who scheduled it. Returns the ids of the actions that became Expired; a failed job fails loudly.
   */
  runExpiryJob(): string[] {
    const pendingBefore = new Set(
      this.live('PlannedAction__c')
        .filter((r) => r.fields.get('status__c') !== 'Expired')
        .map((r) => r.id),
    );
    const [jobId] = this.runSetupApex('expiry', 'System.debug(Database.executeBatch(new ActionExpiryJob(), 200));');
    this.afterRequest();
    const job = jobId ? this.org.db.get(jobId) : undefined;
    if (!job) throw new DemoOrgError(`ActionExpiryJob: no AsyncApexJob ${String(jobId)}`);
    if (job.fields.get('status') !== 'Completed') {
      throw new DemoOrgError(
        `ActionExpiryJob ended ${text(job.fields.get('status'))}: ${text(job.fields.get('extendedstatus'))}`,
      );
    }
    return this.live('PlannedAction__c')
      .filter((r) => pendingBefore.has(r.id) && r.fields.get('status__c') === 'Expired')
      .map((r) => r.id);
  }

  // ---- what the workbench shows (reads of the org's data, no rules) --------------------------------------------

  private live(objectName: string): StoredRecord[] {
    return [...this.org.db.table(objectName)].filter((r) => !r.isDeleted);
  }

  /** A stored record as JSON with field API names (what `GET /sobjects/<object>/<id>` would show). */
  recordJson(rec: StoredRecord): Record<string, Json> {
    const out: Record<string, Json> = { Id: rec.id };
    for (const [key, value] of rec.fields) {
      if (key !== 'id') out[rec.describe.fields.get(key)?.name ?? key] = jsonOf(this.org, value);
    }
    return out;
  }

  /** The demo records of one of DEMO_OBJECTS, in insertion order; undefined for any other object. */
  records(objectName: string): { object: string; records: Record<string, Json>[] } | undefined {
    const name = DEMO_OBJECTS.find((o) => o.toLowerCase() === objectName.toLowerCase());
    if (!name) return undefined;
    return { object: name, records: this.live(name).map((r) => this.recordJson(r)) };
  }

  /** One demo record by its 15- or 18-character id. */
  record(objectName: string, recordId: string): Record<string, Json> | undefined {
    const name = DEMO_OBJECTS.find((o) => o.toLowerCase() === objectName.toLowerCase());
    const rec = name ? this.live(name).find((r) => r.id === recordId || r.id.slice(0, 15) === recordId) : undefined;
    return rec ? this.recordJson(rec) : undefined;
  }

  private recordIds(objectName: string): string[] {
    return this.live(objectName).map((r) => r.id);
  }

  /** Agent runs, newest first, for the shell's Runs tab. */
  runs(): Record<string, Json>[] {
    const counts = new Map<string, number>();
    for (const a of this.live('PlannedAction__c')) {
      const run = text(a.fields.get('run__c'));
      counts.set(run, (counts.get(run) ?? 0) + 1);
    }
    return this.live('AgentRun__c')
      .reverse()
      .map((r) => ({
        id: r.id,
        name: jsonOf(this.org, r.fields.get('name') ?? null),
        externalId: jsonOf(this.org, r.fields.get('externalrunid__c') ?? null),
        agent: jsonOf(this.org, r.fields.get('agentname__c') ?? null),
        status: jsonOf(this.org, r.fields.get('status__c') ?? null),
        createdAt: jsonOf(this.org, r.fields.get('createddate') ?? null),
        actionCount: counts.get(r.id) ?? 0,
      }));
  }

  /** The demo users with the permission sets they hold and the groups they are in. */
  users(): DemoUserView[] {
    const permissionSets = new Map(this.live('PermissionSet').map((p) => [p.id, p]));
    const groups = new Map(this.live('Group').map((g) => [g.id, g]));
    return DEMO_USERS.map((demo) => {
      const id = this.requireUser(demo.username);
      const held = this.live('PermissionSetAssignment')
        .filter((a) => text(a.fields.get('assigneeid')) === id)
        .map((a) => permissionSets.get(text(a.fields.get('permissionsetid'))))
        .filter((p): p is StoredRecord => p !== undefined && p.fields.get('isownedbyprofile') !== true);
      const memberOf = this.live('GroupMember')
        .filter((m) => text(m.fields.get('userorgroupid')) === id)
        .map((m) => groups.get(text(m.fields.get('groupid'))))
        .filter((g): g is StoredRecord => g !== undefined);
      const user = this.org.db.get(id);
      return {
        id,
        username: demo.username,
        name: text(user?.fields.get('name')) || `${demo.firstName} ${demo.lastName}`,
        permissions: held.map((p) => text(p.fields.get('label'))),
        permissionSets: held.map((p) => text(p.fields.get('name'))),
        groups: memberOf.map((g) => text(g.fields.get('developername'))),
      };
    });
  }

  /** The public groups of the demo (demo-app) with their members' ids. */
  groups(): { developerName: string; label: string; members: string[] }[] {
    const members = this.live('GroupMember');
    return this.live('Group')
      .filter((g) => g.fields.get('type') === 'Regular')
      .map((g) => ({
        developerName: text(g.fields.get('developername')),
        label: text(g.fields.get('name')),
        members: members
          .filter((m) => text(m.fields.get('groupid')) === g.id)
          .map((m) => text(m.fields.get('userorgroupid'))),
      }));
  }

  /** A demo user's id by username (case-insensitive), or undefined. */
  userId(username: string): string | undefined {
    const wanted = username.trim().toLowerCase();
    if (!DEMO_USERS.some((u) => u.username === wanted)) return undefined;
    return this.live('User').find((u) => text(u.fields.get('username')).toLowerCase() === wanted)?.id;
  }

  private requireUser(username: string): string {
    const id = this.userId(username);
    if (!id) throw new DemoOrgError(`demo user ${username} is missing`);
    return id;
  }

  /** A user by username, a group by developer name, anything else by id. */
  private recipientName(id: string): string {
    const rec = this.org.db.get(id);
    return text(rec?.fields.get('username') ?? rec?.fields.get('developername') ?? null) || id;
  }

  /**
   * The users a notification reaches: recipients may be users or groups, and a group reaches its members, nested
   * groups included (Apex Reference, "CustomNotification Class": send(recipientIds) takes user, group and queue ids).
   */
  private reachedUsers(recipients: readonly string[]): Set<string> {
    const members = this.live('GroupMember');
    const users = new Set<string>();
    const seenGroups = new Set<string>();
    const visit = (id: string): void => {
      const rec = this.org.db.get(id);
      if (rec?.describe.name === 'User') users.add(id);
      else if (rec?.describe.name === 'Group' && !seenGroups.has(id)) {
        seenGroups.add(id);
        for (const m of members) if (text(m.fields.get('groupid')) === id) visit(text(m.fields.get('userorgroupid')));
      }
    };
    recipients.forEach(visit);
    return users;
  }

  /** Custom notifications the org sent, newest first (optionally only those that reach one user). */
  notifications(userId?: string): Record<string, Json>[] {
    return [...this.org.notifications]
      .reverse()
      .filter((n) => userId === undefined || this.reachedUsers(n.recipients).has(userId))
      .map((n) => ({
        type: text(n.typeId ? this.org.db.get(n.typeId)?.fields.get('developername') : null) || n.typeId,
        title: n.title,
        body: n.body,
        targetId: n.targetId,
        recipients: n.recipients.map((r) => this.recipientName(r)),
        sentBy: this.recipientName(n.sentBy),
        sentAt: new Date(n.sentAt).toISOString(),
      }));
  }

  // ---- Setup: the ActionPlaneSetting.Default custom metadata record --------------------------------------------

  private settingRecord(): StoredRecord {
    const rec = this.live('ActionPlaneSetting__mdt').find((r) => r.fields.get('developername') === 'Default');
    if (!rec) throw new DemoOrgError('the project has no ActionPlaneSetting__mdt record named Default');
    return rec;
  }

  /** The custom fields of `ActionPlaneSetting.Default` as deployed (plus Setup edits). */
  settings(): Record<string, Json> {
    const rec = this.settingRecord();
    const out: Record<string, Json> = {};
    for (const f of rec.describe.fields.list()) {
      if (f.name.endsWith('__c')) out[f.name] = jsonOf(this.org, rec.fields.get(f.name.toLowerCase()) ?? null);
    }
    return out;
  }

  /**
   * Edits `ActionPlaneSetting.Default` as an admin does in Setup (a metadata change, not DML): each value is checked
   * against its field's metadata — a picklist value must be one of the field's values, a number a number. Returns
   * the problems (nothing is changed when there is one).
   */
  updateSettings(values: Record<string, unknown>): string[] {
    const rec = this.settingRecord();
    const problems: string[] = [];
    const updates: [string, Value][] = [];
    for (const [name, value] of Object.entries(values)) {
      const f = rec.describe.fields.get(name);
      if (!f || !f.name.endsWith('__c')) {
        problems.push(`${rec.describe.name} has no custom field ${name}`);
        continue;
      }
      if (value === null) updates.push([f.name.toLowerCase(), null]);
      else if (f.type === 'PICKLIST') {
        const allowed = f.picklistValues.map((p) => p.value);
        if (typeof value === 'string' && allowed.includes(value)) updates.push([f.name.toLowerCase(), value]);
        else problems.push(`${f.name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
      } else if (f.apexType === 'Decimal' || f.apexType === 'Double' || f.apexType === 'Integer') {
        if (typeof value === 'number' && Number.isFinite(value))
          updates.push([f.name.toLowerCase(), f.apexType === 'Integer' ? value : ApexDecimal.valueOf(String(value))]);
        else problems.push(`${f.name} must be a number, got ${JSON.stringify(value)}`);
      } else if (f.apexType === 'String') {
        if (typeof value === 'string') updates.push([f.name.toLowerCase(), value]);
        else problems.push(`${f.name} must be text, got ${JSON.stringify(value)}`);
      } else if (f.apexType === 'Boolean') {
        if (typeof value === 'boolean') updates.push([f.name.toLowerCase(), value]);
        else problems.push(`${f.name} must be true or false, got ${JSON.stringify(value)}`);
      } else problems.push(`${f.name} (${f.type}) cannot be edited here`);
    }
    if (problems.length > 0) return problems;
    for (const [k, v] of updates) rec.fields.set(k, v);
    this.changed();
    return [];
  }

  // ---- platform events for the workbench's EMP API stream -------------------------------------------------------

  /** Calls `listener` with every platform event published from now on; returns the unsubscribe function. */
  subscribe(listener: (event: StreamedEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  private streamNewEvents(): void {
    const fresh = this.org.events.slice(this.eventCursor);
    this.eventCursor = this.org.events.length;
    for (const e of fresh) {
      const payload: Record<string, Json> = {};
      let replayId = 0;
      for (const [key, value] of e.record.values) {
        if (key === 'replayid') replayId = Number(text(value));
        else payload[e.record.describe.fields.get(key)?.name ?? key] = jsonOf(this.org, value);
      }
      const event = { replayId, channel: e.record.describe.name, payload };
      for (const listener of this.eventListeners) listener(event);
    }
  }

  // ---- state under .actionplane/ --------------------------------------------------------------------------------

  /** Calls `listener` after anything may have changed the org (the state saver listens). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }

  exportState(): WorkbenchState {
    return {
      format: 'actionplane-workbench-state',
      version: 1,
      fingerprint: this.fingerprint,
      savedAt: new Date(this.now()).toISOString(),
      seedRuns: this.seedRuns,
      clockOffsetMs: this.clockOffsetMs,
      org: exportOrgState(this.org),
    };
  }

  /**
   * Loads a saved state into a new org of this project. Returns why it was not loaded (another package version,
   * not a workbench state), or null when it was.
   */
  importState(state: unknown): string | null {
    const s = state as Partial<WorkbenchState> | null;
    if (s?.format !== 'actionplane-workbench-state' || s.version !== 1) return 'it is not a workbench state';
    if (s.fingerprint !== this.fingerprint) return 'the package (force-app, demo-app …) changed since it was saved';
    const org = new Org(this.project, { clock: () => this.now(), instance: ID_INSTANCE });
    importOrgState(org, s.org);
    this.org = org;
    this.clockOffsetMs = typeof s.clockOffsetMs === 'number' ? s.clockOffsetMs : 0;
    this.eventCursor = org.events.length;
    return null;
  }
}
