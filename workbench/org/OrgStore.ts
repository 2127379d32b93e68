/**
 * OrgStore — the in-memory database of the workbench org: the demo records and users, and the ActionPlane custom
 * objects with exactly the field API names of docs/architecture.md (so a reader can hold this beside the Apex).
 * Nothing here decides anything; the services do, through the shared TypeScript core.
 */
import type { PolicyMetadata } from '../../src/core/PolicyEngine';
import {
  AGENT_USERNAME,
  demoGroups,
  demoRecords,
  demoUsers,
  type DemoGroup,
  type DemoRecord,
  type DemoUser,
  type FieldValue,
} from './DemoData';
import { makeId } from './SalesforceId';

export type { ActionStatus } from '../../src/core/ActionStatusMachine';
import type { ActionStatus } from '../../src/core/ActionStatusMachine';

export type RunStatus =
  'Open' | 'AwaitingApproval' | 'Completed' | 'PartiallyApplied' | 'Rejected' | 'Halted' | 'Failed';

export interface AgentRun {
  Id: string;
  Name: string;
  AgentName__c: string;
  Source__c: string;
  ExternalRunId__c: string;
  Goal__c: string | null;
  Evidence__c: string | null;
  RequestedBy__c: string;
  ParentRun__c: string | null;
  Status__c: RunStatus;
  HaltReason__c: string | null;
  LastSequence__c: number;
  LastHash__c: string;
  CreatedDate: string;
}

export interface PlannedAction {
  Id: string;
  Name: string;
  Run__c: string;
  TargetObject__c: string;
  TargetRecordId__c: string;
  Operation__c: 'Update';
  Confidence__c: number | null;
  Rationale__c: string | null;
  Evidence__c: string | null;
  Status__c: ActionStatus;
  Effect__c: string;
  Risk__c: string;
  PolicyReasons__c: string;
  MatchedPolicies__c: string;
  ApproverGroup__c: string | null;
  RequiredApprovals__c: number;
  AllowSelfApproval__c: boolean;
  IdempotencyKey__c: string;
  ExpiresAt__c: string | null;
  ProposedBy__c: string;
  Supersedes__c: string | null;
  RetryOf__c: string | null;
  Compensates__c: string | null;
  AppliedAt__c: string | null;
  AppliedBy__c: string | null;
  ResultMessage__c: string | null;
  DecisionJson__c: string;
  CreatedDate: string;
}

/** Values are JSON text, as in the org (`"Closed Won"`, `50000`, `null`). */
export interface FieldChange {
  Id: string;
  Action__c: string;
  FieldApiName__c: string;
  FieldLabel__c: string;
  FieldType__c: string;
  BeforeValue__c: string;
  ProposedValue__c: string;
  AppliedValue__c: string | null;
  OriginalProposedValue__c: string | null;
  EditedByApprover__c: boolean;
  Effect__c: string;
  GoverningRule__c: string;
  Sensitivity__c: string | null;
}

export interface ApprovalDecision {
  Id: string;
  Action__c: string;
  Approver__c: string;
  Decision__c: 'Approve' | 'Reject';
  Reason__c: string | null;
  EditedValues__c: string | null;
  DecidedAt__c: string;
}

export interface AuditEvent {
  Id: string;
  Run__c: string;
  Action__c: string | null;
  Sequence__c: number;
  EventType__c: string;
  ActorType__c: 'Agent' | 'User' | 'System';
  Actor__c: string;
  OccurredAt__c: string;
  Payload__c: string;
  PrevHash__c: string;
  Hash__c: string;
}

