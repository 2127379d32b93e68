/**
 * ActionPlaneClient: the typed client of intake REST v1 for agents outside the org. Two ways to connect:
 * an org (OAuth 2.0 client credentials → the token's `instance_url`) or a base URL without auth (the workbench).
 * Every 4xx/5xx becomes an ActionPlaneApiError carrying the API's `errors[]`.
 */
import { ClientCredentialsAuth, type ClientCredentials } from './auth';
import { ActionPlaneApiError, ActionPlaneConfigError, ActionPlaneConnectionError } from './errors';
import {
  isTerminal,
  type ActionDetail,
  type ActionResult,
  type ActionStatus,
  type ApiFieldError,
  type RunDetail,
  type SubmitRequest,
  type SubmitResponse,
} from './types';

export const REST_PATH = '/services/apexrest/actionplane/v1';

export interface ActionPlaneClientOptions {
  /**
   * Where intake lives without OAuth: a server root (`http://localhost:4410`) or the full REST base
   * (`…/services/apexrest/actionplane/v1`). Ignored when `oauth` is given (the token names the instance).
   */
  baseUrl?: string;
  /** Client credentials of an External Client App / Connected App in the org. */
  oauth?: ClientCredentials;
  /** The package namespace when ActionPlane is installed as a managed package (`/services/apexrest/<ns>/…`). */
  namespace?: string;
  /** Workbench only: the demo user to act as (`X-ActionPlane-User`). The org ignores it. */
  actingUser?: string;
  /** For tests and custom transports; defaults to the global fetch. */
  fetch?: typeof fetch;
}

/** How a wait ended: the action's final outcome, or `still_pending` when the timeout came first. */
export type DecisionOutcome =
  | 'applied'
  | 'blocked'
  | 'rejected'
  | 'expired'
  | 'cancelled'
  | 'superseded'
  | 'failed'
  | 'conflict'
  | 'compensated'
  | 'still_pending';

export interface WaitResult {
  outcome: DecisionOutcome;
  status: ActionStatus;
  action: ActionDetail;
  /** How many times the action was read. */
  polls: number;
  waitedMs: number;
}

export interface WaitOptions {
  /** Give up after this long and resolve `still_pending` (default 60 s). */
  timeoutMs?: number;
  /** First pause between reads (default 1 s); then ×`factor` up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  factor?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const OUTCOME_OF: Partial<Record<ActionStatus, DecisionOutcome>> = {
  Applied: 'applied',
  Blocked: 'blocked',
  Rejected: 'rejected',
  Expired: 'expired',
  Cancelled: 'cancelled',
  Superseded: 'superseded',
  Failed: 'failed',
  Conflict: 'conflict',
  Compensated: 'compensated',
};

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ActionPlaneClient {
  private readonly auth: ClientCredentialsAuth | null;
  private readonly fetchFn: typeof fetch;
  private readonly restPath: string;
  private readonly fixedBase: string | null;

  constructor(private readonly options: ActionPlaneClientOptions) {
    this.fetchFn = options.fetch ?? fetch;
    const ns = options.namespace?.trim();
    if (ns && !/^[A-Za-z][A-Za-z0-9_]*$/.test(ns)) {
      throw new ActionPlaneConfigError(`namespace '${ns}' is not a package namespace (letters, digits, underscore)`);
    }
    this.restPath = ns ? `/services/apexrest/${ns}/actionplane/v1` : REST_PATH;
    if (options.oauth) {
      this.auth = new ClientCredentialsAuth(options.oauth, this.fetchFn);
      this.fixedBase = null;
    } else if (options.baseUrl?.trim()) {
      this.auth = null;
      this.fixedBase = this.restBaseOf(options.baseUrl.trim());
    } else {
      throw new ActionPlaneConfigError(
        'Give either baseUrl (the workbench, e.g. http://localhost:4410) or oauth client credentials for an org',
      );
    }
  }

  /** `POST /actions`: 201 (new) or 200 (all replayed) both resolve; `replayed` says which. */
  async submit(request: SubmitRequest): Promise<SubmitResponse & { httpStatus: 200 | 201 }> {
    const { status, body } = await this.request('POST', '/actions', request);
    const response = body as SubmitResponse;
    return { ...response, replayed: response.replayed ?? status === 200, httpStatus: status === 200 ? 200 : 201 };
  }

  /** `GET /actions/{id}`. */
  async getAction(actionId: string): Promise<ActionDetail> {
    const { body } = await this.request('GET', `/actions/${encodeURIComponent(actionId)}`);
    return body as ActionDetail;
  }

