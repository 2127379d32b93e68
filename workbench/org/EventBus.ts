/**
 * EventBus — the workbench's stand-in for the platform event bus: ActionStatusChanged__e messages with the
 * event's field API names, published after each status move (ActionLifecycle, the twin of ActionTransitions and
 * ActionStatusPublisher). The server streams them to the UI (`GET /workbench/api/events`, Server-Sent Events),
 * where the `lightning/empApi` shim hands them to subscribers as the EMP API does in the org.
 */
export interface ActionStatusChangedEvent {
  ActionId__c: string;
  RunId__c: string;
  ExternalRunId__c: string | null;
  Status__c: string;
  PreviousStatus__c: string | null;
  Effect__c: string | null;
  Reason__c: string | null;
}

/** One published message: the payload and its replay id (increasing from 1, like the bus's replay ids). */
export interface PublishedEvent {
  replayId: number;
  payload: ActionStatusChangedEvent;
}

export class EventBus {
  private nextReplayId = 1;
  private readonly listeners = new Set<(event: PublishedEvent) => void>();

  /** Publishes one event to every subscriber. */
  publish(payload: ActionStatusChangedEvent): void {
    const event = { replayId: this.nextReplayId++, payload };
    for (const listener of this.listeners) listener(event);
  }

  /** Calls `listener` for each event from now on; returns the unsubscribe function. */
  subscribe(listener: (event: PublishedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