/** The workbench clock: real time plus an offset a demo or test may advance (to reach expiry). */
export class WorkbenchClock {
  private offsetMs = 0;
  constructor(private readonly base: () => number = () => Date.now()) {}
  nowMs(): number {
    return this.base() + this.offsetMs;
  }
  nowIso(): string {
    return new Date(this.nowMs()).toISOString();
  }
  advanceHours(hours: number): void {
    this.offsetMs += hours * 3_600_000;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

const COUNTER_PREFIX: Record<string, string> = {
  AgentRun__c: 'a01',
  PlannedAction__c: 'a02',
  FieldChange__c: 'a03',
  ApprovalDecision__c: 'a04',
  AuditEvent__c: 'a05',
};

/** An 18-character id equals itself and its 15-character (case-sensitive) form. */
export function sameId(id18: string, candidate: string): boolean {
  return candidate === id18 || (candidate.length === 15 && id18.startsWith(candidate));
}

export class OrgStore {
  users: DemoUser[] = [];
  groups: DemoGroup[] = [];
  records: Record<string, DemoRecord[]> = {};
  runs: AgentRun[] = [];
  actions: PlannedAction[] = [];
  fieldChanges: FieldChange[] = [];
  decisions: ApprovalDecision[] = [];
  auditEvents: AuditEvent[] = [];
  /** Admin overrides of the `ActionPlaneSetting.Default` record (Setup edits in a real org). */
  settingOverrides: Record<string, FieldValue> = {};
  private counters: Record<string, number> = {};

  constructor(
    readonly policyMetadata: PolicyMetadata,
    readonly clock: WorkbenchClock = new WorkbenchClock(),
  ) {
    this.reset();
  }

  /** Restores the exact initial state: same users, records and ids; no runs, actions or audit events. */
  reset(): void {
    this.users = demoUsers();
    this.groups = demoGroups();
    const owner = this.users[1] as DemoUser;
    this.records = demoRecords(owner.id);
    this.runs = [];
    this.actions = [];
    this.fieldChanges = [];
    this.decisions = [];
    this.auditEvents = [];
    this.settingOverrides = {};
    this.counters = {};
    this.clock.reset();
  }

  /** Next id for a custom object; deterministic from the last reset. */
  newId(objectName: keyof typeof COUNTER_PREFIX): string {
    const n = (this.counters[objectName] ?? 0) + 1;
    this.counters[objectName] = n;
    return makeId(COUNTER_PREFIX[objectName] as string, n);
  }

  /** The auto-number a record shows as its Name (`PA-000001`). */
  autoNumber(prefix: string, objectName: keyof typeof COUNTER_PREFIX): string {
    return `${prefix}-${String(this.counters[objectName] ?? 0).padStart(6, '0')}`;
  }

  agentUser(): DemoUser {
    return this.users.find((u) => u.username === AGENT_USERNAME) as DemoUser;
  }

  userByUsername(username: string): DemoUser | undefined {
    const wanted = username.trim().toLowerCase();
    return this.users.find((u) => u.username === wanted);
  }

  userById(id: string | null): DemoUser | undefined {
    return id === null ? undefined : this.users.find((u) => u.id === id);
  }

  /** Settings in force: the shipped Default record with Setup edits on top. */
  policyMetadataInForce(): PolicyMetadata {
    return {
      ...this.policyMetadata,
      settings: { ...(this.policyMetadata.settings ?? {}), ...this.settingOverrides },
    };
  }

  findRecord(objectName: string, recordId: string): DemoRecord | undefined {
    return (this.records[objectName] ?? []).find((r) => sameId(r.Id, recordId));
  }

  /** By 18-character id, or by its 15-character form. */
  action(id: string): PlannedAction | undefined {
    return this.actions.find((a) => sameId(a.Id, id));
  }

  /** By id (15 or 18 characters) or by the agent's external run id. */
  run(idOrExternalId: string): AgentRun | undefined {
    return (
      this.runs.find((r) => sameId(r.Id, idOrExternalId)) ??
      this.runs.find((r) => r.ExternalRunId__c === idOrExternalId)
    );
  }

  changesOf(actionId: string): FieldChange[] {
    return this.fieldChanges.filter((c) => c.Action__c === actionId);
  }

  decisionsOf(actionId: string): ApprovalDecision[] {
    return this.decisions.filter((d) => d.Action__c === actionId);
  }

  actionsOf(runId: string): PlannedAction[] {
    return this.actions.filter((a) => a.Run__c === runId);
  }

  eventsOf(runId: string): AuditEvent[] {
    return this.auditEvents.filter((e) => e.Run__c === runId).sort((a, b) => a.Sequence__c - b.Sequence__c);
  }

  groupMembers(developerName: string | null): string[] {
    if (!developerName) return [];
    const wanted = developerName.toLowerCase();
    return this.groups.find((g) => g.developerName.toLowerCase() === wanted)?.memberIds ?? [];
  }
}