  /** `GET /runs/{id-or-externalId}`. */
  async getRun(runIdOrExternalId: string): Promise<RunDetail> {
    const { body } = await this.request('GET', `/runs/${encodeURIComponent(runIdOrExternalId)}`);
    return body as RunDetail;
  }

  /** `POST /actions/{id}/cancel`: only the proposer, only while pending. */
  async cancel(actionId: string, reason?: string): Promise<ActionResult> {
    const { body } = await this.request(
      'POST',
      `/actions/${encodeURIComponent(actionId)}/cancel`,
      reason === undefined ? undefined : { reason },
    );
    return body as ActionResult;
  }

  /**
   * Reads the action until it reaches a final status, pausing with exponential backoff. When `timeoutMs` passes
   * first it resolves `still_pending` — a wait that runs out is never a rejection.
   */
  async waitForDecision(actionId: string, options: WaitOptions = {}): Promise<WaitResult> {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const maxDelayMs = options.maxDelayMs ?? 15_000;
    const factor = options.factor ?? 2;
    const sleep = options.sleep ?? defaultSleep;
    const now = options.now ?? Date.now;
    if (!(timeoutMs >= 0) || !(factor >= 1) || !((options.initialDelayMs ?? 1) > 0)) {
      throw new ActionPlaneConfigError('waitForDecision needs timeoutMs ≥ 0, initialDelayMs > 0 and factor ≥ 1');
    }
    let delay = Math.min(options.initialDelayMs ?? 1_000, maxDelayMs);
    const started = now();
    let polls = 0;
    for (;;) {
      const action = await this.getAction(actionId);
      polls += 1;
      const waitedMs = now() - started;
      const outcome = OUTCOME_OF[action.status];
      if (outcome && isTerminal(action.status)) return { outcome, status: action.status, action, polls, waitedMs };
      const left = timeoutMs - waitedMs;
      if (left <= 0) return { outcome: 'still_pending', status: action.status, action, polls, waitedMs };
      await sleep(Math.min(delay, left));
      delay = Math.min(delay * factor, maxDelayMs);
    }
  }

  private restBaseOf(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ActionPlaneConfigError(`baseUrl '${url}' is not a URL (for example http://localhost:4410)`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new ActionPlaneConfigError(`baseUrl '${url}' must start with http:// or https://`);
    }
    const path = parsed.pathname.replace(/\/+$/, '');
    return path.includes('/services/apexrest/') ? `${parsed.origin}${path}` : `${parsed.origin}${path}${this.restPath}`;
  }

  private async base(): Promise<{ base: string; token: string | null }> {
    if (this.fixedBase !== null || !this.auth) return { base: this.fixedBase ?? '', token: null };
    const token = await this.auth.token();
    return { base: `${token.instanceUrl.replace(/\/+$/, '')}${this.restPath}`, token: token.accessToken };
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    for (let attempt = 0; ; attempt++) {
      const { base, token } = await this.base();
      const url = `${base}${path}`;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      if (this.options.actingUser) headers['x-actionplane-user'] = this.options.actingUser;
      let response: Response;
      try {
        response = await this.fetchFn(url, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (e) {
        throw new ActionPlaneConnectionError(url, e);
      }
      // An expired or revoked token: fetch a new one once, then report.
      if (response.status === 401 && this.auth && attempt === 0) {
        this.auth.invalidate();
        continue;
      }
      const text = await response.text();
      const parsed = parseJson(text);
      if (!response.ok)
        throw new ActionPlaneApiError(response.status, errorsOf(response.status, parsed, text), method, url);
      if (parsed === undefined) {
        throw new ActionPlaneApiError(
          response.status,
          [{ code: 'MALFORMED_RESPONSE', message: `Expected JSON, got: ${text.slice(0, 200)}` }],
          method,
          url,
        );
      }
      return { status: response.status, body: parsed };
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The API's `errors[]`; the platform's own `[{ message, errorCode }]` (401, bad route) mapped to the same shape. */
function errorsOf(status: number, parsed: unknown, text: string): ApiFieldError[] {
  if (typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { errors?: unknown }).errors)) {
    return (parsed as { errors: ApiFieldError[] }).errors;
  }
  if (Array.isArray(parsed)) {
    return parsed.map((e: { message?: unknown; errorCode?: unknown }) => ({
      code: typeof e.errorCode === 'string' ? e.errorCode : `HTTP_${status}`,
      message: typeof e.message === 'string' ? e.message : JSON.stringify(e),
    }));
  }
  return [{ code: `HTTP_${status}`, message: text.trim().slice(0, 500) || `HTTP ${status} with an empty body` }];
}
