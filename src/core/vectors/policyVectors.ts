import {
  evaluatePolicy,
  type ActionPlaneSettingRecord,
  type ActionPolicyRecord,
  type FieldSensitivityRecord,
  type PolicyConditionRecord,
  type PolicyDecision,
  type ProposedAction,
} from '../PolicyEngine';
import { show, type VectorCase } from './VectorCase';

/** The expectations a policy case may state; every stated one must hold. */
export interface PolicyExpect {
  effect?: string;
  risk?: string;
  requiredApprovals?: number;
  approverGroup?: string | null;
  expiresAfterHours?: number | null;
  allowSelfApproval?: boolean;
  fieldEffects?: Record<string, string>;
  fieldRules?: Record<string, string>;
  reasonsInclude?: string[];
  matchedPolicies?: string[];
  /** The evaluation must fail with a message containing this text (a policy metadata error). */
  error?: string;
}

export interface PolicyVectorCase extends VectorCase {
  policies?: ActionPolicyRecord[];
  conditions?: PolicyConditionRecord[];
  sensitivities?: FieldSensitivityRecord[];
  settings?: ActionPlaneSettingRecord | null;
  action: ProposedAction;
  expect: PolicyExpect;
}

function blankToNull(v: unknown): unknown {
  return v === undefined || v === '' ? null : v;
}

/** Compares a decision with a case's expectations; returns the differences in words. */
export function compareDecision(expect: PolicyExpect, d: PolicyDecision): string[] {
  const out: string[] = [];
  if (expect.effect !== undefined && expect.effect !== d.effect) {
    out.push(`effect: expected ${show(expect.effect)}, got ${show(d.effect)}`);
  }
  if (expect.risk !== undefined && expect.risk !== d.risk)
    out.push(`risk: expected ${show(expect.risk)}, got ${show(d.risk)}`);
  if (expect.requiredApprovals !== undefined && expect.requiredApprovals !== d.requiredApprovals) {
    out.push(`requiredApprovals: expected ${show(expect.requiredApprovals)}, got ${show(d.requiredApprovals)}`);
  }
  if ('approverGroup' in expect && blankToNull(expect.approverGroup) !== blankToNull(d.approverGroup)) {
    out.push(`approverGroup: expected ${show(expect.approverGroup)}, got ${show(d.approverGroup)}`);
  }
  if (expect.expiresAfterHours !== undefined && expect.expiresAfterHours !== d.expiresAfterHours) {
    out.push(`expiresAfterHours: expected ${show(expect.expiresAfterHours)}, got ${show(d.expiresAfterHours)}`);
  }
  if (expect.allowSelfApproval !== undefined && expect.allowSelfApproval !== d.allowSelfApproval) {
    out.push(`allowSelfApproval: expected ${show(expect.allowSelfApproval)}, got ${show(d.allowSelfApproval)}`);
  }
  for (const [field, effect] of Object.entries(expect.fieldEffects ?? {})) {
    const got = d.fieldEffects.find((f) => f.field.toLowerCase() === field.toLowerCase());
    if (!got) out.push(`fieldEffects.${field}: expected ${show(effect)}, but the field has no effect (not changed?)`);
    else if (got.effect !== effect)
      out.push(`fieldEffects.${field}: expected ${show(effect)}, got ${show(got.effect)}`);
  }
  for (const [field, rule] of Object.entries(expect.fieldRules ?? {})) {
    const got = d.fieldEffects.find((f) => f.field.toLowerCase() === field.toLowerCase());
    if (!got || got.rule !== rule) out.push(`fieldRules.${field}: expected ${show(rule)}, got ${show(got?.rule)}`);
  }
  for (const text of expect.reasonsInclude ?? []) {
    const needle = text.toLowerCase();
    if (!d.reasons.some((r) => r.toLowerCase().includes(needle))) {
      out.push(`reasonsInclude: no reason contains ${show(text)}; reasons were ${show(d.reasons)}`);
    }
  }
  if (expect.matchedPolicies !== undefined) {
    const want = [...expect.matchedPolicies].sort().join(',');
    const got = [...d.matchedPolicies].sort().join(',');
    if (want !== got)
      out.push(`matchedPolicies: expected ${show(expect.matchedPolicies)}, got ${show(d.matchedPolicies)}`);
  }
  return out;
}

export function checkPolicyVector(testCase: VectorCase): string[] {
  const c = testCase as PolicyVectorCase;
  let decision: PolicyDecision;
  try {
    decision = evaluatePolicy(
      {
        policies: c.policies ?? [],
        conditions: c.conditions ?? [],
        sensitivities: c.sensitivities ?? [],
        settings: c.settings ?? null,
      },
      c.action,
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (c.expect.error !== undefined) {
      return message.toLowerCase().includes(c.expect.error.toLowerCase())
        ? []
        : [`error: expected a message containing ${show(c.expect.error)}, got ${show(message)}`];
    }
    return [`evaluation failed: ${message}`];
  }
  if (c.expect.error !== undefined)
    return [`error: expected ${show(c.expect.error)}, but evaluation succeeded (${decision.effect})`];
  return compareDecision(c.expect, decision);
}
