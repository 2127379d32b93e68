/**
 * WorkbenchOrg — the in-memory org stand-in, wired: the store plus the services in write-path order
 * (intake → plan → policy → approval → execution → recovery → audit). The server talks only to this.
 */
import { loadPolicyMetadata } from '../../src/policy/PolicyMetadataLoader';
import type { PolicyMetadata } from '../../src/core/PolicyEngine';
import { ActionInboxController } from './ActionInboxController';
import { ActionLifecycle } from './ActionLifecycle';
import { ApprovalService } from './ApprovalService';
import { AuditTrail } from './AuditTrail';
import { EventBus } from './EventBus';
import { ExecutionService } from './ExecutionService';
import { IntakeService } from './IntakeService';
import { OrgStore, WorkbenchClock } from './OrgStore';
import { RecoveryService } from './RecoveryService';

export interface WorkbenchOrgOptions {
  /** The Salesforce project whose `customMetadata` policy records are in force (default: `force-app` here). */
  projectDir?: string;
  /** Policy metadata to use instead of reading `projectDir` (tests). */
  policyMetadata?: PolicyMetadata;
  /** The base clock in ms (tests may pin it); the workbench can still advance it. */
  now?: () => number;
}

export class WorkbenchOrg {
  readonly store: OrgStore;
  readonly audit: AuditTrail;
  /** ActionStatusChanged__e as the workbench publishes it (streamed to the UI). */
  readonly events = new EventBus();
  readonly lifecycle: ActionLifecycle;
  readonly execution: ExecutionService;
  readonly intake: IntakeService;
  readonly approval: ApprovalService;
  readonly recovery: RecoveryService;
  readonly controller: ActionInboxController;

  constructor(options: WorkbenchOrgOptions = {}) {
    const metadata = options.policyMetadata ?? loadPolicyMetadata(options.projectDir ?? 'force-app');
    this.store = new OrgStore(metadata, new WorkbenchClock(options.now));
    this.audit = new AuditTrail(this.store);
    this.lifecycle = new ActionLifecycle(this.store, this.audit, this.events);
    this.execution = new ExecutionService(this.store, this.audit, this.lifecycle);
    this.intake = new IntakeService(this.store, this.audit, this.lifecycle, this.execution);
    this.approval = new ApprovalService(this.store, this.audit, this.lifecycle, this.execution, this.intake);
    this.recovery = new RecoveryService(this.store, this.audit, this.lifecycle, this.execution, this.intake);
    this.controller = new ActionInboxController(this.store, this.audit, this.approval, this.recovery, this.intake);
  }
}
