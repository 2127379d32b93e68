/**
 * actionInbox — the approver's queue: pending actions first, filters, multi-select bulk decisions with one shared
 * reason, server-side pages, and keyboard triage (j/k move, x select, a approve, r reject, e edit, o open record,
 * Enter review, ? help) announced through a live region. Opening an action shows its review in a panel beside the
 * list; the panel also shows a run's timeline when the review asks for it.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  decideActions,
  errorMessage,
  loadInbox,
  type Decision,
  type InboxFilters,
  type InboxRow,
} from 'c/actionPlaneApi';
import {
  clipSummary,
  effectBadgeClass,
  effectLabel,
  formatAge,
  formatConfidence,
  formatExpiry,
  isOpenStatus,
  riskBadgeClass,
  statusBadgeClass,
  statusLabel,
} from 'c/actionPlaneFormat';
import { LABELS, formatLabel } from 'c/actionPlaneLabels';
import { sortOpenFirst, summarizeResults, triageCommand, triageHelp, type TriageCommand } from './inboxTriage';

const EXPIRY_TONE_CLASS = {
  none: '',
  ok: 'slds-text-color_weak',
  soon: 'slds-text-color_error',
  expired: 'slds-text-color_error',
};

/**
 * Rows drawn at once. A page may hold up to 2,000 actions; drawing them all costs seconds, so the first rows are
 * drawn at once and more on demand (the "show more" button, or j moving past the last drawn row).
 */
const RENDER_STEP = 100;

type Panel = { kind: 'review'; id: string; edit: boolean } | { kind: 'run'; id: string } | null;

export default class ActionInbox extends NavigationMixin(LightningElement) {
  labels = LABELS;

  /** Rows per page (the server pages; 2,000 is the most one page shows). */
  @api pageSize = 50;
  /** Start with only the actions the current user may decide. */
  @api mineOnly = false;

  status = 'Open';
  objectName = '';
  risk = '';
  agent = '';
  mine = false;
  pageNumber = 1;

  rows: InboxRow[] = [];
  total = 0;
  agents: string[] = [];
  objects: string[] = [];
  loading = false;
  loadError: string | null = null;
  busy = false;

  activeIndex = 0;
  selectedIds: string[] = [];
  bulkDecision: Decision | null = null;
  bulkTargetIds: string[] = [];
  bulkReason = '';
  bulkReasonError: string | null = null;
  helpOpen = false;
  announcement = '';
  panel: Panel = null;
  now = Date.now();
  renderLimit = RENDER_STEP;

  private requestSeq = 0;

  override connectedCallback(): void {
    this.mine = this.mineOnly;
    void this.load();
  }

  /** Reload the current page (after a decision made elsewhere). */
  @api
  async refresh(): Promise<void> {
    await this.load();
  }

  private get filters(): InboxFilters {
    return {
      status: this.status,
      objectName: this.objectName,
      risk: this.risk,
      agent: this.agent,
      mine: this.mine,
      pageSize: Math.min(Math.max(Number(this.pageSize) || 50, 1), 2000),
      pageNumber: this.pageNumber,
    };
  }

  private async load(): Promise<void> {
    const seq = ++this.requestSeq;
    this.loading = true;
    this.loadError = null;
    try {
      const page = await loadInbox(this.filters);
      if (seq !== this.requestSeq) return; // a newer filter change won
      this.rows = sortOpenFirst(page.rows ?? []);
      this.total = page.total ?? this.rows.length;
      this.agents = page.agents ?? [];
      this.objects = page.objects ?? [];
      this.now = Date.now();
      const visible = new Set(this.rows.map((row) => row.id));
      this.selectedIds = this.selectedIds.filter((id) => visible.has(id));
      this.activeIndex = Math.min(this.activeIndex, Math.max(this.rows.length - 1, 0));
      this.renderLimit = Math.max(RENDER_STEP, this.activeIndex + 1);
    } catch (error) {
      if (seq !== this.requestSeq) return;
      this.loadError = errorMessage(error);
      this.rows = [];
      this.total = 0;
    } finally {
      if (seq === this.requestSeq) this.loading = false;
    }
  }

