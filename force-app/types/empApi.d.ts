// lightning/empApi: the EMP API's streaming subscriptions (one shared CometD connection per browser session).
// Documented at developer.salesforce.com, Lightning Component Reference, "lightning/empApi": subscribe(channel,
// replayId, onMessage) resolves with the subscription; replayId -1 means new events from the tip of the stream.
declare module 'lightning/empApi' {
  /** One received event message: the channel and the event's payload with its replay id. */
  export interface EmpMessage<Payload = Record<string, unknown>> {
    channel: string;
    data: { schema?: string; payload: Payload; event: { replayId: number; EventUuid?: string } };
  }

  /** What subscribe resolves with; pass it to unsubscribe. */
  export interface EmpSubscription {
    id?: string;
    channel: string;
    replayId?: number;
  }

  export function subscribe<Payload = Record<string, unknown>>(
    channel: string,
    replayId: number,
    onMessage: (message: EmpMessage<Payload>) => void,
  ): Promise<EmpSubscription>;
  export function unsubscribe(subscription: EmpSubscription, callback?: (response: unknown) => void): Promise<unknown>;
  export function onError(callback: (error: unknown) => void): void;
  export function setDebugFlag(flag: boolean): Promise<unknown>;
  export function isEmpEnabled(): Promise<boolean>;
}
