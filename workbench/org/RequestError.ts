/**
 * The errors intake and the controller return. Intake answers `{ errors: [{ path, code, message }] }` with the
 * HTTP status; the controller answers `{ message }` (the org's AuraHandledException).
 */
// The intake v1 error codes are the wire contract: one list, shared with the typed client (and the OpenAPI spec).
import type { ErrorCode } from '../../clients/actionplane-client/types';

export type { ErrorCode };

export interface FieldError {
  path?: string;
  code: ErrorCode;
  message: string;
}

export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: FieldError[],
  ) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '));
    this.name = 'RequestError';
  }
}

/** A refusal from the approver's controller (AuraHandledException in the org). */
export class ControllerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControllerError';
  }
}

/** JSON text of a field value, as FieldChange__c stores it. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

export function fromJsonText(text: string | null): string | number | boolean | null {
  return text === null ? null : (JSON.parse(text) as string | number | boolean | null);
}
