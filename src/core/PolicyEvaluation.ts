/**
 * PolicyEvaluation — decides one proposed action against a compiled policy set, in the steps of the combining rule
 * in docs/policy.md: the changed fields (changedFields), the kill switch (pausedDecision), the policies that match
 * (matchPolicies, matchOf), each field's strictest rule (decideField with policyCandidates, sensitivityCandidates
 * and keep), and the action's decision with its reasons (summarise, combine, shorter, approverGroupOf,
 * selfApprovalOf, reasonsOf). Twin of force-app/main/core/classes/PolicyEvaluation.cls, method for method,
 * including the ordering (compareCandidates = Apex StrictestFirst, compareRouting = RoutingOrder, compareNames) and
 * the words (whyWords, consequence, capitalise). fromPolicy, fromDefault and fromSensitivity are the constructors of
 * Apex's PolicyEngine.Contributor. PolicyEngine.ts's evaluatePolicy is the entry point.
 */
import { compareDecimal, decimalOf, parseDecimal, type ExactDecimal } from './ExactDecimal';
import {
  canonicalOperation,
  type CompiledPolicy,
  type CompiledPolicySet,
  type CompiledSettings,
  type Effect,
  type Operation,
  type Risk,
} from './PolicyCompiler';
import { conditionHolds } from './PolicyConditions';
import type {
  Contributor,
  ContributorKind,
  FieldDecision,
  FieldValueChange,
  PolicyDecision,
  ProposedAction,
  RuleOutcome,
} from './PolicyEngine';
import { formatNumber, valuesEqual } from './Values';

const EFFECT_RANK: Record<Effect, number> = { AutoRun: 0, RequireApproval: 1, Block: 2 };
const RISK_RANK: Record<Risk, number> = { Low: 0, Medium: 1, High: 2, Critical: 3 };
const KIND_RANK: Record<ContributorKind, number> = { policy: 0, sensitivity: 1, default: 2 };
const DEFAULT_RULE = 'ActionPlaneSetting.Default';
const PAUSED_REASON = 'ActionPlane is paused (kill switch): no action may run until an admin sets Mode to Enforce';
const MODE_NOTE = '; ApproveAll mode turns every automatic run into an approval';
const MODE_REASON =
  'ActionPlane is in ApproveAll mode: every automatic run needs approval (ActionPlaneSetting.Default)';
const NO_CHANGES_REASON = 'No field changes: the proposed values equal the current ones';

/** What a rule says about one field, with the words its reason is built from. */
interface FieldCandidate extends RuleOutcome {
  /** The words of the conditions that hold (empty: the rule applies to any change of the field). */
  conditions: string[];
  /** Further words: a confidence threshold met or missed. */
  notes: string[];
  /** The policy's Reason__c, shown to approvers and agents ('' when none). */
  policyReason: string;
}

interface MatchedPolicy {
  policy: CompiledPolicy;
  whys: string[];
}

/** What a matching policy says about a field it covers: an AutoRun below its minimum confidence needs approval. */
function fromPolicy(policy: CompiledPolicy, whys: string[], confidence: ExactDecimal): FieldCandidate {
  let effect = policy.effect;
  const notes: string[] = [];
  if (effect === 'AutoRun' && policy.minConfidence !== null) {
    const confidenceText = formatNumber(confidence);
    if (compareDecimal(policy.minConfidence, confidence) > 0) {
      effect = 'RequireApproval';
      notes.push(`confidence ${confidenceText} is below the ${policy.minConfidenceText} required to run automatically`);
    } else {
      notes.push(`confidence ${confidenceText} meets ${policy.minConfidenceText}`);
    }
  }
  return {
    kind: 'policy',
    rule: policy.name,
    effect,
    risk: policy.risk,
    requiredApprovals: policy.requiredApprovals,
    expiresAfterHours: policy.expiresAfterHours,
    approverGroup: policy.approverGroup,
    allowSelfApproval: policy.allowSelfApproval,
    conditions: whys,
    notes,
    policyReason: policy.reason,
  };
}

/** The default for a changed field no matching policy covers. */
function fromDefault(settings: CompiledSettings): FieldCandidate {
  return {
    kind: 'default',
    rule: DEFAULT_RULE,
    effect: settings.defaultEffect,
    risk: 'Medium',
    requiredApprovals: 1,
    expiresAfterHours: settings.defaultExpiryHours,
    approverGroup: settings.defaultApproverGroup,
    allowSelfApproval: false,
    conditions: [],
    notes: [],
    policyReason: '',
  };
}

