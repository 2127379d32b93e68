/**
 * actionInbox — the approver's queue: pending actions first, only the ones the user can decide unless they ask
 * for all, filters, multi-select bulk decisions whose dialog names what it skips, server-side pages, live updates
 * (ActionStatusChanged__e), and keyboard triage that acts on what is on screen: j/k move the row and an open review
 * follows it; a (and r, after its reason) decide the highlighted action, named on screen, and wait a few seconds
 * for Undo before anything is sent; focus stays in the list and moves to the next pending row after every decision.
 * Opening an action shows its review beside the list (full screen on a phone); the open review and the filters are
 * Lightning page state, so the URL opens the same view again.
 *
 * Undo rather than confirm: a confirmation for every key press doubles the keystrokes of triage and teaches people
 * to press Enter without reading; an Undo window keeps one key per decision, and nothing is sent until it closes,
 * so undoing is exact (no compensating action). Bulk decisions keep their dialog, which lists what will be skipped.
 */
import { LightningElement, api, wire } from 'lwc';
import { CurrentPageReference, NavigationMixin, type PageReference } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
  decide,
  errorMessage,
  loadInbox,
  subscribeToStatusChanges,
  type Decision,
  type InboxFilters,
  type InboxRow,
  type StatusChange,
} from 'c/actionPlaneApi';
import {
  approvalProgress,
  cannotDecideMarker,
  changeLines,
  clipLines,
  formatAge,
  formatConfidence,
  formatExpiry,
  hasLiveRecord,
  operationOf,
  operationText,
  outcomeMessage,
  recordLabel,
  riskBadgeClass,
  statusBadgeClass,
  statusLabel,
  type Tone,
} from 'c/actionPlaneFormat';
import { LABELS, formatLabel, pluralLabel } from 'c/actionPlaneLabels';
import { Loader } from 'c/actionPlaneLoad';
import {
  dialogTitle,
  isDecidable,
  nextDecidableIndex,
  pageStateOf,
  sortOpenFirst,
  splitSelection,
  stateFromPage,
  summarizeResults,
  triageCommand,
  triageHelp,
  whyNotDecidable,
  type InboxState,
  type TriageCommand,
} from './inboxTriage';

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
/** The most rows the controller returns per page (ActionInboxController.getInbox: 1–200). */
const MAX_PAGE_SIZE = 200;
/** Values of a delete listed in its row; the rest are counted ("…and 8 more"). */
const DELETE_LINES = 5;
/** Live updates arriving together (a bulk decision publishes one event per action) refresh the list once. */
const LIVE_REFRESH_DELAY_MS = 300;

type Panel = { kind: 'review'; id: string; edit: boolean } | { kind: 'run'; id: string } | null;

/** A single-action decision waiting for its Undo window to close. */
interface PendingDecision {
  ids: string[];
  names: string;
  decision: Decision;
  reason: string | null;
}

interface ReviewElement extends HTMLElement {
  refresh(): Promise<void>;
  focusHeading(): void;
}

export default class ActionInbox extends NavigationMixin(LightningElement) {
  labels = LABELS;

  /** Rows per page (the server pages; 2,000 is the most one page shows). */
  @api pageSize = 50;
  /**
   * Start with only the actions the current user may decide. On unless the page turns it off; a getter, because a
   * public Boolean field must default to false (LWC1099) and this one defaults to on.
   */
  @api
  get mineOnly(): boolean {
    return this.mineOnlyValue;
  }
  set mineOnly(value: boolean | string) {
    this.mineOnlyValue = value !== false && value !== 'false';
  }
  private mineOnlyValue = true;
  /** Seconds a single-key decision waits for Undo before it is sent. */
  @api undoSeconds = 5;

  status = 'Open';
  objectName = '';
  risk = '';
  agent = '';
  mine = true;
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
  dialogDecision: Decision | null = null;
  dialogTargets: InboxRow[] = [];
  dialogSkipped: { row: InboxRow; why: string }[] = [];
  bulkReason = '';
  bulkReasonError: string | null = null;
  helpOpen = false;
  announcement = '';
  panel: Panel = null;
  pending: PendingDecision | null = null;
  liveOff = false;
  now = Date.now();
  renderLimit = RENDER_STEP;

