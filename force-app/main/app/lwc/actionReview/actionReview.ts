/**
 * actionReview — one agent action, explained well enough to decide in seconds: what record, which agent and run,
 * how confident, why (rationale, evidence, one reason per policy rule), the field diff, and the decision itself
 * (approve, edit then approve, reject with a reason). Conflict and applied actions show the record's current values
 * and offer re-plan or revert.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import {
  compensateAction,
  decideActions,
  errorMessage,
  loadAction,
  replanAction,
  type ActionDetail,
  type Decision,
  type FieldValue,
} from 'c/actionPlaneApi';
import {
  effectBadgeClass,
  effectLabel,
  formatConfidence,
  formatExpiry,
  formatValue,
  isOpenStatus,
  readableEvidence,
  riskBadgeClass,
  statusBadgeClass,
  statusLabel,
} from 'c/actionPlaneFormat';
import { LABELS, formatLabel } from 'c/actionPlaneLabels';

interface FieldDiffElement extends HTMLElement {
  collectEdits(): { values: Record<string, FieldValue>; errors: string[] };
  resetEdits(): void;
}

export default class ActionReview extends NavigationMixin(LightningElement) {
  labels = LABELS;
  detail: ActionDetail | null = null;
  loading = false;
  loadError: string | null = null;
  busy = false;
  editing = false;
  reason = '';
  reasonError: string | null = null;
  editErrors: string[] = [];
  recordUrl = '';

  private requestedId: string | undefined;
  private loadedFor: string | undefined;
  private connected = false;

  /** The PlannedAction__c id to show. */
  @api
  get actionId(): string | undefined {
    return this.requestedId;
  }
  set actionId(value: string | undefined) {
    this.requestedId = value;
    if (this.connected) void this.load();
  }

  /** On a PlannedAction__c record page the page's record id is the action id. */
  @api recordId: string | undefined;

  /** Open with the edit inputs showing (keyboard "e" in the inbox). */
  @api startInEdit = false;

  /** Show a close button (when hosted in a panel beside the inbox). */
  @api showClose = false;

  override connectedCallback(): void {
    this.connected = true;
    this.editing = this.startInEdit;
    void this.load();
  }

  override disconnectedCallback(): void {
    this.connected = false;
  }

  get effectiveId(): string | undefined {
    return this.requestedId || this.recordId;
  }

  /** Reload the action from the server. */
  @api
  async refresh(): Promise<void> {
    this.loadedFor = undefined;
    await this.load();
  }

  private async load(): Promise<void> {
    const id = this.effectiveId;
    if (!id || id === this.loadedFor) return;
    this.loadedFor = id;
    this.loading = true;
    this.loadError = null;
    try {
      const detail = await loadAction(id);
      if (id !== this.effectiveId) return;
      this.detail = detail;
      this.reason = '';
      this.reasonError = null;
      this.editErrors = [];
      this.recordUrl = await this.generateRecordUrl(detail.action.recordId);
    } catch (error) {
      this.loadError = errorMessage(error);
      this.loadedFor = undefined;
    } finally {
      this.loading = false;
    }
  }

  private async generateRecordUrl(recordId: string): Promise<string> {
    try {
      return await this[NavigationMixin.GenerateUrl]({
        type: 'standard__recordPage',
        attributes: { recordId, actionName: 'view' },
      });
    } catch {
      return '';
    }
  }

  get hasDetail(): boolean {
    return this.detail !== null && !this.loading;
  }

  get action() {
    return this.detail?.action;
  }

  get heading(): string {
    const action = this.detail?.action;
    if (!action) return LABELS.reviewTitle;
    return `${action.objectName}: ${action.recordName ?? action.recordId}`;
  }

  get statusText(): string {
    return statusLabel(this.detail?.action.status);
  }
  get effectText(): string {
    return effectLabel(this.detail?.action.effect);
  }
  get statusClass(): string {
    return statusBadgeClass(this.detail?.action.status);
  }
  get effectClass(): string {
    return effectBadgeClass(this.detail?.action.effect);
  }
  get riskClass(): string {
    return riskBadgeClass(this.detail?.action.risk);
  }
  get confidenceText(): string {
    return formatConfidence(this.detail?.action.confidence);
  }
  get expiryText(): string {
    const action = this.detail?.action;
    return action && isOpenStatus(action.status) ? formatExpiry(action.expiresAt, Date.now()).text : '';
  }
  get approvalsText(): string {
    const action = this.detail?.action;
    if (!action || !action.requiredApprovals) return '';
    return formatLabel(LABELS.approvalsOf, action.approvals ?? 0, action.requiredApprovals);
  }
  get runText(): string {
    const run = this.detail?.run;
    if (!run) return '';
    return run.externalId ? `${run.name} (${run.externalId})` : run.name;
  }
  get evidence() {
    return readableEvidence(this.detail?.action.evidence);
  }
  get hasEvidence(): boolean {
    return (this.detail?.action.evidence ?? '').trim() !== '';
  }
  get reasons(): { key: string; text: string }[] {
    return (this.detail?.action.reasons ?? []).map((text, index) => ({ key: String(index), text }));
  }
  get hasReasons(): boolean {
    return this.reasons.length > 0;
  }
  get decisions() {
    return (this.detail?.decisions ?? []).map((decision, index) => ({
      key: String(index),
      approver: decision.approver,
      decision: decision.decision,
      reason: decision.reason ?? '',
      decidedAt: formatValue('datetime', decision.decidedAt),
      badgeClass: decision.decision === 'Reject' ? 'slds-badge slds-theme_error' : 'slds-badge slds-theme_success',
    }));
  }
  get hasDecisions(): boolean {
    return this.decisions.length > 0;
  }
  get canDecide(): boolean {
    return this.detail?.canDecide === true && isOpenStatus(this.detail.action.status);
  }
  get cannotDecideReason(): string {
    if (!this.detail || this.canDecide) return '';
    if (!isOpenStatus(this.detail.action.status)) return '';
    return this.detail.cannotDecideReason ?? LABELS.cannotDecide;
  }
  get isConflict(): boolean {
    return this.detail?.action.status === 'Conflict';
  }
  get isApplied(): boolean {
    return this.detail?.action.status === 'Applied';
  }
  get isFailed(): boolean {
    return this.detail?.action.status === 'Failed';
  }
  get showCurrent(): boolean {
    const status = this.detail?.action.status;
    return status === 'Conflict' || status === 'Applied' || status === 'Failed' || status === 'Compensated';
  }
  get showApplied(): boolean {
    const status = this.detail?.action.status;
    return status === 'Applied' || status === 'Compensated';
  }
  get appliedText(): string {
    const action = this.detail?.action;
    if (!action || !action.appliedAt) return '';
    return formatLabel(LABELS.appliedAt, formatValue('datetime', action.appliedAt));
  }
  get resultMessage(): string {
    return this.detail?.action.resultMessage ?? '';
  }
  get reasonClass(): string {
    return this.reasonError ? 'slds-form-element slds-has-error' : 'slds-form-element';
  }
  get hasEditErrors(): boolean {
    return this.editErrors.length > 0;
  }
  get editErrorItems(): { key: string; text: string }[] {
    return this.editErrors.map((text, index) => ({ key: String(index), text }));
  }
  get notEditing(): boolean {
    return !this.editing;
  }

  handleReasonInput(event: Event): void {
    this.reason = (event.target as HTMLTextAreaElement).value;
    if (this.reason.trim() !== '') this.reasonError = null;
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  handleOpenRecord(event: Event): void {
    event.preventDefault();
    const action = this.detail?.action;
    if (!action) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: action.recordId, actionName: 'view' },
    });
  }

  handleOpenRun(event: Event): void {
    event.preventDefault();
    const run = this.detail?.run;
    if (!run) return;
    const open = new CustomEvent('openrun', {
      detail: { runId: run.id },
      cancelable: true,
      bubbles: true,
      composed: true,
    });
    this.dispatchEvent(open);
    if (!open.defaultPrevented) {
      this[NavigationMixin.Navigate]({
        type: 'standard__recordPage',
        attributes: { recordId: run.id, actionName: 'view' },
      });
    }
  }

  handleStartEdit(): void {
    this.editing = true;
  }

  handleCancelEdit(): void {
    this.editing = false;
    this.editErrors = [];
    this.diff()?.resetEdits();
  }

  async handleApprove(): Promise<void> {
    let edited: Record<string, FieldValue> | null = null;
    if (this.editing) {
      const edits = this.diff()?.collectEdits() ?? { values: {}, errors: [] };
      this.editErrors = edits.errors;
      if (edits.errors.length > 0) return;
      edited = Object.keys(edits.values).length > 0 ? edits.values : null;
    }
    await this.decide('Approve', edited);
  }

  async handleReject(): Promise<void> {
    if (this.reason.trim() === '') {
      this.reasonError = LABELS.rejectNeedsReason;
      this.template?.querySelector<HTMLTextAreaElement>('textarea.reason')?.focus();
      return;
    }
    await this.decide('Reject', null);
  }

  private async decide(decision: Decision, edited: Record<string, FieldValue> | null): Promise<void> {
    const action = this.detail?.action;
    if (!action || this.busy) return;
    this.busy = true;
    try {
      const reason = this.reason.trim() === '' ? null : this.reason;
      const [result] = await decideActions([action.id], decision, reason, edited);
      if (result && result.ok) {
        this.toast(
          decision === 'Approve' ? LABELS.toastApproved : LABELS.toastRejected,
          formatLabel(LABELS.toastNowStatus, action.name, statusLabel(result.status)),
          'success',
        );
        this.editing = false;
        this.dispatchEvent(
          new CustomEvent('decided', { detail: { actionId: action.id, decision, status: result.status } }),
        );
        if (result.status === 'Applied') void notifyRecordUpdateAvailable([{ recordId: action.recordId }]);
        await this.refresh();
      } else {
        this.toast(LABELS.toastDecisionFailed, result?.message ?? LABELS.errorNoReason, 'error');
      }
    } catch (error) {
      this.toast(LABELS.toastDecisionFailed, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  async handleReplan(): Promise<void> {
    const action = this.detail?.action;
    if (!action || this.busy) return;
    this.busy = true;
    try {
      const result = await replanAction(action.id);
      this.toast(
        LABELS.toastReplanned,
        result.message ?? formatLabel(LABELS.toastNewAction, statusLabel(result.status)),
        'success',
      );
      this.dispatchEvent(
        new CustomEvent('replanned', { detail: { actionId: action.id, newActionId: result.actionId } }),
      );
    } catch (error) {
      this.toast(LABELS.toastReplanFailed, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  async handleCompensate(): Promise<void> {
    const action = this.detail?.action;
    if (!action || this.busy) return;
    if (this.reason.trim() === '') {
      this.reasonError = LABELS.revertNeedsReason;
      this.template?.querySelector<HTMLTextAreaElement>('textarea.reason')?.focus();
      return;
    }
    this.busy = true;
    try {
      const result = await compensateAction(action.id, this.reason.trim());
      this.toast(
        LABELS.toastRevertProposed,
        result.message ?? formatLabel(LABELS.toastNewAction, statusLabel(result.status)),
        'success',
      );
      this.dispatchEvent(
        new CustomEvent('compensated', { detail: { actionId: action.id, newActionId: result.actionId } }),
      );
      // The original is now Compensated: reload so the revert button and its reason box go away.
      await this.refresh();
    } catch (error) {
      this.toast(LABELS.toastRevertFailed, errorMessage(error), 'error');
    } finally {
      this.busy = false;
    }
  }

  private diff(): FieldDiffElement | null {
    return this.template?.querySelector<FieldDiffElement>('c-field-diff') ?? null;
  }

  private toast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
