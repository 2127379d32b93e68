/**
 * actionReview — one agent action laid out like a pull request, so it can be decided in one screen: a sticky header
 * with the status, the approval progress ("0 of 2 from Sales Managers") and Approve / Edit / Reject; one headline
 * sentence saying what the action needs and why; the diff first, each field's reason in its own row, the record's
 * current value beside a pending plan (drift flagged before anyone votes); then rationale, evidence, votes and the
 * full rule list (collapsed). While editing, the delta recomputes as the approver types and the server's preview
 * says whether the edit needs more approvals or would be blocked — before anything is sent. A typed reason is kept
 * as a draft (it survives a reload and a switch to another action) and leaving with one unsent is warned about.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import {
  compensateAction,
  decide,
  errorMessage,
  loadAction,
  previewEdit,
  replanAction,
  type ActionDetail,
  type Decision,
  type DecisionOutcome,
  type EditPreview,
  type FieldValue,
} from 'c/actionPlaneApi';
import {
  approvalProgress,
  formatConfidence,
  formatExpiry,
  formatValue,
  hasLiveRecord,
  isOpenStatus,
  isRestore,
  operationOf,
  operationText,
  outcomeMessage,
  readableEvidence,
  recordLabel,
  relationText,
  riskBadgeClass,
  statusBadgeClass,
  statusLabel,
} from 'c/actionPlaneFormat';
import { LABELS, formatLabel } from 'c/actionPlaneLabels';
import { Loader } from 'c/actionPlaneLoad';
import type { FieldEditDetail } from 'c/fieldDiff';

interface FieldDiffElement extends HTMLElement {
  collectEdits(): { values: Record<string, FieldValue>; errors: string[] };
  resetEdits(): void;
  restoreEdits(raws: Record<string, string>): void;
  typedEdits(): Record<string, string>;
}

interface Draft {
  reason: string;
  rejecting: boolean;
  edits: Record<string, string>;
}

const DRAFT_PREFIX = 'actionplane.draft.';
/** How long the approver may pause typing before the edit is checked against policy. */
const PREVIEW_DELAY_MS = 350;
const REPLANNABLE = new Set(['Conflict', 'Failed', 'Expired']);

function readDraft(actionId: string): Draft | null {
  try {
    const text = window.sessionStorage.getItem(DRAFT_PREFIX + actionId);
    return text ? (JSON.parse(text) as Draft) : null;
  } catch {
    return null; // Storage may be off (private mode); a draft is then kept only while the page is open.
  }
}

function writeDraft(actionId: string, draft: Draft | null): void {
  try {
    if (draft === null || (draft.reason.trim() === '' && Object.keys(draft.edits).length === 0)) {
      window.sessionStorage.removeItem(DRAFT_PREFIX + actionId);
    } else window.sessionStorage.setItem(DRAFT_PREFIX + actionId, JSON.stringify(draft));
  } catch {
    // Storage may be off (private mode): the draft then lives only in this component.
  }
}

export default class ActionReview extends NavigationMixin(LightningElement) {
  labels = LABELS;
  detail: ActionDetail | null = null;
  loading = false;
  loadError: string | null = null;
  busy = false;
  editing = false;
  rejecting = false;
  reason = '';
  reasonError: string | null = null;
  editErrors: string[] = [];
  recordUrl = '';
  preview: EditPreview | null = null;
  previewPending = false;
  previewError: string | null = null;
  draftRestored = false;
  changedNotice = '';