  private readonly loader = new Loader(this);
  private pendingTimer: number | undefined;
  private liveTimer: number | undefined;
  private liveReviewIds = new Set<string>();
  private stopLive: (() => void) | null = null;
  private pageRef: PageReference | undefined;
  private connected = false;
  private onPageHide = (): void => this.flushPending();
  private onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.pending) {
      event.preventDefault();
      event.returnValue = ''; // Chrome shows its "Leave site?" warning only when returnValue is set.
    }
  };

  override connectedCallback(): void {
    this.connected = true;
    // The page state, when it came first (the wire may deliver it before this runs), already chose the filters.
    if (!this.pageRef) this.mine = this.mineOnly;
    window.addEventListener('pagehide', this.onPageHide);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    void this.load();
    void subscribeToStatusChanges(
      (change) => this.handleStatusChange(change),
      // The EMP API retries by itself; until a message arrives again, the inbox says updates may be missed.
      () => {
        this.liveOff = true;
      },
    ).then(
      (stop) => {
        if (stop === null) this.liveOff = true;
        else if (this.connected) this.stopLive = stop;
        else stop();
      },
      () => {
        this.liveOff = true;
      },
    );
  }

  override disconnectedCallback(): void {
    this.connected = false;
    // A decision waiting for Undo is the approver's decision: leaving the page sends it rather than losing it.
    this.flushPending();
    window.removeEventListener('pagehide', this.onPageHide);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    window.clearTimeout(this.liveTimer);
    this.stopLive?.();
    this.stopLive = null;
  }

  /** The page's state (filters, open review) — read on every change of the URL. */
  @wire(CurrentPageReference)
  setPageReference(pageRef: PageReference | undefined): void {
    const first = this.pageRef === undefined;
    this.pageRef = pageRef;
    if (!pageRef) return;
    const view = stateFromPage(pageRef.state, first ? this.defaults : this.view);
    const filtersChanged =
      view.status !== this.status ||
      view.objectName !== this.objectName ||
      view.risk !== this.risk ||
      view.agent !== this.agent ||
      view.mine !== this.mine ||
      view.pageNumber !== this.pageNumber;
    if (filtersChanged) {
      this.status = view.status;
      this.objectName = view.objectName;
      this.risk = view.risk;
      this.agent = view.agent;
      this.mine = view.mine;
      this.pageNumber = view.pageNumber;
      if (this.connected) void this.load();
    }
    const open = this.panel?.kind === 'review' ? this.panel.id : null;
    if (view.actionId && view.actionId !== open) this.panel = { kind: 'review', id: view.actionId, edit: false };
    else if (!view.actionId && open) this.panel = null;
  }

  private get defaults(): InboxState {
    return {
      actionId: null,
      status: 'Open',
      objectName: '',
      risk: '',
      agent: '',
      mine: this.mineOnly,
      pageNumber: 1,
    };
  }

  private get view(): InboxState {
    return {
      actionId: this.panel?.kind === 'review' ? this.panel.id : null,
      status: this.status,
      objectName: this.objectName,
      risk: this.risk,
      agent: this.agent,
      mine: this.mine,
      pageNumber: this.pageNumber,
    };
  }

  // Keeps the URL in step with what is on screen, so a reload (or a shared link) opens the same view.
  private syncUrl(): void {
    if (!this.pageRef) return;
    const state = pageStateOf(this.view, this.defaults);
    const others = Object.fromEntries(
      Object.entries(this.pageRef.state ?? {}).filter(([key]) => !(key in state)),
    ) as Record<string, string | undefined>;
    this[NavigationMixin.Navigate]({ ...this.pageRef, state: { ...others, ...state } }, true);
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
      // The controller takes 1–200 rows per page (ApprovalActionSelector.InboxFilter.choosePage).
      pageSize: Math.min(Math.max(Number(this.pageSize) || 50, 1), MAX_PAGE_SIZE),
      pageNumber: this.pageNumber,
    };
  }

  // The newest request wins (a filter changed again meanwhile); rows on screen stay there while the page reloads.
  private async load(): Promise<void> {
    const activeId = this.rows[this.activeIndex]?.id;
    const filters = this.filters;
    await this.loader.run(
      () => loadInbox(filters),
      (page) => {
        this.rows = sortOpenFirst(page.rows ?? []);
        this.total = page.total ?? this.rows.length;
        this.agents = page.agents ?? [];
        this.objects = page.objects ?? [];
        this.now = Date.now();
        const visible = new Set(this.rows.map((row) => row.id));
        this.selectedIds = this.selectedIds.filter((id) => visible.has(id));
        const keep = activeId === undefined ? -1 : this.rows.findIndex((row) => row.id === activeId);
        this.activeIndex = keep >= 0 ? keep : Math.min(this.activeIndex, Math.max(this.rows.length - 1, 0));
        this.renderLimit = Math.max(this.renderLimit, RENDER_STEP, this.activeIndex + 1);
      },
      {
        spinner: this.rows.length === 0,
        failed: () => {
          this.rows = [];
          this.total = 0;
        },
      },
    );
  }

  // ---- live updates ------------------------------------------------------------------------------------------

  private handleStatusChange(change: StatusChange): void {
    this.liveOff = false;
    if (change.actionId) this.liveReviewIds.add(change.actionId);
    window.clearTimeout(this.liveTimer);
    // Events of one bulk decision arrive together: one refresh for all of them, a moment after the last.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.liveTimer = window.setTimeout(() => {
      void this.applyLiveUpdate();
    }, LIVE_REFRESH_DELAY_MS);
  }

  private async applyLiveUpdate(): Promise<void> {
    const changed = this.liveReviewIds;
    this.liveReviewIds = new Set();
    await this.load();
    this.announce(LABELS.inboxUpdated);
    const open = this.panel?.kind === 'review' ? this.panel.id : null;
    if (open && changed.has(open)) await this.review()?.refresh();
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
    return pluralLabel(this.total, LABELS.pageOfOne, LABELS.pageOf, this.pageNumber, this.pageCount, this.total);
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
    return this.hasPanel ? 'slds-col slds-size_1-of-1 slds-large-size_7-of-12 list' : 'slds-col slds-size_1-of-1 list';
  }
  get tableClass(): string {
    return `slds-table slds-table_bordered slds-table_cell-buffer inbox-table${this.hasPanel ? ' with-panel' : ''}`;
  }
  get helpItems() {
    return triageHelp();
  }
  get dialogOpen(): boolean {
    return this.dialogDecision !== null;
  }
  get dialogTitle(): string {
    return dialogTitle(this.dialogDecision ?? 'Approve', this.dialogTargets.length);
  }
  get dialogTargetItems() {
    return this.dialogTargets.map((row) => ({
      key: row.id,
      text:
        operationOf(row) === 'Update'
          ? `${row.name} · ${recordLabel(row)}`
          : `${row.name} · ${operationText(row)} · ${recordLabel(row)}`,
    }));
  }
  get dialogSkippedItems() {
    return this.dialogSkipped.map(({ row, why }) => ({ key: row.id, text: `${row.name}: ${why}` }));
  }
  get hasDialogSkipped(): boolean {
    return this.dialogSkipped.length > 0;
  }
  get dialogHasTargets(): boolean {
    return this.dialogTargets.length > 0;
  }
  get dialogConfirmDisabled(): boolean {
    return this.busy || this.dialogTargets.length === 0;
  }
  get bulkReasonLabel(): string {
    return this.dialogDecision === 'Reject' ? LABELS.reasonRequired : LABELS.reasonOptional;
  }
  get bulkReasonClass(): string {
    return this.bulkReasonError ? 'slds-form-element slds-has-error' : 'slds-form-element';
  }
  get bulkConfirmVariant(): string {
    return this.dialogDecision === 'Reject' ? 'destructive' : 'brand';
  }
  get pendingText(): string {
    const pending = this.pending;
    if (!pending) return '';
    const seconds = Math.max(Number(this.undoSeconds) || 0, 0);
    return formatLabel(
      pending.decision === 'Reject' ? LABELS.pendingRejectIn : LABELS.pendingApproveIn,
      pending.names,
      seconds,
    );
  }
  get pendingBarStyle(): string {
    return `animation-duration: ${Math.max(Number(this.undoSeconds) || 0, 0)}s`;
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
    const waiting = new Set(this.pending?.ids ?? []);
    return this.rows.slice(0, this.renderLimit).map((row, index) => {
      const expiry = formatExpiry(row.expiresAt, this.now);
      const active = index === this.activeIndex;
      const isSelected = selected.has(row.id);
      const isWaiting = waiting.has(row.id);
      const lines = changeLines(row);
      return {
        id: row.id,
        name: row.name,
        objectName: row.objectName,
        operation: operationOf(row),
        operationText: operationText(row),
        recordLabel: recordLabel(row),
        recordId: row.recordId,
        hasRecord: hasLiveRecord(row),
        agent: row.agent ?? '',
        status: row.status,
        statusText: statusLabel(row.status),
        statusClass: statusBadgeClass(row.status),
        progress: row.status === 'PendingApproval' ? approvalProgress(row.approvals, row.requiredApprovals) : '',
        marker: cannotDecideMarker(row),
        markerTitle: row.cannotDecideReason ?? '',
        risk: row.risk ?? '',
        riskClass: riskBadgeClass(row.risk),
        confidence: formatConfidence(row.confidence),
        age: row.createdAt ? formatLabel(LABELS.ageOld, formatAge(row.createdAt, this.now)) : '',
        expiry: expiry.text,
        expiryClass: EXPIRY_TONE_CLASS[expiry.tone],
        // A delete lists every value of its record: a few here, all of them in the review and the row's title.
        changes: operationOf(row) === 'Delete' ? clipLines(lines, DELETE_LINES) : lines,
        changesInFull: lines.map((line) => line.text).join('; '),
        waiting: isWaiting,
        waitingText: isWaiting ? this.pendingText : '',
        selected: isSelected,
        selectLabel: formatLabel(LABELS.selectRow, row.name),
        active,
        tabIndex: active ? '0' : '-1',
        rowClass: `slds-hint-parent inbox-row${active ? ' slds-is-selected active-row' : ''}${isWaiting ? ' waiting' : ''}`,
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
    this.syncUrl();
    void this.load();
  }

  handlePrevious(): void {
    if (this.isFirstPage) return;
    this.pageNumber--;
    this.activeIndex = 0;
    this.syncUrl();
    void this.load();
  }

  handleNext(): void {
    if (this.isLastPage) return;
    this.pageNumber++;
    this.activeIndex = 0;
    this.syncUrl();
    void this.load();
  }

  // ---- selection -----------------------------------------------------------------------------------------------

  handleSelectRow(event: Event): void {
    const target = event.target as HTMLInputElement;
    const id = target.dataset.id ?? '';
    this.setSelected(id, target.checked);
    const index = this.rows.findIndex((row) => row.id === id);
    if (index >= 0) this.activeIndex = index;
  }

  /** A click on a checkbox is the checkbox's: the row's click handler must not redraw the row under it. */
  stopRowClick(event: Event): void {
    event.stopPropagation();
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
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, a, button, label, select, textarea')) return;
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
    if (tag === 'A' && event.key === 'Enter') return; // a link opens what it names
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const command = triageCommand(event.key);
    if (command === null) return;
    event.preventDefault();
    this.runCommand(command);
  }

  private runCommand(command: TriageCommand): void {
    if (command === 'help') {
      this.toggleHelp();
      return;
    }
    if (command === 'escape') {
      if (this.dialogOpen) this.handleBulkCancel();
      else if (this.helpOpen) this.handleHelpClose();
      else if (this.panel) this.handlePanelClose();
      return;
    }
    if (command === 'undo') {
      this.undoPending();
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
      case 'reject':
        this.decideFromKeyboard(command === 'approve' ? 'Approve' : 'Reject');
        return;
      case 'edit':
        // A delete has nothing to edit (nor has a restore): say so, and open its review to approve or reject.
        if (row && operationOf(row) === 'Delete') {
          const message = formatLabel(LABELS.nothingToEditInDelete, row.name);
          this.announce(message);
          this.toast(message, '', 'info');
          this.openReview(row.id, false);
        } else if (row) this.openReview(row.id, true);
        return;
      case 'review':
        if (row) this.openReview(row.id, false);
        return;
      case 'openRecord':
        if (row?.recordId) this.navigateToRecord(row.recordId);
        break;
      default:
        break;
    }
  }

  // a / r: the selection through the dialog; otherwise the highlighted row — the one the open review shows.
  private decideFromKeyboard(decision: Decision): void {
    if (this.hasSelection) {
      this.openDialog(decision, this.selectedIds);
      return;
    }
    const row = this.rows[this.activeIndex];
    if (!row) {
      this.toast(LABELS.nothingToDecide, '', 'info');
      return;
    }
    if (!isDecidable(row)) {
      const message = formatLabel(LABELS.cannotDecideRow, row.name, whyNotDecidable(row));
      this.announce(message);
      this.toast(message, '', 'warning');
      return;
    }
    if (decision === 'Approve') this.queueDecision([row], 'Approve', null);
    else this.openDialog('Reject', [row.id]);
  }

  private move(step: number): void {
    if (this.rows.length === 0) return;
    this.activeIndex = Math.min(Math.max(this.activeIndex + step, 0), this.rows.length - 1);
    if (this.activeIndex >= this.renderLimit) this.renderLimit += RENDER_STEP;
    const row = this.rows[this.activeIndex];
    if (!row) return;
    // The open review follows the highlighted row, so a key always acts on the action that is on screen.
    if (this.panel?.kind === 'review' && this.panel.id !== row.id) {
      this.panel = { kind: 'review', id: row.id, edit: false };
      this.syncUrl();
    }
    this.announce(
      formatLabel(
        LABELS.rowAnnouncement,
        this.activeIndex + 1,
        this.rows.length,
        `${operationText(row)} ${recordLabel(row)}`,
        changeLines(row)
          .map((line) => line.text)
          .join('; '),
        row.risk ?? '',
      ),
    );
    this.focusActiveRow();
  }

  /** Keeps the active row visible and focused, so keys keep working and screen readers follow it. */
  private focusActiveRow(): void {
    void Promise.resolve().then(() => {
      const element = this.template?.querySelector<HTMLElement>('tr.active-row');
      if (element) {
        element.focus();
        element.scrollIntoView?.({ block: 'nearest' });
      } else {
        this.template?.querySelector<HTMLElement>('.triage-list')?.focus();
      }
    });
  }

  private announce(message: string): void {
    this.announcement = message;
  }

  // ---- decisions with Undo -------------------------------------------------------------------------------------

  // One decision waits at a time: a new one sends the previous at once (it was not undone in time).
  private queueDecision(targets: InboxRow[], decision: Decision, reason: string | null): void {
    this.flushPending();
    // A create or a delete says so in the Undo bar: approving it makes or removes a whole record.
    const names = targets
      .map((row) => {
        const record = recordLabel(row);
        return operationOf(row) === 'Update'
          ? `${row.name} (${record})`
          : `${row.name} (${operationText(row)}: ${record})`;
      })
      .join(', ');
    this.pending = { ids: targets.map((row) => row.id), names, decision, reason };
    const waiting = new Set(this.pending.ids);
    const from = this.rows.findIndex((row) => row.id === targets[0]?.id);
    const next = nextDecidableIndex(this.rows, from >= 0 ? from : this.activeIndex, waiting);
    if (next >= 0) this.activeIndex = next;
    this.followActiveRow();
    this.announce(this.pendingText);
    const seconds = Math.max(Number(this.undoSeconds) || 0, 0);
    window.clearTimeout(this.pendingTimer);
    // The Undo window: the decision is sent when it closes, unless the approver undoes it first.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    this.pendingTimer = window.setTimeout(() => this.flushPending(), seconds * 1000);
    this.focusActiveRow();
  }

  // After a decision the open review moves with the highlighted row, as j/k move it.
  private followActiveRow(): void {
    const row = this.rows[this.activeIndex];
    if (this.panel?.kind === 'review' && row && this.panel.id !== row.id) {
      this.panel = { kind: 'review', id: row.id, edit: false };
      this.syncUrl();
    }
  }

  /** Sends the decision waiting for Undo now (the Undo window closed, or the approver moved on). */
  private flushPending(): void {
    window.clearTimeout(this.pendingTimer);
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    void this.send(pending.ids, pending.decision, pending.reason);
  }

  handleSendNow(): void {
    this.flushPending();
    this.focusActiveRow();
  }

  handleUndo(): void {
    this.undoPending();
  }

  private undoPending(): void {
    const pending = this.pending;
    if (!pending) return;
    window.clearTimeout(this.pendingTimer);
    this.pending = null;
    const index = this.rows.findIndex((row) => row.id === pending.ids[0]);
    if (index >= 0) this.activeIndex = index;
    this.followActiveRow();
    const message = formatLabel(LABELS.undone, pending.names);
    this.announce(message);
    this.toast(message, '', 'info');
    this.focusActiveRow();
  }

  private async send(ids: string[], decision: Decision, reason: string | null): Promise<void> {
    this.busy = true;
    try {
      const response = await decide(ids, decision, reason);
      if (ids.length === 1 && response.outcomes[0]) {
        const words = outcomeMessage(response.outcomes[0], decision);
        this.toast(words.title, words.message, words.tone);
        this.announce([words.title, words.message].filter((part) => part !== '').join('. '));
      } else {
        const summary = summarizeResults(response.results, decision, response.outcomes);
        this.toast(summary.title, summary.message === summary.title ? '' : summary.message, summary.tone);
        this.announce(summary.message);
      }
      const done = new Set(response.results.filter((result) => result.ok).map((result) => result.actionId));
      this.selectedIds = this.selectedIds.filter((id) => !done.has(id));
      this.dispatchEvent(
        new CustomEvent('decided', { detail: { actionIds: ids, decision, results: response.results } }),
      );
      await this.load();
      // Whatever happened (decided, or refused because someone else was first), the open review shows it now.
      const open = this.panel?.kind === 'review' ? this.panel.id : null;
      if (open && ids.includes(open)) await this.review()?.refresh();
    } catch (error) {
      const message = errorMessage(error);
      this.toast(LABELS.toastDecisionFailed, message, 'error');
      this.announce(message);
      await this.load();
    } finally {
      this.busy = false;
      this.focusActiveRow();
    }
  }

  // ---- the decision dialog (selection, or a reason for one action) -------------------------------------------

  handleBulkApprove(): void {
    this.openDialog('Approve', this.selectedIds);
  }

  handleBulkReject(): void {
    this.openDialog('Reject', this.selectedIds);
  }

  private openDialog(decision: Decision, ids: string[]): void {
    const { targets, skipped } = splitSelection(this.rows, ids);
    this.dialogDecision = decision;
    this.dialogTargets = targets;
    this.dialogSkipped = skipped;
    this.bulkReason = '';
    this.bulkReasonError = null;
    // A textarea takes no value attribute (LWC1057), so the reason box is written here, not bound in the template:
    // a dialog opened again while open (r, then a) starts empty like a new one.
    void Promise.resolve().then(() => {
      const box = this.template?.querySelector<HTMLTextAreaElement>('textarea.bulk-reason');
      if (box) {
        box.value = this.bulkReason;
        box.focus();
      } else this.template?.querySelector<HTMLElement>('.bulk-cancel')?.focus();
    });
  }

  handleBulkReasonInput(event: Event): void {
    this.bulkReason = (event.target as HTMLTextAreaElement).value;
    if (this.bulkReason.trim() !== '') this.bulkReasonError = null;
  }

  handleBulkCancel(): void {
    this.dialogDecision = null;
    this.dialogTargets = [];
    this.dialogSkipped = [];
    this.bulkReasonError = null;
    this.focusActiveRow();
  }

  handleDialogKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.handleBulkCancel();
    }
  }

  async handleBulkConfirm(): Promise<void> {
    const decision = this.dialogDecision;
    if (decision === null || this.dialogTargets.length === 0) return;
    if (decision === 'Reject' && this.bulkReason.trim() === '') {
      this.bulkReasonError = LABELS.rejectNeedsReason;
      this.template?.querySelector<HTMLTextAreaElement>('textarea.bulk-reason')?.focus();
      return;
    }
    const targets = this.dialogTargets;
    const reason = this.bulkReason.trim() === '' ? null : this.bulkReason;
    this.dialogDecision = null;
    this.dialogTargets = [];
    this.dialogSkipped = [];
    // One action waits for Undo like a key press; several were confirmed in the dialog that listed them.
    if (targets.length === 1) this.queueDecision(targets, decision, reason);
    else
      await this.send(
        targets.map((row) => row.id),
        decision,
        reason,
      );
  }

  // ---- panel and navigation ------------------------------------------------------------------------------------

  private openReview(id: string, edit: boolean): void {
    const open = new CustomEvent('openreview', { detail: { actionId: id, edit }, cancelable: true });
    this.dispatchEvent(open);
    if (open.defaultPrevented) return; // the host shows the review itself
    this.panel = { kind: 'review', id, edit };
    this.syncUrl();
    const row = this.rows.find((candidate) => candidate.id === id);
    this.announce(formatLabel(LABELS.reviewOpened, row?.name ?? id));
    // On a phone the review covers the list: take the reader to its heading.
    void Promise.resolve().then(() => this.review()?.focusHeading());
  }

  handlePanelClose(): void {
    this.panel = null;
    this.syncUrl();
    this.focusActiveRow();
  }

  handleOpenRun(event: CustomEvent<{ runId: string }>): void {
    event.preventDefault();
    event.stopPropagation();
    this.panel = { kind: 'run', id: event.detail.runId };
    this.syncUrl();
  }

  /** A timeline's action or a review's link asks to show another action: show it here. */
  handlePanelOpenReview(event: CustomEvent<{ actionId: string; edit?: boolean }>): void {
    event.preventDefault();
    event.stopPropagation();
    const index = this.rows.findIndex((row) => row.id === event.detail.actionId);
    if (index >= 0) this.activeIndex = index;
    this.openReview(event.detail.actionId, event.detail.edit === true);
  }

  /** A re-plan from the review: the list gains the new action, and the panel shows it. */
  async handleReplanned(event: CustomEvent<{ actionId: string; newActionId: string }>): Promise<void> {
    event.preventDefault();
    event.stopPropagation();
    await this.load();
    const index = this.rows.findIndex((row) => row.id === event.detail.newActionId);
    if (index >= 0) this.activeIndex = index;
    this.panel = { kind: 'review', id: event.detail.newActionId, edit: false };
    this.syncUrl();
  }

  /** A decision made in the review: the list updates, and focus moves on to the next pending row. */
  async handleReviewDecided(event: CustomEvent<{ actionId: string; status?: string; ok?: boolean }>): Promise<void> {
    const decidedId = event.detail.actionId;
    const from = this.rows.findIndex((row) => row.id === decidedId);
    await this.load();
    const stillHere = this.rows.findIndex((row) => row.id === decidedId);
    const next = nextDecidableIndex(this.rows, stillHere >= 0 ? stillHere : Math.max(from - 1, -1));
    const needsAttention = event.detail.ok !== true || ['Conflict', 'Failed'].includes(event.detail.status ?? '');
    if (next >= 0) {
      this.activeIndex = next;
      // A decision that went wrong (a Conflict, a refused write, a lost race) stays on screen to be read.
      if (!needsAttention) this.followActiveRow();
    }
    this.focusActiveRow();
  }

  handleHelpToggle(): void {
    this.toggleHelp();
  }

  private toggleHelp(): void {
    this.helpOpen = !this.helpOpen;
    this.announce(this.helpOpen ? LABELS.helpOpened : LABELS.helpClosed);
    if (this.helpOpen) void Promise.resolve().then(() => this.template?.querySelector<HTMLElement>('.help')?.focus());
    else this.focusActiveRow();
  }

  handleHelpClose(): void {
    this.helpOpen = false;
    this.announce(LABELS.helpClosed);
    this.focusActiveRow();
  }

  handleHelpKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' || event.key === '?') {
      event.preventDefault();
      event.stopPropagation();
      this.handleHelpClose();
    }
  }

  private review(): ReviewElement | null {
    return this.template?.querySelector<ReviewElement>('c-action-review') ?? null;
  }

  private navigateToRecord(recordId: string): void {
    if (!recordId) return;
    this[NavigationMixin.Navigate]({ type: 'standard__recordPage', attributes: { recordId, actionName: 'view' } });
  }

  private toast(title: string, message: string, variant: Tone): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}