  // ---- view state -------------------------------------------------------------------------------------------

  get isEmpty(): boolean {
    return !this.loading && !this.loadError && this.rows.length === 0;
  }
  get hasRows(): boolean {
    return !this.loadError && this.rows.length > 0;
  }
  get selectedCount(): number {
    return this.selectedIds.length;
  }
  get hasSelection(): boolean {
    return this.selectedIds.length > 0;
  }
  get selectionText(): string {
    return formatLabel(LABELS.selectedCount, this.selectedIds.length);
  }
  get allSelected(): boolean {
    return this.rows.length > 0 && this.rows.every((row) => this.selectedIds.includes(row.id));
  }
  get pageCount(): number {
    return Math.max(1, Math.ceil(this.total / this.filters.pageSize));
  }
  get pageText(): string {
    return formatLabel(LABELS.pageOf, this.pageNumber, this.pageCount, this.total);
  }
  get isFirstPage(): boolean {
    return this.pageNumber <= 1;
  }
  get isLastPage(): boolean {
    return this.pageNumber >= this.pageCount;
  }
  get hasPanel(): boolean {
    return this.panel !== null;
  }
  get reviewId(): string | null {
    return this.panel?.kind === 'review' ? this.panel.id : null;
  }
  get reviewEdit(): boolean {
    return this.panel?.kind === 'review' && this.panel.edit;
  }
  get runId(): string | null {
    return this.panel?.kind === 'run' ? this.panel.id : null;
  }
  get listClass(): string {
    return this.hasPanel ? 'slds-col slds-size_1-of-1 slds-large-size_7-of-12' : 'slds-col slds-size_1-of-1';
  }
  get helpItems() {
    return triageHelp();
  }
  get bulkDialogOpen(): boolean {
    return this.bulkDecision !== null;
  }
  get bulkDialogTitle(): string {
    const count = this.bulkTargetIds.length;
    return formatLabel(this.bulkDecision === 'Reject' ? LABELS.rejectCount : LABELS.approveCount, count);
  }
  get bulkReasonLabel(): string {
    return this.bulkDecision === 'Reject' ? LABELS.reasonRequired : LABELS.reasonOptional;
  }
  get bulkReasonClass(): string {
    return this.bulkReasonError ? 'slds-form-element slds-has-error' : 'slds-form-element';
  }
  get bulkConfirmVariant(): string {
    return this.bulkDecision === 'Reject' ? 'destructive' : 'brand';
  }

  get statusOptions() {
    return [
      'Open',
      'All',
      'PendingApproval',
      'Approved',
      'Applied',
      'Rejected',
      'Expired',
      'Blocked',
      'Conflict',
      'Failed',
    ].map((value) => ({
      key: value,
      value,
      label: value === 'Open' ? LABELS.statusOpen : value === 'All' ? LABELS.any : statusLabel(value),
      selected: value === this.status,
    }));
  }
  get riskOptions() {
    return ['', 'Critical', 'High', 'Medium', 'Low'].map((value) => ({
      key: value || 'any',
      value,
      label: value || LABELS.any,
      selected: value === this.risk,
    }));
  }
  get objectOptions() {
    return ['', ...this.objects].map((value) => ({
      key: value || 'any',
      value,
      label: value || LABELS.any,
      selected: value === this.objectName,
    }));
  }
  get agentOptions() {
    return ['', ...this.agents].map((value) => ({
      key: value || 'any',
      value,
      label: value || LABELS.any,
      selected: value === this.agent,
    }));
  }

  get hasHiddenRows(): boolean {
    return this.rows.length > this.renderLimit;
  }
  get showMoreText(): string {
    const hidden = this.rows.length - this.renderLimit;
    return formatLabel(LABELS.showMoreRows, Math.min(RENDER_STEP, hidden), this.renderLimit, this.rows.length);
  }