/** A Confidential field needs approval, a Restricted one is blocked. */
function fromSensitivity(rule: string, level: 'Confidential' | 'Restricted', field: string): FieldCandidate {
  return {
    kind: 'sensitivity',
    rule,
    effect: level === 'Restricted' ? 'Block' : 'RequireApproval',
    risk: level === 'Restricted' ? 'Critical' : 'High',
    requiredApprovals: 1,
    expiresAfterHours: null,
    approverGroup: null,
    allowSelfApproval: false,
    conditions: [`${field} is ${level} data`],
    notes: [],
    policyReason: '',
  };
}

/** The action's operation in its canonical spelling; throws for a word that is none of Create, Update, Delete. */
function operationOf(action: ProposedAction): Operation {
  const operation = canonicalOperation(action.operation);
  if (operation === null) {
    throw new TypeError(`unknown operation '${String(action.operation)}' (use Create, Update or Delete)`);
  }
  return operation;
}

/** The agent's confidence, 0 when missing or not a number. */
function confidenceOf(action: ProposedAction): ExactDecimal {
  return parseDecimal(action.confidence) ?? decimalOf(0);
}

export class PolicyEvaluation {
  private readonly settings: CompiledSettings;
  private readonly operation: Operation;
  private readonly objectName: string;
  private readonly agent: string;
  private readonly confidence: ExactDecimal;
  private readonly changed: [string, FieldValueChange][];
  private readonly changedByKey: Map<string, [string, FieldValueChange]>;
  private matched: MatchedPolicy[] = [];
  private readonly byRule = new Map<string, Contributor>();
  /** The candidate each contributor came from: its condition words, notes and policy reason. */
  private readonly words = new Map<string, FieldCandidate>();
  private readonly fieldEffects: FieldDecision[] = [];
  private turnedByMode = false;
  /** Whether a matching policy covers any field of the action (the default's words for a create or delete). */
  private anyFieldCovered = false;

  constructor(
    private readonly compiled: CompiledPolicySet,
    action: ProposedAction,
  ) {
    this.settings = compiled.settings;
    this.operation = operationOf(action);
    this.objectName = action.object.trim();
    this.agent = (action.agent ?? '').trim();
    this.confidence = confidenceOf(action);
    this.changed = PolicyEvaluation.changedFields(action, this.operation);
    this.changedByKey = new Map(this.changed.map((entry) => [entry[0].toLowerCase(), entry] as const));
  }

  /**
   * The decision for the action. A create or delete that sets or removes no value is still decided, as a whole
   * record (decideField(null)): it never runs automatically only because it has no field.
   */
  decide(): PolicyDecision {
    if (this.settings.mode === 'Paused') return this.pausedDecision();
    this.matched = this.matchPolicies();
    // Only the default's words for a create or delete need it: an update skips the extra pass.
    this.anyFieldCovered =
      this.operation !== 'Update' && this.changed.some(([field]) => this.policyCandidates(field).length > 0);
    for (const [field] of this.changed) this.decideField(field);
    if (this.changed.length === 0 && this.operation !== 'Update') this.decideField(null);
    return this.summarise();
  }

  /**
   * The fields whose proposed value differs from the current one, in the order the agent sent them. A create's
   * fields go from blank (its before is ignored), a delete's to blank (its after is ignored), so a field a create
   * sets or a delete removes is never taken for "unchanged".
   */
  private static changedFields(action: ProposedAction, operation: Operation): [string, FieldValueChange][] {
    return Object.entries(action.changes)
      .map(([field, c]): [string, FieldValueChange] => {
        if (operation === 'Create') return [field, { before: null, after: c.after }];
        return operation === 'Delete' ? [field, { before: c.before, after: null }] : [field, c];
      })
      .filter(([, c]) => !valuesEqual(c.before, c.after));
  }

