// Workbench stand-in for `@salesforce/apex/ActionInboxController.*`: each method POSTs its JSON parameters to the
// workbench's controller endpoint — the @AuraEnabled Apex method on the emulator — as the user picked in the shell's
// user switcher, and rejects like Apex does (an error whose `body.message` is the exception's message).
const USER_KEY = 'actionplane.workbench.user';
export const DEFAULT_USER = 'maria.lopez@actionplane.demo';

export function currentUser() {
  return window.sessionStorage.getItem(USER_KEY) || DEFAULT_USER;
}

export function setCurrentUser(username) {
  window.sessionStorage.setItem(USER_KEY, username);
}

export async function callController(method, params) {
  const response = await fetch(`/workbench/api/controller/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-actionplane-user': currentUser() },
    body: JSON.stringify(params ?? {}),
  });
  const body = await response.json().catch(() => ({ message: response.statusText }));
  if (!response.ok) {
    // AuraHandledException: { message }; any other Apex exception: the org's [{ errorCode, message }].
    const message = Array.isArray(body) ? body.map((e) => e.message).join('; ') : body.message;
    const error = new Error(message || `${method} failed with HTTP ${response.status}`);
    error.body = { message: error.message };
    error.status = response.status;
    throw error;
  }
  return body;
}
