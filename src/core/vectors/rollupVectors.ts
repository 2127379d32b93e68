/**
 * Vector kind `rollup` (ConformanceVectorsRollup.json), run against RunStatusRollup.ts:
 * `{ counts: { <action status>: n }, currentStatus?, expect: { status } }`.
 */
import { statusFor } from '../RunStatusRollup';
import { show, type VectorCase } from './VectorCase';

export interface RollupVectorCase extends VectorCase {
  counts: Record<string, number>;
  currentStatus?: string | null;
  expect: { status: string };
}

export function checkRollupVector(testCase: VectorCase): string[] {
  const c = testCase as RollupVectorCase;
  const got = statusFor(c.counts, c.currentStatus ?? null);
  return got === c.expect.status ? [] : [`status: expected ${show(c.expect.status)}, got ${show(got)}`];
}