  private pausedDecision(): PolicyDecision {
    return {
      effect: 'Block',
      risk: 'Critical',
      requiredApprovals: 1,
      approverGroup: this.settings.defaultApproverGroup,
      expiresAfterHours: this.settings.defaultExpiryHours,
      allowSelfApproval: false,
      reasons: [PAUSED_REASON],
      fieldEffects: this.changed.map(([field]) => ({
        field,
        effect: 'Block',
        rule: DEFAULT_RULE,
        rules: [DEFAULT_RULE],
        reason: PAUSED_REASON,
      })),
      matchedPolicies: [],
      contributors: [],
      mode: this.settings.mode,
      operation: this.operation,
    };
  }

  /** A policy matches when active (already filtered), its object and agents match and every condition holds. */
  private matchPolicies(): MatchedPolicy[] {
    const matched: MatchedPolicy[] = [];
    for (const policy of this.policiesForAction()) {
      const match = this.matchOf(policy);
      if (match !== null) matched.push(match);
    }
    return matched;
  }

  /**
   * The active policies whose operations, object and agent lists admit this action, cached per operation, object
   * and agent.
   */
  private policiesForAction(): CompiledPolicy[] {
    const objectKey = this.objectName.toLowerCase();
    const agentKey = this.agent.toLowerCase();
    const key = `${this.operation}|${objectKey}|${agentKey}`;
    const cache = this.compiled.byObjectAndAgent;
    let list = cache.get(key);
    if (list === undefined) {
      list = this.compiled.policies.filter(
        (p) => p.operations.has(this.operation) && coversName(p.objects, objectKey) && coversName(p.agents, agentKey),
      );
      if (cache.size >= 1000) cache.clear(); // bounded in long-lived processes
      cache.set(key, list);
    }
    return list;
  }

  /** The policy with the words of its conditions when every condition holds on a changed field, else null. */
  private matchOf(policy: CompiledPolicy): MatchedPolicy | null {
    const whys: string[] = [];
    for (const cond of policy.conditions) {
      const entry = this.changedByKey.get(cond.fieldKey);
      const why = entry ? conditionHolds(cond, entry[0], entry[1], this.operation) : null;
      if (why === null) return null;
      whys.push(why);
    }
    return { policy, whys };
  }

  /**
   * One changed field: the strictest of the policies that cover it (else the default) and of its sensitivity. A
   * null field is the whole record of a create or delete without values: the policies that cover every field.
   */
  private decideField(field: string | null): void {
    const candidates = this.policyCandidates(field);
    if (candidates.length === 0) candidates.push(fromDefault(this.settings));
    candidates.push(...this.sensitivityCandidates(field));
    candidates.sort(compareCandidates);
    const top = candidates[0];
    if (top === undefined) return; // unreachable: a field always has the default or a policy
    const strictest = top.effect;
    let finalEffect = strictest;
    let modeNote = '';
    if (strictest === 'AutoRun' && this.settings.mode === 'ApproveAll') {
      finalEffect = 'RequireApproval';
      modeNote = MODE_NOTE;
      this.turnedByMode = true;
    }
    // Only the rules with the strictest effect stand behind the field, governing rule first.
    const behind = candidates.filter((c) => c.effect === strictest);
    for (const c of behind) this.keep(c, finalEffect, field);
    if (field === null) return;
    const why = capitalise(this.whyWords(top, [field]));
    this.fieldEffects.push({
      field,
      effect: finalEffect,
      rule: top.rule,
      rules: behind.map((c) => c.rule),
      reason: `${why}: ${consequence(finalEffect, top.requiredApprovals, top.approverGroup)}${modeNote} (${top.rule})`,
    });
  }

  /** A rule behind a field's final effect joins the contributors once, with that effect; later fields add to it. */
  private keep(c: FieldCandidate, finalEffect: Effect, field: string | null): void {
    const kept = this.byRule.get(c.rule);
    if (kept) {
      if (field !== null && !kept.fields.includes(field)) kept.fields.push(field);
      return;
    }
    this.byRule.set(c.rule, {
      kind: c.kind,
      rule: c.rule,
      effect: finalEffect,
      risk: c.risk,
      requiredApprovals: c.requiredApprovals,
      expiresAfterHours: c.expiresAfterHours,
      approverGroup: c.approverGroup,
      allowSelfApproval: c.allowSelfApproval,
      fields: field === null ? [] : [field],
      reason: '',
    });
    this.words.set(c.rule, c);
  }