  private requestedId: string | undefined;
  private loadedFor: string | undefined;
  private connected = false;
  private previewTimer: number | undefined;
  private reasonToWrite = false;
  private editsToRestore: Record<string, string> | null = null;
  private previewSeq = 0;
  private previewedValues = '';
  private previewRun: Promise<void> | null = null;
  private readonly loader = new Loader(this);
  private onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.hasUnsentDraft) {
      event.preventDefault();
      event.returnValue = ''; // Chrome shows its "Leave site?" warning only when returnValue is set.
    }
  };

  /** The PlannedAction__c id to show. */
  @api
  get actionId(): string | undefined {
    return this.requestedId;
  }
  set actionId(value: string | undefined) {
    if (value === this.requestedId) return;
    this.saveDraft();
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
    window.addEventListener('beforeunload', this.onBeforeUnload);
    void this.load();
  }

  override disconnectedCallback(): void {
    this.connected = false;
    this.saveDraft();
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    window.clearTimeout(this.previewTimer);
  }

  get effectiveId(): string | undefined {
    return this.requestedId || this.recordId;
  }

  /**
   * Reload the action from the server (after a decision elsewhere, or a live update). A typed reason and edits
   * stay; when the status moved meanwhile, the review says so.
   */
  @api
  async refresh(): Promise<void> {
    this.loadedFor = undefined;
    await this.load(true);
  }

  /** Focus the review's heading (the inbox does this when it opens the review full screen). */
  @api
  focusHeading(): void {
    this.template?.querySelector<HTMLElement>('.review-title')?.focus();
  }

  private async load(keepDraft = false): Promise<void> {
    const id = this.effectiveId;
    if (!id || id === this.loadedFor) return;
    const previousStatus = this.detail?.action.id === id ? this.detail.action.status : null;
    this.loadedFor = id;
    await this.loader.run(
      () => loadAction(id),
      async (detail) => {
        this.detail = detail;
        this.changedNotice =
          previousStatus !== null && previousStatus !== detail.action.status
            ? formatLabel(LABELS.liveChanged, statusLabel(detail.action.status))
            : '';
        if (!keepDraft || !isOpenStatus(detail.action.status)) this.restoreDraft(id);
        this.recordUrl = detail.action.recordId ? await this.generateRecordUrl(detail.action.recordId) : '';
      },
      {
        // Another action, or the first: the spinner. A reload of the action on screen keeps it (and what is typed).
        spinner: this.detail === null || this.detail.action.id !== id,
        failed: () => {
          this.loadedFor = undefined;
        },
      },
    );
  }

  // A reason or edits typed earlier for this action (before a reload, or before looking at another action).
  private restoreDraft(id: string): void {
    const draft = this.canDecide ? readDraft(id) : null;
    this.reason = draft?.reason ?? '';
    this.rejecting = draft?.rejecting ?? false;
    this.editing = this.canEdit && (Object.keys(draft?.edits ?? {}).length > 0 || (this.startInEdit && this.canDecide));
    this.draftRestored = (draft?.reason ?? '').trim() !== '';
    this.reasonError = null;
    this.editErrors = [];
    this.preview = null;
    this.previewError = null;
    // The reason box and the diff appear with the next render: fill them in then (renderedCallback).
    this.reasonToWrite = true;
    this.editsToRestore = draft && Object.keys(draft.edits).length > 0 ? draft.edits : null;
  }

  override renderedCallback(): void {
    if (this.reasonToWrite) {
      const box = this.template?.querySelector<HTMLTextAreaElement>('textarea.reason');
      if (box) {
        box.value = this.reason;
        this.reasonToWrite = false;
      } else if (!this.rejecting) this.reasonToWrite = false;
    }
    if (this.editsToRestore) {
      const diff = this.diff();
      if (diff) {
        diff.restoreEdits(this.editsToRestore);
        this.editsToRestore = null;
        this.schedulePreview();
      }
    }
  }

  private saveDraft(): void {
    const id = this.detail?.action.id;
    if (!id || !this.canDecide) return;
    writeDraft(id, {
      reason: this.reason,
      rejecting: this.rejecting,
      edits: this.editing ? (this.diff()?.typedEdits() ?? {}) : {},
    });
  }

  private clearDraft(): void {
    const id = this.detail?.action.id;
    if (id) writeDraft(id, null);
    this.draftRestored = false;
  }

  private get hasUnsentDraft(): boolean {
    return (
      this.canDecide && (this.reason.trim() !== '' || Object.keys(this.diff()?.collectEdits().values ?? {}).length > 0)
    );
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

  // ---- what the template shows --------------------------------------------------------------------------------

  /** The action as last loaded, unless the card shows the spinner or a load error instead. */
  get hasDetail(): boolean {
    return this.detail !== null && !this.loading && !this.loadError;
  }

  get noActionChosen(): boolean {
    return this.detail === null && !this.loading && !this.loadError;
  }

  get action() {
    return this.detail?.action;
  }

  get heading(): string {
    const action = this.detail?.action;
    if (!action) return LABELS.reviewTitle;
    return `${action.name} · ${operationText(action)} · ${recordLabel(action)}`;
  }

  /** "Create Opportunity", "Delete Opportunity", "Update Opportunity": what approving does, in the header. */
  get operationText(): string {
    const action = this.detail?.action;
    return action ? operationText(action) : '';
  }
  get operation(): string {
    return operationOf(this.detail?.action);
  }
  get recordText(): string {
    const action = this.detail?.action;
    return action ? recordLabel(action) : '';
  }
  /** A record to link to: not for a create that has not made it (or restored it) yet, nor a delete that removed it. */
  get hasRecordLink(): boolean {
    return hasLiveRecord(this.detail?.action);
  }
  get restores(): boolean {
    return isRestore(this.detail?.action);
  }
  get objectLabel(): string {
    const action = this.detail?.action;
    return action ? action.objectLabel || action.objectName : '';
  }
  /** A delete has no values to edit, and a restore brings the record back as it was: only approve or reject. */
  get canEdit(): boolean {
    return operationOf(this.detail?.action) !== 'Delete' && !isRestore(this.detail?.action);
  }

  get statusText(): string {
    return statusLabel(this.detail?.action.status);
  }
  get statusClass(): string {
    return statusBadgeClass(this.detail?.action.status);
  }
  get riskClass(): string {
    return riskBadgeClass(this.detail?.action.risk);
  }
  get expiryText(): string {
    const action = this.detail?.action;
    return action && isOpenStatus(action.status) ? formatExpiry(action.expiresAt, Date.now()).text : '';
  }
  get isPending(): boolean {
    return this.detail?.action.status === 'PendingApproval';
  }
  /** "0 of 2 from Sales Managers": what the action needs now, or with the edit being typed. */
  get progressText(): string {
    const action = this.detail?.action;
    if (!action || !this.isPending) return '';
    const required = this.editing && this.preview ? this.preview.requiredApprovals : action.requiredApprovals;
    if (!required) return '';
    const group = action.approverGroupLabel ?? action.approverGroup;
    return group
      ? formatLabel(LABELS.progressFrom, action.approvals ?? 0, required, group)
      : approvalProgress(action.approvals, required);
  }
  get progressClass(): string {
    return this.editing && this.preview?.raisesApprovals
      ? 'slds-badge slds-theme_warning progress'
      : 'slds-badge slds-badge_lightest progress';
  }
  get headline(): string {
    if (this.editing && this.preview?.edited && this.preview.headline) return this.preview.headline;
    return this.detail?.action.headline ?? '';
  }
  get metaText(): string {
    const action = this.detail?.action;
    if (!action) return '';
    const parts = [action.agent ?? ''];
    const confidence = formatConfidence(action.confidence);
    if (confidence) parts.push(formatLabel(LABELS.confidenceOf, confidence));
    if (action.proposedBy) parts.push(formatLabel(LABELS.proposedBy, action.proposedBy));
    return parts.filter((part) => part !== '').join(' · ');
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
  get ruleReasons(): { key: string; text: string }[] {
    const detail = this.detail?.action;
    const reasons =
      this.editing && this.preview?.edited ? this.preview.ruleReasons : (detail?.ruleReasons ?? detail?.reasons ?? []);
    return reasons.map((text, index) => ({ key: String(index), text }));
  }
  get hasRuleReasons(): boolean {
    return this.ruleReasons.length > 0;
  }
  get allRulesText(): string {
    return formatLabel(LABELS.allRules, this.ruleReasons.length);
  }
  get decisions() {
    return (this.detail?.decisions ?? []).map((decision, index) => ({
      key: String(index),
      approver: decision.approver,
      decision: decision.decision === 'Reject' ? LABELS.eventRejected : LABELS.eventApproved,
      reason: decision.reason ?? '',
      decidedAt: formatValue('datetime', decision.decidedAt),
      badgeClass: decision.decision === 'Reject' ? 'slds-badge slds-theme_error' : 'slds-badge slds-theme_success',
    }));
  }
  get hasDecisions(): boolean {
    return this.decisions.length > 0;
  }
  get related() {
    return (this.detail?.related ?? []).map((link) => ({
      key: `${link.relation}-${link.actionId}`,
      actionId: link.actionId,
      text: relationText(link),
    }));
  }
  get hasRelated(): boolean {
    return this.related.length > 0;
  }
  get canDecide(): boolean {
    return this.detail?.canDecide === true && isOpenStatus(this.detail.action.status);
  }
  get cannotDecideReason(): string {
    if (!this.detail || this.canDecide) return '';
    if (!isOpenStatus(this.detail.action.status)) return '';
    return this.detail.cannotDecideReason ?? LABELS.cannotDecide;
  }
  get isStale(): boolean {
    return this.isPending && this.detail?.action.stale === true;
  }
  get staleText(): string {
    return formatLabel(LABELS.stalePlan, (this.detail?.action.driftedFields ?? []).join(', '));
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
  get isExpired(): boolean {
    return this.detail?.action.status === 'Expired';
  }
  get canReplan(): boolean {
    return REPLANNABLE.has(this.detail?.action.status ?? '');
  }
  get failedText(): string {
    return formatLabel(LABELS.failedExplained, this.detail?.action.resultMessage ?? '');
  }
  // A create has no record to show until it is applied; a delete's record is gone once it is.
  get showCurrent(): boolean {
    const status = this.detail?.action.status ?? '';
    const operation = operationOf(this.detail?.action);
    if (operation === 'Create') return ['Applied', 'Compensated'].includes(status);
    if (operation === 'Delete') return ['PendingApproval', 'Approved', 'Conflict', 'Failed'].includes(status);
    return ['PendingApproval', 'Approved', 'Conflict', 'Failed', 'Applied', 'Compensated'].includes(status);
  }
  get flagDrift(): boolean {
    return this.isConflict || this.isFailed;
  }
  /** A delete applies no values (it removes them), so it shows what was removed instead. */
  get showApplied(): boolean {
    const status = this.detail?.action.status;
    return (status === 'Applied' || status === 'Compensated') && operationOf(this.detail?.action) !== 'Delete';
  }
  get wasApplied(): boolean {
    const status = this.detail?.action.status;
    return status === 'Applied' || status === 'Compensated';
  }
  get appliedText(): string {
    const action = this.detail?.action;
    if (!action) return '';
    const when = formatValue('datetime', action.appliedAt);
    // An AutoRun change was not approved by anyone: it ran as the agent's user because policy allowed it.
    if (action.effect === 'AutoRun')
      return formatLabel(LABELS.appliedAutomatically, action.appliedBy ?? action.agent ?? '', when);
    return action.appliedBy
      ? formatLabel(LABELS.appliedAsApproved, action.appliedBy, when)
      : formatLabel(LABELS.appliedAsApprovedAt, when);
  }
  get resultMessage(): string {
    return this.detail?.action.resultMessage ?? '';
  }
  get showResultMessage(): boolean {
    const status = this.detail?.action.status ?? '';
    return (
      this.resultMessage !== '' && ['Rejected', 'Cancelled', 'Superseded', 'Blocked', 'Compensated'].includes(status)
    );
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
  get showMainButtons(): boolean {
    return !this.editing && !this.rejecting;
  }
  get previewMessage(): string {
    if (!this.editing) return '';
    if (this.previewError) return formatLabel(LABELS.previewFailed, this.previewError);
    return this.preview?.message ?? '';
  }
  get previewClass(): string {
    const warn = this.previewError || this.preview?.blocked || this.preview?.raisesApprovals;
    return warn
      ? 'slds-notify slds-notify_alert slds-alert_warning slds-m-top_x-small preview-message'
      : 'slds-box slds-box_x-small slds-theme_shade slds-m-top_x-small preview-message';
  }
  // Not disabled while a check runs: leaving the box to click would disable the button under the click.
  get approveEditsDisabled(): boolean {
    return this.busy || (this.preview?.blocked === true && !this.previewPending) || this.hasEditErrors;
  }
  get confirmRejectLabel(): string {
    return formatLabel(LABELS.confirmReject, this.detail?.action.name ?? '');
  }
  get fullScreenLabel(): string {
    return formatLabel(LABELS.reviewFullScreen, this.detail?.action.name ?? '');
  }

  // ---- handlers -----------------------------------------------------------------------------------------------

  handleReasonInput(event: Event): void {
    this.reason = (event.target as HTMLTextAreaElement).value;
    if (this.reason.trim() !== '') this.reasonError = null;
    this.saveDraft();
  }

  handleClose(): void {
    this.saveDraft();
    this.dispatchEvent(new CustomEvent('close'));
  }

  handleOpenRecord(event: Event): void {
    event.preventDefault();
    const action = this.detail?.action;
    if (!action?.recordId) return;
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

  handleOpenRelated(event: Event): void {
    event.preventDefault();
    const actionId = (event.currentTarget as HTMLElement).dataset.id;
    if (!actionId) return;
    this.openAction(actionId);
  }

  /** Asks the host to show another action (the inbox does it in its panel); else goes to the action's page. */
  private openAction(actionId: string): void {
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

  handleStartEdit(): void {
    if (!this.canEdit) return;
    this.editing = true;
    this.rejecting = false;
  }

  handleCancelEdit(): void {
    this.editing = false;
    this.editErrors = [];
    this.preview = null;
    this.previewError = null;
    this.diff()?.resetEdits();
    this.saveDraft();
  }

  handleStartReject(): void {
    this.rejecting = true;
    this.editing = false;
    this.preview = null;
    void Promise.resolve().then(() => {
      const box = this.template?.querySelector<HTMLTextAreaElement>('textarea.reason');
      if (!box) return;
      box.value = this.reason;
      box.focus();
    });
  }

  handleCancelReject(): void {
    this.rejecting = false;
    this.reasonError = null;
    this.saveDraft();
  }

  handleFieldEdit(event: CustomEvent<FieldEditDetail>): void {
    this.editErrors = [];
    this.saveDraft();
    // A change event after the input events of the same typing (leaving the box) asks nothing new.
    if (JSON.stringify(event.detail.values) === this.previewedValues && !event.detail.error) return;
    this.schedulePreview();
  }

  // The server decides what the edit needs; asked once the approver pauses typing, newest answer wins.
  private schedulePreview(): void {
    window.clearTimeout(this.previewTimer);
    this.previewPending = true;
    // A pause in typing, not a polling loop: one request per pause, cancelled by the next keystroke.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.previewTimer = window.setTimeout(() => {
      this.previewRun = this.runPreview();
    }, PREVIEW_DELAY_MS);
  }

  // Approving while a check is due or running: the answer comes first, so a blocked edit is never sent.
  private async settlePreview(): Promise<void> {
    if (this.previewTimer !== undefined && this.previewPending && this.previewRun === null) {
      window.clearTimeout(this.previewTimer);
      this.previewRun = this.runPreview();
    }
    if (this.previewRun) await this.previewRun;
  }

  private async runPreview(): Promise<void> {
    const action = this.detail?.action;
    const diff = this.diff();
    if (!action || !diff) {
      this.previewPending = false;
      return;
    }
    const seq = ++this.previewSeq;
    const { values } = diff.collectEdits();
    this.previewedValues = JSON.stringify(values);
    try {
      const preview = await previewEdit(action.id, values);
      if (seq !== this.previewSeq) return;
      this.preview = preview;
      this.previewError = null;
    } catch (error) {
      if (seq !== this.previewSeq) return;
      this.previewError = errorMessage(error);
    } finally {
      if (seq === this.previewSeq) {
        this.previewPending = false;
        this.previewRun = null;
      }
    }
  }

  async handleApprove(): Promise<void> {
    let edited: Record<string, FieldValue> | null = null;
    if (this.editing) {
      const edits = this.diff()?.collectEdits() ?? { values: {}, errors: [] };
      this.editErrors = edits.errors;
      if (edits.errors.length > 0) return;
      edited = Object.keys(edits.values).length > 0 ? edits.values : null;
      if (edited) {
        await this.settlePreview();
        if (this.preview?.blocked) return; // the header says why; the server would refuse it too
      }
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

  handleReasonKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.handleCancelReject();
    }
  }

  private async decide(decision: Decision, edited: Record<string, FieldValue> | null): Promise<void> {
    const action = this.detail?.action;
    if (!action || this.busy) return;
    this.busy = true;
    try {
      const reason = decision === 'Reject' && this.reason.trim() !== '' ? this.reason : null;
      const response = await decide([action.id], decision, reason, edited);
      const outcome: DecisionOutcome | undefined = response.outcomes[0];
      const result = response.results[0];
      if (outcome) {
        const words = outcomeMessage(outcome, decision);
        this.toast(words.title, words.message, words.tone);
      }
      if (result?.ok) {
        this.editing = false;
        this.rejecting = false;
        this.reason = '';
        this.preview = null;
        this.clearDraft();
        this.diff()?.resetEdits();
        if (result.status === 'Applied' && action.recordId)
          void notifyRecordUpdateAvailable([{ recordId: action.recordId }]);
      }
      // A refused vote (someone else decided first) and a recorded one alike: show the action as it stands now.
      this.dispatchEvent(
        new CustomEvent('decided', {
          detail: { actionId: action.id, decision, status: outcome?.status ?? result?.status, ok: result?.ok === true },
        }),
      );
      await this.refresh();
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
      const replanned = new CustomEvent('replanned', {
        detail: { actionId: action.id, newActionId: result.actionId },
        cancelable: true,
        bubbles: true,
        composed: true,
      });
      this.dispatchEvent(replanned);
      // Show the new action: it says what it replaces and what happened to this one.
      if (!replanned.defaultPrevented) {
        this.requestedId = result.actionId;
        this.loadedFor = undefined;
        await this.load();
      }
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
      this.template?.querySelector<HTMLTextAreaElement>('textarea.revert-reason')?.focus();
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
      this.reason = '';
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

  handleRevertReasonInput(event: Event): void {
    this.reason = (event.target as HTMLTextAreaElement).value;
    if (this.reason.trim() !== '') this.reasonError = null;
  }

  private diff(): FieldDiffElement | null {
    return this.template?.querySelector<FieldDiffElement>('c-field-diff') ?? null;
  }

  private toast(title: string, message: string, variant: 'success' | 'warning' | 'error' | 'info'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
