/**
 * Typed errors of the ActionPlane client. An API refusal carries the API's `errors[]` unchanged, so a caller can
 * react to a code (`PAUSED`, `RECORD_NOT_FOUND`) or show each problem with its path.
 */
import type { ApiFieldError } from './types';

/** The API answered 4xx/5xx. `errors` is the body's `errors[]` (or one synthesized entry for a non-JSON body). */
export class ActionPlaneApiError extends Error {
  override readonly name = 'ActionPlaneApiError';

  constructor(
    readonly status: number,
    readonly errors: ApiFieldError[],
    readonly method: string,
    readonly url: string,
  ) {
    super(`${method} ${url} answered ${status}: ${errors.map(formatFieldError).join('; ')}`);
  }

  /** True when any error has this code. */
  hasCode(code: string): boolean {
    return this.errors.some((e) => e.code === code);
  }
}

/** The OAuth token endpoint refused the client credentials, or answered something that is not a token. */
export class ActionPlaneAuthError extends Error {
  override readonly name = 'ActionPlaneAuthError';

  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

/** The client is configured wrongly (no URL, half the credentials…); raised before anything is sent. */
export class ActionPlaneConfigError extends Error {
  override readonly name = 'ActionPlaneConfigError';
}

/** `actions[0].changes.Amount: INVALID_TYPE — Amount must be a number, got 'lots'` */
export function formatFieldError(e: ApiFieldError): string {
  const where = e.path ? `${e.path}: ` : '';
  return `${where}${e.code} — ${e.message}`;
}

/** The server could not be reached at all (DNS, refused connection, TLS…). */
export class ActionPlaneConnectionError extends Error {
  override readonly name = 'ActionPlaneConnectionError';

  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`Could not reach ${url}: ${describeCause(cause)}`);
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // Node's fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED…) in `cause`.
  const inner = (cause as Error & { cause?: unknown }).cause;
  return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
}
