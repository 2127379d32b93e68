/**
 * PolicyWords — twin of PolicyWords.cls: the words of a policy decision as an approver reads them — field labels
 * instead of API names, group labels instead of developer names, and the consequence of an effect ("needs 2
 * approvals from Sales Managers"). The sentence parts are the package's Custom Labels (ActionPlane_Explain*).
 */
import { formatLabel, label } from './CustomLabels';

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Apex `String.capitalize()`: the first character upper-cased. */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

export class PolicyWords {
  private readonly fieldLabels = new Map<string, string>();
  private readonly groupLabels = new Map<string, string>();

  /** Field API name → label; group developer name (any case) → label. */
  constructor(fieldLabels: Record<string, string> | null, groupLabels: Record<string, string> | null) {
    for (const [name, text] of Object.entries(fieldLabels ?? {})) this.fieldLabels.set(name, text);
    for (const [name, text] of Object.entries(groupLabels ?? {})) this.groupLabels.set(name.toLowerCase(), text);
  }

  /** Whole-word field API names (exact case) and group developer names (any case) replaced by their labels. */
  readable(text: string | null): string | null {
    if (text === null || text.trim() === '') return text;
    const parts: string[] = [];
    let start = 0;
    while (start < text.length) {
      const word = isWordChar(text.charCodeAt(start));
      let stop = start + 1;
      while (stop < text.length && isWordChar(text.charCodeAt(stop)) === word) stop++;
      const token = text.slice(start, stop);
      parts.push(word ? this.labelOf(token) : token);
      start = stop;
    }
    return parts.join('');
  }

  labelsOf(fields: string[] | null): string {
    return (fields ?? []).map((f) => this.labelOf(f)).join(', ');
  }

  groupLabel(developerName: string | null): string | null {
    if (developerName === null || developerName.trim() === '') return developerName;
    const text = this.groupLabels.get(developerName.toLowerCase());
    return text === undefined || text.trim() === '' ? developerName.replaceAll('_', ' ') : text;
  }

  consequence(effect: string | null, approvals: number | null, approverGroup: string | null): string {
    if (effect === 'Block') return label('ActionPlane_ExplainBlocked');
    if (effect === 'AutoRun') return label('ActionPlane_ExplainRunsAutomatically');
    const count = approvalCount(approvals ?? 1);
    return approverGroup === null || approverGroup.trim() === ''
      ? formatLabel(label('ActionPlane_ExplainNeeds'), count)
      : formatLabel(label('ActionPlane_ExplainNeedsFrom'), count, this.groupLabel(approverGroup) ?? '');
  }

  private labelOf(token: string): string {
    const field = this.fieldLabels.get(token);
    if (field !== undefined) return field;
    return this.groupLabels.get(token.toLowerCase()) ?? token;
  }
}

/** "1 approval", "2 approvals". */
export function approvalCount(approvals: number): string {
  return approvals === 1
    ? label('ActionPlane_ExplainApprovalOne')
    : formatLabel(label('ActionPlane_ExplainApprovalMany'), String(approvals));
}

/** "First: second", the first part capitalised; just the first part when there is no second. */
export function because(first: string | null, second: string | null): string {
  const start = first === null || first.trim() === '' ? '' : capitalize(first);
  if (second === null || second.trim() === '') return start;
  return formatLabel(label('ActionPlane_ExplainBecause'), start, second);
}

/** The admin's own words in an engine reason "<why>: <consequence> — <policy reason> (<rule>)". */
export function policyTextOf(engineReason: string | null, rule: string): string | null {
  const suffix = ` (${rule})`;
  if (engineReason === null || !engineReason.endsWith(suffix)) return null;
  const body = engineReason.slice(0, -suffix.length);
  const dash = body.indexOf(' — ');
  return dash < 0 ? null : body.slice(dash + 3);
}