  handleShowMore(): void {
    this.renderLimit += RENDER_STEP;
  }

  get viewRows() {
    const selected = new Set(this.selectedIds);
    return this.rows.slice(0, this.renderLimit).map((row, index) => {
      const expiry = formatExpiry(row.expiresAt, this.now);
      const active = index === this.activeIndex;
      const isSelected = selected.has(row.id);
      return {
        id: row.id,
        name: row.name,
        objectName: row.objectName,
        recordLabel: row.recordName ?? row.recordId,
        recordId: row.recordId,
        agent: row.agent ?? '',
        status: row.status,
        statusText: statusLabel(row.status),
        statusClass: statusBadgeClass(row.status),
        effect: row.effect ?? '',
        effectText: effectLabel(row.effect),
        effectClass: effectBadgeClass(row.effect),
        risk: row.risk ?? '',
        riskClass: riskBadgeClass(row.risk),
        confidence: formatConfidence(row.confidence),
        age: formatAge(row.createdAt, this.now),
        expiry: expiry.text,
        expiryClass: EXPIRY_TONE_CLASS[expiry.tone],
        changed: clipSummary(row.summary ?? row.changedFields.join(', ')),
        changedInFull: row.summary ?? row.changedFields.join(', '),
        approvals: row.requiredApprovals ? `${row.approvals ?? 0}/${row.requiredApprovals}` : '',
        selected: isSelected,
        selectLabel: formatLabel(LABELS.selectRow, row.name),
        active,
        tabIndex: active ? '0' : '-1',
        rowClass: `slds-hint-parent${active ? ' slds-is-selected active-row' : ''}`,
        ariaSelected: isSelected ? 'true' : 'false',
        canDecide: row.canDecide && isOpenStatus(row.status),
      };
    });
  }

  // ---- filters and pages -------------------------------------------------------------------------------------

  handleFilter(event: Event): void {
    const target = event.target as HTMLSelectElement | HTMLInputElement;
    const name = target.dataset.filter;
    if (name === 'mine') this.mine = (target as HTMLInputElement).checked;
    else if (name === 'status') this.status = target.value;
    else if (name === 'objectName') this.objectName = target.value;
    else if (name === 'risk') this.risk = target.value;
    else if (name === 'agent') this.agent = target.value;
    else return;
    this.pageNumber = 1;
    this.activeIndex = 0;
    this.selectedIds = [];
    void this.load();
  }

  handlePrevious(): void {
    if (this.isFirstPage) return;
    this.pageNumber--;
    this.activeIndex = 0;
    void this.load();
  }

  handleNext(): void {
    if (this.isLastPage) return;
    this.pageNumber++;
    this.activeIndex = 0;
    void this.load();
  }

  // ---- selection -----------------------------------------------------------------------------------------------

  handleSelectRow(event: Event): void {
    const target = event.target as HTMLInputElement;
    this.setSelected(target.dataset.id ?? '', target.checked);
  }

  handleSelectAll(event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.selectedIds = checked ? this.rows.map((row) => row.id) : [];
    this.announce(formatLabel(LABELS.selectedCount, this.selectedIds.length));
  }

  private setSelected(id: string, selected: boolean): void {
    if (!id) return;
    const others = this.selectedIds.filter((candidate) => candidate !== id);
    this.selectedIds = selected ? [...others, id] : others;
  }

  handleRowClick(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const index = this.rows.findIndex((row) => row.id === id);
    if (index >= 0) this.activeIndex = index;
  }

  handleOpenClick(event: Event): void {
    event.preventDefault();
    event.stopPropagation();
    const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
    const index = this.rows.findIndex((row) => row.id === id);
    if (index >= 0) this.activeIndex = index;
    this.openReview(id, false);
  }

