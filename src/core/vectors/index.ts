/**
 * The registry of vector kinds: each concern of the decision core registers the check that runs its cases against
 * the TypeScript twin. The Apex twin's tests read the same files (static resources ConformanceVectors*).
 */
import { checkCoerceVector, checkDiffVector, checkDriftVector } from './coercionVectors';
import { checkCanonicalVector, checkChainVector } from './hashVectors';
import { checkPolicyVector } from './policyVectors';
import { checkQuorumVector } from './quorumVectors';
import { checkRollupVector } from './rollupVectors';
import { checkTransitionVector } from './statusVectors';
import type { VectorCheck } from './VectorCase';

export const VECTOR_KINDS: Readonly<Record<string, VectorCheck>> = {
  policy: checkPolicyVector,
  coerce: checkCoerceVector,
  diff: checkDiffVector,
  drift: checkDriftVector,
  transition: checkTransitionVector,
  canonical: checkCanonicalVector,
  chain: checkChainVector,
  quorum: checkQuorumVector,
  rollup: checkRollupVector,
};

export { kindOf, type VectorCase, type VectorCheck } from './VectorCase';
