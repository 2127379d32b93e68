/**
 * runTimeline — every audit event of one agent run in order, in words (what happened, to which action, by whom),
 * with time, the server's verdict on the hash chain ("Chain verified" / "Chain broken at event N"), the run's
 * actions as links to their review, and the operator's two levers: halt the run, and replay it against current
 * policy to see which decisions would differ.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  errorMessage,
  haltRun,
  loadRunTimeline,
  replayRun,
  type AuditEventRow,
  type ReplayResult,
  type RunTimeline as RunTimelineData,
} from 'c/actionPlaneApi';
import {
  changeLines,
  effectBadgeClass,
  effectLabel,
  eventTypeLabel,
  formatValue,
  operationOf,
  operationText,
  recordLabel,
  runStatusLabel,
  statusBadgeClass,
  statusLabel,
} from 'c/actionPlaneFormat';
import { LABELS, formatLabel, pluralLabel } from 'c/actionPlaneLabels';
import { Loader } from 'c/actionPlaneLoad';

const HALTED_OR_DONE = new Set(['Halted', 'Completed', 'Rejected', 'Failed']);

export default class RunTimeline extends NavigationMixin(LightningElement) {
  labels = LABELS;
  timeline: RunTimelineData | null = null;
  loading = false;
  loadError: string | null = null;
  busy = false;
  haltOpen = false;
  haltReason = '';
  haltReasonError: string | null = null;
  replay: ReplayResult | null = null;

  private requestedId: string | undefined;
  private connected = false;
  private readonly loader = new Loader(this);

  /** The AgentRun__c id to show. */
  @api
  get runId(): string | undefined {
    return this.requestedId;
  }
  set runId(value: string | undefined) {
    const changed = value !== this.requestedId;
    this.requestedId = value;
    if (this.connected && changed) {
      this.replay = null;
      void this.load();
    }
  }

  /** On an AgentRun__c record page the page's record id is the run id. */
  @api recordId: string | undefined;

  /** Show a close button (when hosted in a panel beside the inbox). */
  @api showClose = false;

  override connectedCallback(): void {
    this.connected = true;
    void this.load();
  }

  override disconnectedCallback(): void {
    this.connected = false;
  }

  get effectiveId(): string | undefined {
    return this.requestedId || this.recordId;
  }

  /** Reload the run from the server. */
  @api
  async refresh(): Promise<void> {
    await this.load();
  }

  private async load(): Promise<void> {
    const id = this.effectiveId;
    if (!id) return;
    await this.loader.run(
      () => loadRunTimeline(id),
      (timeline) => {
        this.timeline = timeline;
      },
    );
  }

  /** The run as last loaded, unless the card shows the spinner or a load error instead. */
  get hasTimeline(): boolean {
    return this.timeline !== null && !this.loading && !this.loadError;
  }
  get heading(): string {
    const run = this.timeline?.run;
    if (!run) return LABELS.timelineTitle;
    return `${LABELS.timelineTitle}: ${run.name}${run.agent ? ` · ${run.agent}` : ''}`;
  }
  get goal(): string {
    return this.timeline?.run.goal ?? '';
  }
  /** The run's status in words; `runStatusValue` keeps the stored value for machines. */
  get runStatus(): string {
    return runStatusLabel(this.timeline?.run.status);
  }
  get runStatusValue(): string {
    return this.timeline?.run.status ?? '';
  }
  get chainVerified(): boolean {
    return this.timeline?.chain.verified === true;
  }
  get chainText(): string {
    const chain = this.timeline?.chain;
    if (!chain) return '';
    if (chain.verified) return LABELS.chainVerified;
    return chain.brokenAt !== null && chain.brokenAt !== undefined
      ? formatLabel(LABELS.chainBrokenAt, chain.brokenAt)
      : LABELS.chainBroken;
  }
  get chainClass(): string {
    return this.chainVerified ? 'slds-badge slds-theme_success chain-badge' : 'slds-badge slds-theme_error chain-badge';
  }
  get chainMessage(): string {
    return this.timeline?.chain.message ?? '';
  }
  get events() {
    const brokenAt = this.timeline?.chain.verified ? null : (this.timeline?.chain.brokenAt ?? null);
    const actionNames = new Map((this.timeline?.actions ?? []).map((action) => [action.id, action.name]));
    return [...(this.timeline?.events ?? [])]
      .sort((a, b) => a.sequence - b.sequence)
      .map((event) => {
        const broken = brokenAt !== null && event.sequence === brokenAt;
        const actionName = event.actionName ?? ((event.actionId && actionNames.get(event.actionId)) || '');
        return {
          key: String(event.sequence),
          sequence: event.sequence,
          type: event.type,
          typeText: eventTypeLabel(event.type),
          actor: event.actorName ?? event.actor,
          actorType: event.actorType,
          occurredAt: formatValue('datetime', event.occurredAt),
          summary: eventSummary(event, actionName),
          actionName,
          shortHash: (event.hash ?? '').slice(0, 12),
          broken,
          itemClass: broken ? 'slds-timeline__item broken slds-theme_error' : 'slds-timeline__item',
          iconName: iconFor(event.actorType),
        };
      });
  }
  get hasEvents(): boolean {
    return (this.timeline?.events ?? []).length > 0;
  }
  get actions() {
    return (this.timeline?.actions ?? []).map((action) => {
      const lines = changeLines(action);
      return {
        id: action.id,
        name: action.name,
        status: action.status,
        statusText: statusLabel(action.status),
        statusClass: statusBadgeClass(action.status),
        operation: operationOf(action),
        operationText: `${operationText(action)}: ${recordLabel(action)}`,
        summary: lines.map((line) => line.text).join('; '),
        openLabel: formatLabel(LABELS.openAction, action.name),
      };
    });
  }
  get hasActions(): boolean {
    return (this.timeline?.actions ?? []).length > 0;
  }
  get canHalt(): boolean {
    return this.timeline !== null && !HALTED_OR_DONE.has(this.timeline.run.status);
  }
  get cannotHalt(): boolean {
    return !this.canHalt || this.busy;
  }
  get haltReasonClass(): string {
    return this.haltReasonError ? 'slds-form-element slds-has-error' : 'slds-form-element';
  }
  get replayRows() {
    return (this.replay?.results ?? []).map((row) => ({
      key: row.actionId,
      name: row.name,
      storedEffect: row.storedEffect ?? '',
      storedText: effectLabel(row.storedEffect),
      storedClass: effectBadgeClass(row.storedEffect),
      replayEffect: row.replayEffect ?? '',
      replayText: effectLabel(row.replayEffect),
      replayClass: effectBadgeClass(row.replayEffect),
      differs: row.differs,
      verdict: row.differs ? LABELS.wouldDiffer : LABELS.same,
      rowClass: row.differs ? 'differs slds-theme_warning' : '',
      reasons: row.reasons.join('; '),
    }));
  }
  get hasReplay(): boolean {
    return this.replay !== null;
  }
  get replaySummary(): string {
    if (!this.replay) return '';
    return this.replay.differing === 0
      ? LABELS.replayNoneDiffer
      : formatLabel(LABELS.replaySomeDiffer, this.replay.differing, this.replay.results.length);
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  /** An action of the run: its review, beside the inbox when there is one, else on the action's record page. */
  handleOpenAction(event: Event): void {
    event.preventDefault();
    const actionId = (event.currentTarget as HTMLElement).dataset.id;
    if (!actionId) return;
    const open = new CustomEvent('openreview', {
      detail: { actionId, edit: false },
      cancelable: true,
      bubbles: true,
      composed: true,
    });
    this.dispatchEvent(open);
    if (!open.defaultPrevented) {
      this[NavigationMixin.Navigate]({
        type: 'standard__recordPage',
        attributes: { recordId: actionId, actionName: 'view' },
      });
    }
  }

  handleHaltOpen(): void {
    this.haltOpen = true;
    this.haltReasonError = null;
    void Promise.resolve().then(() =>
      this.template?.querySelector<HTMLTextAreaElement>('textarea.halt-reason')?.focus(),
    );
  }

  handleHaltCancel(): void {
    this.haltOpen = false;
    this.haltReason = '';
    this.haltReasonError = null;
  }

  handleHaltReason(event: Event): void {
    this.haltReason = (event.target as HTMLTextAreaElement).value;
    if (this.haltReason.trim() !== '') this.haltReasonError = null;
  }

  async handleHaltConfirm(): Promise<void> {
    const id = this.effectiveId;
    if (!id || this.busy) return;
    if (this.haltReason.trim() === '') {
      this.haltReasonError = LABELS.haltNeedsReason;
      return;
    }
    this.busy = true;
    try {
      const result = await haltRun(id, this.haltReason.trim());
      this.toast(
        LABELS.toastHalted,
        pluralLabel(result.cancelled, LABELS.toastHaltedCountOne, LABELS.toastHaltedCount, result.cancelled),
        'success',
      );
      this.haltOpen = false;
      this.haltReason = '';
      this.dispatchEvent(new CustomEvent('halted', { detail: { runId: id, cancelled: result.cancelled } }));
      await this.load();
    } catch (error) {
      this.toast(LABELS.toastHaltFailed, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  async handleReplay(): Promise<void> {
    const id = this.effectiveId;
    if (!id || this.busy) return;
    this.busy = true;
    try {
      this.replay = await replayRun(id);
    } catch (error) {
      this.toast(LABELS.toastReplayFailed, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  private toast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

/**
 * What an event says beyond its type and action (both in its heading): a status move in words, a vote with its
 * reason, or the server's summary ("Create Opportunity: Acme Expansion") without the action's name before it.
 */
function eventSummary(
  event: Pick<
    AuditEventRow,
    'type' | 'summary' | 'fromStatus' | 'toStatus' | 'decision' | 'reason' | 'effect' | 'risk'
  >,
  actionName: string,
): string {
  if (event.type === 'PolicyDecided' && event.effect) {
    return event.risk ? `${effectLabel(event.effect)} · ${LABELS.risk} ${event.risk}` : effectLabel(event.effect);
  }
  if (event.toStatus) {
    const move = `${statusLabel(event.fromStatus)} → ${statusLabel(event.toStatus)}`;
    // A reason that starts by naming the status again ("Blocked: …" after "→ Blocked") says it once.
    const raw = event.reason ?? '';
    const reason = raw.startsWith(`${event.toStatus}:`) ? raw.slice(event.toStatus.length + 1).trim() : raw;
    return reason ? `${move}: ${reason}` : move;
  }
  if (event.decision) {
    const vote = event.decision === 'Reject' ? LABELS.eventRejected : LABELS.eventApproved;
    return event.reason ? `${vote}: ${event.reason}` : vote;
  }
  // The heading names the action already; a summary that only repeats the event type says nothing new.
  const prefix = `${actionName} · `;
  const summary = actionName && event.summary?.startsWith(prefix) ? event.summary.slice(prefix.length) : event.summary;
  return summary && summary !== event.type ? summary : '';
}

function iconFor(actorType: string): string {
  if (actorType === 'Agent') return 'utility:einstein';
  if (actorType === 'User') return 'utility:user';
  return 'utility:settings';
}
