/**
 * PolicyEngine — the TypeScript twin of force-app/main/core/classes/PolicyEngine.cls: what goes in and comes out of
 * a policy decision (the Custom Metadata records as plain objects keyed by their field API names, the proposed
 * action, the decision with its per-field effects and contributors) and the entry point evaluatePolicy. Pure: given
 * the admin's policy metadata and one proposed action (field-level before/after values), decide AutoRun |
 * RequireApproval | Block and say why in words. The combining rule is the contract in docs/policy.md; conformance
 * vectors pin it for both twins.
 *
 * The steps live where the Apex twin keeps them, file for file and function for function: PolicyCompiler.ts
 * (compile*), PolicyEvaluation.ts (changedFields … summarise, the ordering and the words), PolicyConditions.ts (the
 * operators), MetadataRecord.ts (a record's fields read with their errors), Values.ts (JsonValues.cls). This module
 * exports them all, so callers keep one import.
 */
import {
  compilePolicies,
  type CompiledPolicySet,
  type Effect,
  type Mode,
  type Operation,
  type Risk,
} from './PolicyCompiler';
import { PolicyEvaluation } from './PolicyEvaluation';
import type { JsonValue } from './Values';

export { PolicyConfigError } from './MetadataRecord';
export { OPERATORS, type Operator } from './PolicyConditions';
export {
  canonicalOperation,
  compilePolicies,
  compilePolicy,
  compileSettings,
  EFFECTS,
  MODES,
  OPERATIONS,
  RISKS,
  SENSITIVITY_LEVELS,
  sensitivityLevel,
  validatePolicyMetadata,
  type CompiledPolicySet,
  type CompiledSettings,
  type Effect,
  type Mode,
  type Operation,
  type Risk,
  type SensitivityLevel,
} from './PolicyCompiler';
export { effectRank, riskRank } from './PolicyEvaluation';

/** Metadata numbers arrive as numbers from JSON vectors and as strings from CMDT XML: both are accepted. */
type MetaNumber = number | string | null | undefined;

/** ActionPolicy__mdt record. */
export interface ActionPolicyRecord {
  DeveloperName: string;
  Label?: string | null;
  Active__c?: boolean | string | null;
  Object__c?: string | null;
  Fields__c?: string | null;
  /** Extension: fields a `*` policy does not cover (comma list). */
  ExceptFields__c?: string | null;
  Agents__c?: string | null;
  /** The operations the policy covers: Create, Update, Delete separated by `;` or `,`; blank = Update only. */
  Operations__c?: string | null;
  Effect__c?: string | null;
  MinConfidence__c?: MetaNumber;
  Risk__c?: string | null;
  ApproverGroup__c?: string | null;
  RequiredApprovals__c?: MetaNumber;
  AllowSelfApproval__c?: boolean | string | null;
  ExpiresAfterHours__c?: MetaNumber;
  Reason__c?: string | null;
}

/** PolicyCondition__mdt record; Policy__c names its policy's DeveloperName. */
export interface PolicyConditionRecord {
  DeveloperName?: string | null;
  Policy__c?: string | null;
  Field__c?: string | null;
  Operator__c?: string | null;
  Value__c?: string | number | null;
}

/** FieldSensitivity__mdt record. */
export interface FieldSensitivityRecord {
  DeveloperName?: string | null;
  Object__c?: string | null;
  Field__c?: string | null;
  Level__c?: string | null;
}

/** ActionPlaneSetting__mdt record (the `Default` one). */
export interface ActionPlaneSettingRecord {
  Mode__c?: string | null;
  DefaultEffect__c?: string | null;
  DefaultApproverGroup__c?: string | null;
  DefaultExpiryHours__c?: MetaNumber;
  MaxActionsPerRequest__c?: MetaNumber;
}

export interface PolicyMetadata {
  policies: ActionPolicyRecord[];
  conditions?: PolicyConditionRecord[];
  sensitivities?: FieldSensitivityRecord[];
  settings?: ActionPlaneSettingRecord | null;
}

export interface FieldValueChange {
  before: JsonValue;
  after: JsonValue;
}

export interface ProposedAction {
  object: string;
  recordId?: string | null;
  /**
   * Create, Update or Delete (any case; absent, null or blank = Update). A create's changes are the given fields
   * (before null), a delete's the fields recorded as before (after null).
   */
  operation?: string | null;
  agent?: string | null;
  confidence?: number | string | null;
  changes: Record<string, FieldValueChange>;
}

export type ContributorKind = 'policy' | 'sensitivity' | 'default';

/** What one rule (a policy, a sensitivity level or the default) says about a field. */
export interface RuleOutcome {
  kind: ContributorKind;
  /** Policy DeveloperName, `FieldSensitivity.<name>` or `ActionPlaneSetting.Default`. */
  rule: string;
  effect: Effect;
  risk: Risk;
  requiredApprovals: number;
  expiresAfterHours: number | null;
  approverGroup: string | null;
  allowSelfApproval: boolean;
}

/** A rule behind the final effect of at least one field. */
export interface Contributor extends RuleOutcome {
  fields: string[];
  reason: string;
}

export interface FieldDecision {
  field: string;
  effect: Effect;
  /** The governing rule: the first of `rules`. */
  rule: string;
  /** Every rule behind this field's effect, governing rule first. */
  rules: string[];
  reason: string;
}

export interface PolicyDecision {
  effect: Effect;
  risk: Risk;
  requiredApprovals: number;
  approverGroup: string | null;
  expiresAfterHours: number | null;
  allowSelfApproval: boolean;
  reasons: string[];
  fieldEffects: FieldDecision[];
  /** DeveloperNames of every policy that matched the action (whether or not it decided a field). */
  matchedPolicies: string[];
  contributors: Contributor[];
  mode: Mode;
  /** The operation decided: Create, Update or Delete. */
  operation: Operation;
}

export const DEFAULT_SETTINGS: Required<{
  [K in keyof ActionPlaneSettingRecord]: NonNullable<ActionPlaneSettingRecord[K]>;
}> = {
  Mode__c: 'Enforce',
  DefaultEffect__c: 'RequireApproval',
  DefaultApproverGroup__c: '',
  DefaultExpiryHours__c: 72,
  MaxActionsPerRequest__c: 200,
};

/**
 * Decides one action (Apex: PolicyEngine.evaluate; the steps are PolicyEvaluation's). Raw metadata is compiled
 * first; throws PolicyConfigError when the metadata cannot be evaluated, never silently ignoring a broken rule.
 */
export function evaluatePolicy(metadata: PolicyMetadata | CompiledPolicySet, action: ProposedAction): PolicyDecision {
  const compiled = isCompiled(metadata) ? metadata : compilePolicies(metadata);
  return new PolicyEvaluation(compiled, action).decide();
}

function isCompiled(m: PolicyMetadata | CompiledPolicySet): m is CompiledPolicySet {
  const s = (m as CompiledPolicySet).settings as CompiledSettingsShape | undefined;
  return s !== undefined && s !== null && 'mode' in s && 'defaultEffect' in s;
}

type CompiledSettingsShape = { mode?: unknown; defaultEffect?: unknown };
