/**
 * The registry of vector kinds: each concern of the decision core registers the check that runs its cases against
 * the TypeScript twin. The Apex twin's tests read the same files (static resources ConformanceVectors*).
 */
import { checkPolicyVector } from './policyVectors';
import type { VectorCheck } from './VectorCase';

export const VECTOR_KINDS: Readonly<Record<string, VectorCheck>> = {
  policy: checkPolicyVector,
};

export { kindOf, type VectorCase, type VectorCheck } from './VectorCase';