  /**
   * The matching policies that cover a field (null: those that cover every field), with AutoRun below its minimum
   * confidence turned into approval.
   */
  private policyCandidates(field: string | null): FieldCandidate[] {
    const fieldKey = field === null ? null : field.toLowerCase();
    return this.matched
      .filter(({ policy }) =>
        fieldKey === null
          ? policy.fields === null
          : coversName(policy.fields, fieldKey) && !policy.exceptFields.has(fieldKey),
      )
      .map(({ policy, whys }) => fromPolicy(policy, whys, this.confidence));
  }

  /** Confidential and Restricted fields add a candidate on top of the policies (none for the whole record). */
  private sensitivityCandidates(field: string | null): FieldCandidate[] {
    if (field === null) return [];
    const objectKey = this.objectName.toLowerCase();
    const fieldKey = field.toLowerCase();
    return this.compiled.sensitivities
      .filter((s) => s.fieldKey === fieldKey && (s.objectKey === objectKey || s.objectKey === '*'))
      .map((s) => fromSensitivity(`FieldSensitivity.${s.name ?? `${this.objectName}_${field}`}`, s.level, field));
  }

  /** Combines the contributors into the action's decision and its reasons. */
  private summarise(): PolicyDecision {
    const all = [...this.byRule.values()];
    for (const c of all) {
      const from = this.words.get(c.rule);
      if (from) c.reason = this.whyWords(from, c.fields);
    }
    const ordered = [...all].sort(compareCandidates);
    const c = this.combine(all);
    return {
      effect: c.effect,
      risk: c.risk,
      requiredApprovals: c.requiredApprovals,
      approverGroup: c.approverGroup,
      expiresAfterHours: c.expiresAfterHours,
      allowSelfApproval: c.allowSelfApproval,
      reasons: this.reasonsOf(ordered, c.approverGroup),
      fieldEffects: this.fieldEffects,
      matchedPolicies: this.matched.map((m) => m.policy.name),
      contributors: ordered,
      mode: this.settings.mode,
      operation: this.operation,
    };
  }

  /** Effect, risk, approvals, expiry, self-approval and the approver group over all contributors. */
  private combine(
    all: Contributor[],
  ): Pick<
    PolicyDecision,
    'effect' | 'risk' | 'requiredApprovals' | 'expiresAfterHours' | 'approverGroup' | 'allowSelfApproval'
  > {
    let effect: Effect = 'AutoRun';
    let risk: Risk = 'Low';
    let requiredApprovals = 0;
    let expiresAfterHours: number | null = null;
    for (const c of all) {
      if (EFFECT_RANK[c.effect] > EFFECT_RANK[effect]) effect = c.effect;
      if (RISK_RANK[c.risk] > RISK_RANK[risk]) risk = c.risk;
      requiredApprovals = Math.max(requiredApprovals, c.requiredApprovals);
      expiresAfterHours = shorter(expiresAfterHours, c.expiresAfterHours);
    }
    return {
      effect,
      risk,
      requiredApprovals,
      expiresAfterHours: expiresAfterHours ?? this.settings.defaultExpiryHours,
      approverGroup: this.approverGroupOf(all),
      allowSelfApproval: selfApprovalOf(all),
    };
  }

  /** The first contributing policy with a group, by most approvals, then highest risk, then lowest name. */
  private approverGroupOf(all: Contributor[]): string | null {
    const routing = all.filter((c) => c.kind === 'policy' && c.approverGroup !== null).sort(compareRouting);
    return routing[0]?.approverGroup ?? this.settings.defaultApproverGroup;
  }

  /** One reason per contributor, strictest first, as an approver reads them; then the mode and no-change notes. */
  private reasonsOf(ordered: Contributor[], approverGroup: string | null): string[] {
    const reasons = ordered.map((c) => {
      const group = c.effect === 'RequireApproval' ? (c.approverGroup ?? approverGroup) : null;
      const policyReason = this.words.get(c.rule)?.policyReason ?? '';
      const policyText = policyReason === '' ? '' : ` — ${policyReason}`;
      return `${capitalise(c.reason)}: ${consequence(c.effect, c.requiredApprovals, group)}${policyText} (${c.rule})`;
    });
    const anyApproval = ordered.some((c) => c.effect === 'RequireApproval');
    if (this.settings.mode === 'ApproveAll' && anyApproval && this.turnedByMode) reasons.push(MODE_REASON);
    if (this.changed.length === 0 && this.operation === 'Update') reasons.push(NO_CHANGES_REASON);
    return reasons;
  }

