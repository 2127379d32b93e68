/**
 * recordAgentActions — on any record page: the agent actions proposed for this record, newest first, with status,
 * approval progress, agent and what they change (formatted as the review formats it, lookups by name); one can be
 * reviewed (and decided) in place.
 */
import { LightningElement, api } from 'lwc';
import { loadActionsForRecord, type InboxRow } from 'c/actionPlaneApi';
import {
  approvalProgress,
  changeLines,
  clipLines,
  formatAge,
  formatConfidence,
  operationOf,
  operationText,
  riskBadgeClass,
  statusBadgeClass,
  statusLabel,
} from 'c/actionPlaneFormat';
import { LABELS, formatLabel } from 'c/actionPlaneLabels';
import { Loader } from 'c/actionPlaneLoad';

export default class RecordAgentActions extends LightningElement {
  labels = LABELS;
  rows: InboxRow[] = [];
  loading = false;
  loadError: string | null = null;
  openId: string | null = null;
  now = Date.now();

  private requestedId: string | undefined;
  private connected = false;
  private readonly loader = new Loader(this);

  /** The record whose agent actions to list (set by the record page, or by any host). */
  @api
  get recordId(): string | undefined {
    return this.requestedId;
  }
  set recordId(value: string | undefined) {
    const changed = value !== this.requestedId;
    this.requestedId = value;
    if (this.connected && changed) void this.load();
  }

  override connectedCallback(): void {
    this.connected = true;
    void this.load();
  }

  override disconnectedCallback(): void {
    this.connected = false;
  }

  /** Reload the list. */
  @api
  async refresh(): Promise<void> {
    await this.load();
  }

  private async load(): Promise<void> {
    const id = this.requestedId;
    if (!id) return;
    await this.loader.run(
      () => loadActionsForRecord(id),
      (rows) => {
        this.rows = rows;
        this.now = Date.now();
      },
    );
  }

  get heading(): string {
    return formatLabel(LABELS.recordActionsTitle, this.rows.length);
  }
  get isEmpty(): boolean {
    return !this.loading && !this.loadError && this.rows.length === 0;
  }
  get hasRows(): boolean {
    return !this.loadError && this.rows.length > 0;
  }
  get items() {
    return this.rows.map((row) => {
      const open = row.id === this.openId;
      const lines = changeLines(row);
      return {
        id: row.id,
        name: row.name,
        status: row.status,
        statusText: statusLabel(row.status),
        statusClass: statusBadgeClass(row.status),
        operation: operationOf(row),
        operationText: operationText(row),
        progress: row.status === 'PendingApproval' ? approvalProgress(row.approvals, row.requiredApprovals) : '',
        risk: row.risk ?? '',
        riskClass: riskBadgeClass(row.risk),
        agent: row.agent ?? '',
        confidence: formatConfidence(row.confidence),
        age: formatAge(row.createdAt, this.now),
        changes: operationOf(row) === 'Delete' ? clipLines(lines, 5) : lines,
        open,
        toggleLabel: open ? LABELS.hideReview : LABELS.review,
        ariaExpanded: open ? 'true' : 'false',
      };
    });
  }

  handleToggle(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.id ?? null;
    this.openId = this.openId === id ? null : id;
  }

  async handleDecided(): Promise<void> {
    await this.load();
  }
}
