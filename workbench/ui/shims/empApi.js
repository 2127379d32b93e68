// Workbench stand-in for `lightning/empApi`: the platform events the package's Apex publishes in the emulated org
// (ActionStatusChanged__e) are streamed as Server-Sent Events at /workbench/api/events; this module hands each event
// to subscribers in the EMP API's message shape ({ channel, data: { schema, payload, event: { replayId } } }). Only
// that one channel is offered here: any other channel is refused loudly, as a subscription to an unknown channel
// fails in the org.
const CHANNEL = '/event/ActionStatusChanged__e';
const errorCallbacks = new Set();
let sequence = 0;

export function isEmpEnabled() {
  return Promise.resolve(typeof window.EventSource === 'function');
}

export function onError(callback) {
  errorCallbacks.add(callback);
}

export function setDebugFlag() {
  return Promise.resolve();
}

export function subscribe(channel, replayId, onMessage) {
  if (channel !== CHANNEL) {
    return Promise.reject(new Error(`The workbench streams only ${CHANNEL}, not ${channel}`));
  }
  if (replayId !== -1) {
    return Promise.reject(new Error('The workbench streams new events only (replayId -1); it keeps no event history'));
  }
  const source = new window.EventSource('/workbench/api/events');
  source.addEventListener('ActionStatusChanged__e', (event) => {
    onMessage({
      channel,
      data: {
        schema: 'ActionStatusChanged__e',
        payload: JSON.parse(event.data),
        event: { replayId: Number(event.lastEventId) },
      },
    });
  });
  source.onerror = (error) => {
    for (const callback of errorCallbacks) callback(error);
  };
  sequence += 1;
  return new Promise((resolve) => {
    // The subscription holds once the stream is open, as the EMP API resolves after the CometD handshake.
    source.addEventListener('open', () => resolve({ id: String(sequence), channel, replayId, source }), { once: true });
  });
}

export function unsubscribe(subscription, callback) {
  subscription?.source?.close();
  const response = { successful: true, subscription: subscription?.channel };
  if (typeof callback === 'function') callback(response);
  return Promise.resolve(response);
}