  handleRecordClick(event: Event): void {
    event.preventDefault();
    event.stopPropagation();
    const recordId = (event.currentTarget as HTMLElement).dataset.recordId ?? '';
    this.navigateToRecord(recordId);
  }

  // ---- keyboard triage -----------------------------------------------------------------------------------------

  handleKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    const tag = target?.tagName ?? '';
    if (tag === 'INPUT' && (target as HTMLInputElement).type === 'checkbox' && event.key === ' ') return;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox'))
      return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const command = triageCommand(event.key);
    if (command === null) return;
    event.preventDefault();
    this.runCommand(command);
  }

  private runCommand(command: TriageCommand): void {
    if (command === 'help') {
      this.helpOpen = !this.helpOpen;
      this.announce(this.helpOpen ? LABELS.helpOpened : LABELS.helpClosed);
      return;
    }
    if (command === 'escape') {
      if (this.bulkDialogOpen) this.handleBulkCancel();
      else if (this.helpOpen) this.helpOpen = false;
      else if (this.panel) this.panel = null;
      return;
    }
    const row = this.rows[this.activeIndex];
    switch (command) {
      case 'next':
      case 'previous':
        this.move(command === 'next' ? 1 : -1);
        return;
      case 'toggle':
        if (row) {
          const selected = !this.selectedIds.includes(row.id);
          this.setSelected(row.id, selected);
          this.announce(
            formatLabel(selected ? LABELS.rowSelected : LABELS.rowUnselected, row.name, this.selectedIds.length),
          );
        }
        return;
      case 'approve':
      case 'reject': {
        const ids = this.decisionTargets();
        if (ids.length === 0) {
          this.announce(LABELS.nothingToDecide);
          return;
        }
        if (command === 'approve' && !this.hasSelection) void this.decide(ids, 'Approve', null);
        else this.openBulkDialog(command === 'approve' ? 'Approve' : 'Reject', ids);
        return;
      }
      case 'edit':
        if (row) this.openReview(row.id, true);
        return;
      case 'review':
        if (row) this.openReview(row.id, false);
        return;
      case 'openRecord':
        if (row) this.navigateToRecord(row.recordId);
        break;
      default:
        break;
    }
  }

  private move(step: number): void {
    if (this.rows.length === 0) return;
    this.activeIndex = Math.min(Math.max(this.activeIndex + step, 0), this.rows.length - 1);
    if (this.activeIndex >= this.renderLimit) this.renderLimit += RENDER_STEP;
    const row = this.rows[this.activeIndex];
    if (!row) return;
    this.announce(
      formatLabel(
        LABELS.rowAnnouncement,
        this.activeIndex + 1,
        this.rows.length,
        `${row.objectName} ${row.recordName ?? row.recordId}`,
        row.summary ?? row.changedFields.join(', '),
        row.risk ?? '',
      ),
    );
    // Keep the active row visible and focused so screen readers and sighted users follow it.
    void Promise.resolve().then(() => {
      const element = this.template?.querySelector<HTMLElement>('tr.active-row');
      element?.focus();
      element?.scrollIntoView?.({ block: 'nearest' });
    });
  }

  /** Keyboard and bulk decisions apply to the selection; without one, to the active row. */
  private decisionTargets(): string[] {
    const decidable = new Set(
      this.rows.filter((row) => row.canDecide && isOpenStatus(row.status)).map((row) => row.id),
    );
    if (this.hasSelection) return this.selectedIds.filter((id) => decidable.has(id));
    const row = this.rows[this.activeIndex];
    return row && decidable.has(row.id) ? [row.id] : [];
  }

  private announce(message: string): void {
    this.announcement = message;
  }

  // ---- bulk decisions ------------------------------------------------------------------------------------------

  handleBulkApprove(): void {
    this.openBulkDialog('Approve', this.decisionTargets());
  }

  handleBulkReject(): void {
    this.openBulkDialog('Reject', this.decisionTargets());
  }

  private openBulkDialog(decision: Decision, ids: string[]): void {
    if (ids.length === 0) {
      this.announce(LABELS.nothingToDecide);
      return;
    }
    this.bulkDecision = decision;
    this.bulkTargetIds = ids;
    this.bulkReason = '';
    this.bulkReasonError = null;
    // A textarea takes no value attribute (LWC1057), so the reason box is written here, not bound in the template:
    // a dialog opened again while open (r, then a) starts empty like a new one.
    void Promise.resolve().then(() => {
      const box = this.template?.querySelector<HTMLTextAreaElement>('textarea.bulk-reason');
      if (!box) return;
      box.value = this.bulkReason;
      box.focus();
    });
  }

  handleBulkReasonInput(event: Event): void {
    this.bulkReason = (event.target as HTMLTextAreaElement).value;
    if (this.bulkReason.trim() !== '') this.bulkReasonError = null;
  }

  handleBulkCancel(): void {
    this.bulkDecision = null;
    this.bulkTargetIds = [];
    this.bulkReasonError = null;
    void Promise.resolve().then(() => this.template?.querySelector<HTMLElement>('.triage-list')?.focus());
  }

  handleDialogKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.handleBulkCancel();
    }
  }

  async handleBulkConfirm(): Promise<void> {
    const decision = this.bulkDecision;
    if (decision === null) return;
    if (decision === 'Reject' && this.bulkReason.trim() === '') {
      this.bulkReasonError = LABELS.rejectNeedsReason;
      this.template?.querySelector<HTMLTextAreaElement>('textarea.bulk-reason')?.focus();
      return;
    }
    const ids = this.bulkTargetIds;
    const reason = this.bulkReason.trim() === '' ? null : this.bulkReason;
    this.bulkDecision = null;
    this.bulkTargetIds = [];
    await this.decide(ids, decision, reason);
  }

  private async decide(ids: string[], decision: Decision, reason: string | null): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const results = await decideActions(ids, decision, reason);
      const summary = summarizeResults(results, decision);
      if (summary.failed.length === 0) {
        this.toast(summary.title, summary.message, 'success');
      } else {
        this.toast(summary.title, summary.message, summary.succeeded > 0 ? 'warning' : 'error');
      }
      this.announce(summary.message);
      const done = new Set(results.filter((result) => result.ok).map((result) => result.actionId));
      this.selectedIds = this.selectedIds.filter((id) => !done.has(id));
      this.dispatchEvent(new CustomEvent('decided', { detail: { actionIds: ids, decision, results } }));
      await this.load();
    } catch (error) {
      const message = errorMessage(error);
      this.toast(LABELS.toastDecisionFailed, message, 'error');
      this.announce(message);
    } finally {
      this.busy = false;
    }
  }

  // ---- panel and navigation ------------------------------------------------------------------------------------

  private openReview(id: string, edit: boolean): void {
    const open = new CustomEvent('openreview', { detail: { actionId: id, edit }, cancelable: true });
    this.dispatchEvent(open);
    if (open.defaultPrevented) return; // the host shows the review itself
    this.panel = { kind: 'review', id, edit };
    const row = this.rows.find((candidate) => candidate.id === id);
    this.announce(formatLabel(LABELS.reviewOpened, row?.name ?? id));
  }

  handlePanelClose(): void {
    this.panel = null;
    void Promise.resolve().then(() => this.template?.querySelector<HTMLElement>('.triage-list')?.focus());
  }

  handleOpenRun(event: CustomEvent<{ runId: string }>): void {
    event.preventDefault();
    event.stopPropagation();
    this.panel = { kind: 'run', id: event.detail.runId };
  }

  async handleReviewDecided(): Promise<void> {
    await this.load();
  }

  handleHelpToggle(): void {
    this.helpOpen = !this.helpOpen;
  }

  private navigateToRecord(recordId: string): void {
    if (!recordId) return;
    this[NavigationMixin.Navigate]({ type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } });
  }

  private toast(title: string, message: string, variant: 'success' | 'warning' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