  /**
   * Why a rule applies, in words, without the consequence: the words of its conditions, or the fields it covers
   * (as the operation touches them); then notes (a confidence threshold met or missed). The default names the
   * fields no policy covers, or, for a create or delete no policy covers at all, the operation.
   */
  private whyWords(from: FieldCandidate, fields: string[]): string {
    if (from.kind === 'default')
      return `no policy covers ${this.uncovered(fields)}, so the default effect ${this.settings.defaultEffect} applies`;
    const head = from.conditions.length > 0 ? from.conditions.join(', ') : this.fieldWords(fields);
    return from.notes.length > 0 ? `${head}, ${from.notes.join(', ')}` : head;
  }

  /** What the default covers: `Opportunity.Amount`, `creating Opportunity records`, `Opportunity.Name when creating …`. */
  private uncovered(fields: string[]): string {
    const named = fields.map((f) => `${this.objectName}.${f}`).join(', ');
    if (this.operation === 'Update') return named;
    const records = `${this.operation === 'Create' ? 'creating' : 'deleting'} ${this.objectName} records`;
    return this.anyFieldCovered && fields.length > 0 ? `${named} when ${records}` : records;
  }

  /** The fields a rule covers, as the operation touches them: "Amount changes", "Amount is set on a new …". */
  private fieldWords(fields: string[]): string {
    const list = fields.join(', ');
    const one = fields.length === 1;
    if (this.operation === 'Create') {
      return fields.length === 0
        ? `creating the ${this.objectName} with no field values`
        : `${list} ${one ? 'is' : 'are'} set on a new ${this.objectName}`;
    }
    if (this.operation === 'Delete') {
      return fields.length === 0
        ? `deleting the ${this.objectName}, which holds no recorded values`
        : `deleting the ${this.objectName} removes ${list}`;
    }
    return `${list} ${one ? 'changes' : 'change'}`;
  }
}

/** The shorter of two expiries, a blank one counting as none. */
function shorter(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return a ?? b;
  return Math.min(a, b);
}

/** Self-approval only when every contributor is a policy that allows it. */
function selfApprovalOf(all: Contributor[]): boolean {
  return all.length > 0 && all.every((c) => c.kind === 'policy' && c.allowSelfApproval);
}

/** Strictest effect first, then most approvals, highest risk, policies before sensitivity and default, name. */
export function compareCandidates(a: RuleOutcome, b: RuleOutcome): number {
  return (
    EFFECT_RANK[b.effect] - EFFECT_RANK[a.effect] ||
    b.requiredApprovals - a.requiredApprovals ||
    RISK_RANK[b.risk] - RISK_RANK[a.risk] ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    compareNames(a.rule, b.rule)
  );
}

/** Who approves: most approvals, then highest risk, then lowest DeveloperName. */
function compareRouting(a: RuleOutcome, b: RuleOutcome): number {
  return (
    b.requiredApprovals - a.requiredApprovals || RISK_RANK[b.risk] - RISK_RANK[a.risk] || compareNames(a.rule, b.rule)
  );
}

/** Case-insensitive first, then case-sensitive, by UTF-16 code unit. */
function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function consequence(effect: Effect, requiredApprovals: number, approverGroup: string | null): string {
  if (effect === 'Block') return 'blocked';
  if (effect === 'AutoRun') return 'may run automatically';
  const approvals = requiredApprovals === 1 ? '1 approval' : `${requiredApprovals} approvals`;
  return approverGroup ? `needs ${approvals} from ${approverGroup}` : `needs ${approvals}`;
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** `lowerName` is already lower-cased; a null set is everything (blank or `*`). */
function coversName(set: ReadonlySet<string> | null, lowerName: string): boolean {
  return set === null || set.has(lowerName);
}

/** The rank of an effect (AutoRun 0, RequireApproval 1, Block 2). */
export function effectRank(effect: Effect): number {
  return EFFECT_RANK[effect];
}

/** The rank of a risk (Low 0 … Critical 3). */
export function riskRank(risk: Risk): number {
  return RISK_RANK[risk];
}
