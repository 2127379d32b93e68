/**
 * PolicyExplanation — twin of PolicyExplanation.cls: a policy decision explained for the review page — one headline
 * ("Needs 2 approvals from Sales Managers: Amount rises 35% (more than 20%)"), one reason per field and the rule list
 * with each policy's own words, in labels (PolicyWords).
 */
import type { Contributor, PolicyDecision } from '../../src/core/PolicyEngine';
import { label, formatLabel } from './CustomLabels';
import { because, policyTextOf, type PolicyWords } from './PolicyWords';

export interface Explained {
  headline: string;
  fieldReasons: Record<string, string>;
  ruleReasons: string[];
}

/** The stored fields an action without a full decision is explained from. */
export interface StoredPolicy {
  Effect__c: string | null;
  RequiredApprovals__c: number | null;
  ApproverGroup__c: string | null;
  PolicyReasons__c: string | null;
}

type DecisionShape = Pick<PolicyDecision, 'effect' | 'reasons' | 'fieldEffects' | 'contributors'>;

function approvalsOf(c: Pick<Contributor, 'requiredApprovals'>): number {
  return c.requiredApprovals ?? 1;
}

export class PolicyExplanation {
  private routedGroup: string | null = null;

  constructor(private readonly words: PolicyWords) {}

  explain(decision: DecisionShape, requiredApprovals: number | null, approverGroup: string | null): Explained {
    this.routedGroup = approverGroup;
    const contributors = decision.contributors ?? [];
    const reasons = decision.reasons ?? [];
    const lead = leadingContributor(contributors, decision.effect);
    const why = lead ? this.whyOf(lead) : reasons.length > 0 ? this.words.readable(reasons[0] as string) : null;
    const fieldReasons: Record<string, string> = {};
    const byRule = new Map(contributors.map((c) => [c.rule, c]));
    for (const field of decision.fieldEffects ?? []) {
      const governing = byRule.get(field.rule);
      const fieldWhy = governing ? this.whyOf(governing) : this.words.labelsOf([field.field]);
      fieldReasons[field.field] = because(fieldWhy, this.fieldConsequence(field.effect, governing, decision.effect));
    }
    return {
      headline: because(this.words.consequence(decision.effect, requiredApprovals, approverGroup), why),
      fieldReasons,
      ruleReasons: reasons.map((reason, i) => {
        const contributor = contributors[i];
        return contributor ? this.ruleReason(contributor, reason) : (this.words.readable(reason) ?? reason);
      }),
    };
  }

  explainStored(action: StoredPolicy): Explained {
    return {
      headline: because(
        this.words.consequence(action.Effect__c, action.RequiredApprovals__c ?? 1, action.ApproverGroup__c),
        null,
      ),
      fieldReasons: {},
      ruleReasons: (action.PolicyReasons__c ?? '')
        .split('\n')
        .filter((r) => r.trim() !== '')
        .map((r) => this.words.readable(r) ?? r),
    };
  }

  private whyOf(c: Contributor): string | null {
    if (c.kind === 'default') return formatLabel(label('ActionPlane_ExplainNoPolicy'), this.words.labelsOf(c.fields));
    return this.words.readable(c.reason);
  }

  private fieldConsequence(fieldEffect: string, governing: Contributor | undefined, actionEffect: string): string {
    if (fieldEffect === 'AutoRun' && actionEffect !== 'AutoRun') return label('ActionPlane_ExplainFieldAlone');
    return governing
      ? this.words.consequence(fieldEffect, approvalsOf(governing), this.groupOf(governing))
      : this.words.consequence(fieldEffect, 1, this.routedGroup);
  }

  private groupOf(c: Contributor): string | null {
    return c.approverGroup === null || c.approverGroup.trim() === '' ? this.routedGroup : c.approverGroup;
  }

  private ruleReason(c: Contributor, engineReason: string): string {
    const text = because(this.whyOf(c), this.words.consequence(c.effect, approvalsOf(c), this.groupOf(c)));
    const policyText = policyTextOf(engineReason, c.rule);
    return `${text}${policyText === null || policyText.trim() === '' ? '' : ` — ${policyText}`} (${c.rule})`;
  }
}

/** The rule that sets the action's outcome: the strictest effect, then the most approvals (the first on a tie). */
function leadingContributor(contributors: Contributor[], effect: string): Contributor | null {
  let lead: Contributor | null = null;
  for (const c of contributors) {
    if (c.effect === effect && (lead === null || approvalsOf(c) > approvalsOf(lead))) lead = c;
  }
  return lead;
}

/** A decision stored as JSON (DecisionJson__c), or null when blank or unreadable. */
export function parseDecision(decisionJson: string | null): DecisionShape | null {
  if (decisionJson === null || decisionJson.trim() === '') return null;
  try {
    return JSON.parse(decisionJson) as DecisionShape;
  } catch {
    return null;
  }
}
