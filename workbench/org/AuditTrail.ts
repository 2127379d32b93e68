/**
 * AuditTrail — twin of AuditTrail.cls: appends hash-chained AuditEvent__c rows to a run and verifies a run's chain.
 * The hashing itself is the shared core (src/core/AuditHasher.ts); this file only stores and orders.
 */
import { canonicalJson, chainHash, GENESIS_HASH, verifyChain } from '../../src/core/AuditHasher';
import type { JsonValue } from '../../src/core/Values';
import type { AgentRun, AuditEvent, OrgStore } from './OrgStore';

export type AuditEventType =
  | 'RunStarted'
  | 'ActionProposed'
  | 'PolicyDecided'
  | 'ApprovalRequested'
  | 'ApprovalRecorded'
  | 'EditedByApprover'
  | 'StatusChanged'
  | 'Applied'
  | 'ConflictDetected'
  | 'ExecutionFailed'
  | 'CompensationRequested'
  | 'RunHalted'
  | 'RunReplayed';

export interface Actor {
  actorType: 'Agent' | 'User' | 'System';
  /** Username (or agent name) of whoever caused the event. */
  actor: string;
}

export const SYSTEM_ACTOR: Actor = { actorType: 'System', actor: 'ActionPlane' };

export interface ChainCheck {
  verified: boolean;
  brokenAt: number | null;
  message: string;
}

/** The hashed payload of an event, exactly `{ type, runId, actionId, actorType, actor, occurredAt, data }`. */
export function payloadOf(event: AuditEvent): JsonValue {
  return JSON.parse(event.Payload__c) as JsonValue;
}

export class AuditTrail {
  constructor(private readonly org: OrgStore) {}

  append(
    run: AgentRun,
    actionId: string | null,
    type: AuditEventType,
    actor: Actor,
    data: Record<string, unknown>,
  ): AuditEvent {
    const occurredAt = this.org.clock.nowIso();
    // A JSON round trip drops `undefined`, exactly as the org's JSON.serialize of the payload map does.
    const payload = JSON.parse(
      JSON.stringify({
        type,
        runId: run.Id,
        actionId,
        actorType: actor.actorType,
        actor: actor.actor,
        occurredAt,
        data,
      }),
    ) as JsonValue;
    const prevHash = run.LastHash__c === '' ? GENESIS_HASH : run.LastHash__c;
    const hash = chainHash(prevHash, payload);
    const event: AuditEvent = {
      Id: this.org.newId('AuditEvent__c'),
      Run__c: run.Id,
      Action__c: actionId,
      Sequence__c: run.LastSequence__c + 1,
      EventType__c: type,
      ActorType__c: actor.actorType,
      Actor__c: actor.actor,
      OccurredAt__c: occurredAt,
      Payload__c: canonicalJson(payload),
      PrevHash__c: prevHash,
      Hash__c: hash,
    };
    this.org.auditEvents.push(event);
    run.LastSequence__c = event.Sequence__c;
    run.LastHash__c = hash;
    return event;
  }

  /** Recomputes every hash of the run's chain from its stored payloads. */
  verify(runId: string): ChainCheck {
    const events = this.org.eventsOf(runId);
    const result = verifyChain(
      events.map((e) => ({ payload: payloadOf(e), prevHash: e.PrevHash__c, hash: e.Hash__c })),
    );
    const broken = result.brokenAt === null ? undefined : events[result.brokenAt - 1];
    return {
      verified: result.verified,
      brokenAt: broken ? broken.Sequence__c : null,
      message: result.verified
        ? `All ${events.length} audit events verified: every hash matches its payload and links to the one before`
        : `The chain breaks at event ${broken?.Sequence__c ?? '?'} (${broken?.EventType__c ?? 'unknown'}): its hash or link does not match`,
    };
  }
}
