/**
 * A conformance vector case: the single spec both twins of the decision core are held to. A vectors file is a JSON
 * array of cases; `kind` says which concern a case pins (a case with an `action` and no kind is a policy case).
 */
export interface VectorCase {
  name: string;
  kind?: string;
  [key: string]: unknown;
}

/** Checks one case against the TypeScript core; returns what differs, in words (empty when the case passes). */
export type VectorCheck = (testCase: VectorCase) => string[];

export function kindOf(testCase: VectorCase): string {
  if (typeof testCase.kind === 'string' && testCase.kind.trim() !== '') return testCase.kind.trim();
  return 'action' in testCase ? 'policy' : '(none)';
}

/** Renders a JSON value for a failure message. */
export function show(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}
