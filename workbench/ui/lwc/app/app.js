// The workbench shell (workbench only, never deployed): a header that says this is not the production path, a
// user switcher, the acting user's custom notifications (sent by the package's Apex), tabs for the Approval Inbox,
// Runs and a Record page hosting the REAL ActionPlane components, a "Submit sample proposal" panel that calls intake
// REST v1 like an agent would, and visible toasts.
import { LightningElement } from 'lwc';
import { runStatusLabel } from 'c/actionPlaneFormat';
import { currentUser, setCurrentUser } from '../../shims/apex.js';

const REST = '/services/apexrest/actionplane/v1';
const TABS = [
  { id: 'inbox', label: 'Approval Inbox' },
  { id: 'runs', label: 'Runs' },
  { id: 'record', label: 'Record page' },
];

/** Sample proposals; each builds its changes from the record's current values. */
const SAMPLES = [
  {
    id: 'amount',
    label: 'Raise Amount 35% (2 approvals)',
    confidence: 0.9,
    rationale: 'Customer confirmed 35% more seats on the renewal call.',
    changes: (r) => ({ Amount: Math.round(Number(r.Amount) * 1.35) }),
  },
  {
    id: 'stage',
    label: 'Move Stage to Closed Won',
    confidence: 0.85,
    rationale: 'Signed order form received by email.',
    changes: () => ({ StageName: 'Closed Won' }),
  },
  {
    id: 'nextstep',
    label: 'Update Next Step (runs automatically)',
    confidence: 0.92,
    rationale: 'Meeting notes name the next step.',
    changes: () => ({ NextStep: 'Send signed order form to finance' }),
  },
  {
    id: 'closedate',
    label: 'Push Close Date 30 days (approval)',
    confidence: 0.95,
    rationale: 'Procurement review moved to next month.',
    changes: (r) => ({ CloseDate: addDays(String(r.CloseDate), 30) }),
  },
  {
    id: 'description',
    label: 'Rewrite Description (blocked by policy)',
    confidence: 0.99,
    rationale: 'Summarised the last three calls.',
    changes: () => ({ Description: 'Rewritten by the agent.' }),
  },
  {
    id: 'create',
    label: 'Create a follow-on Opportunity for its account (approval)',
    operation: 'create',
    confidence: 0.88,
    rationale: 'The customer asked for a quote for a second region on the last call.',
    changes: (r) => ({
      Name: `${r.Name} — Follow-on`,
      StageName: 'Prospecting',
      CloseDate: addDays(String(r.CloseDate), 90),
      Amount: Math.round(Number(r.Amount) * 0.5),
      ...(r.AccountId ? { AccountId: r.AccountId } : {}),
    }),
  },
  {
    // The demo agent may not delete Maria's deals: intake refuses it, field-precisely, and writes nothing.
    id: 'delete',
    label: 'Delete this Opportunity (refused: the agent may not delete it)',
    operation: 'delete',
    confidence: 0.8,
    rationale: 'Looks like a duplicate of another deal of the same account.',
  },
];

function addDays(isoDate, days) {
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

let toastSeq = 0;
let submitSeq = 0;

export default class App extends LightningElement {
  tab = 'inbox';
  users = [];
  user = currentUser();
  opportunities = [];
  selectedOpportunityId = '';
  sampleId = 'amount';
  submitting = false;
  lastSubmit = '';
  runs = [];
  selectedRunId = '';
  recordId = '';
  record = null;
  toasts = [];
  notifications = [];

  connectedCallback() {
    this.onToast = (event) => this.showToast(event.detail ?? {});
    this.onNavigate = (event) => this.navigate(event.detail ?? {});
    document.addEventListener('lightning__showtoast', this.onToast);
    window.addEventListener('wb-navigate', this.onNavigate);
    // The tab follows the address (#/inbox, #/runs, #/record), so links and the back button work.
    this.onHashChange = () => {
      this.tabFromHash();
      if (this.tab === 'runs') void this.loadRuns();
    };
    window.addEventListener('hashchange', this.onHashChange);
    this.tabFromHash();
    void this.loadUsers();
    void this.loadOpportunities();
    void this.loadRuns();
    void this.loadNotifications();
    // A status move is a platform event; a routed approval may also have sent a custom notification.
    if (typeof window.EventSource === 'function') {
      this.events = new window.EventSource('/workbench/api/events');
      this.events.addEventListener('ActionStatusChanged__e', () => void this.loadNotifications());
    }
  }

  disconnectedCallback() {
    this.events?.close();
    document.removeEventListener('lightning__showtoast', this.onToast);
    window.removeEventListener('wb-navigate', this.onNavigate);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  tabFromHash() {
    const hash = window.location.hash.replace(/^#\/?/, '');
    if (hash.startsWith('runs')) this.tab = 'runs';
    else if (hash.startsWith('record')) this.tab = 'record';
    else if (hash.startsWith('inbox')) this.tab = 'inbox';
  }

  // ---- data --------------------------------------------------------------------------------------------------

  async getJson(url, init) {
    const response = await fetch(url, init);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const message = body.message || (body.errors ?? []).map((e) => `${e.path ?? ''} ${e.message}`).join('; ');
      throw new Error(message || `HTTP ${response.status}`);
    }
    return body;
  }

  async loadUsers() {
    const body = await this.getJson('/workbench/api/users');
    this.users = body.users;
  }

  async loadOpportunities() {
    const body = await this.getJson('/workbench/api/records/Opportunity');
    this.opportunities = body.records;
    if (!this.selectedOpportunityId && this.opportunities.length > 0)
      this.selectedOpportunityId = this.opportunities[0].Id;
    if (!this.recordId && this.opportunities.length > 0) this.recordId = this.opportunities[0].Id;
    this.record = this.opportunities.find((o) => o.Id === this.recordId) ?? null;
  }

  async loadNotifications() {
    const body = await this.getJson(`/workbench/api/notifications?user=${encodeURIComponent(this.user)}`);
    this.notifications = body.notifications;
  }

  async loadRuns() {
    const body = await this.getJson('/workbench/api/runs');
    this.runs = body.runs;
    if (!this.selectedRunId && this.runs.length > 0) this.selectedRunId = this.runs[0].id;
  }

  // ---- getters for the template ------------------------------------------------------------------------------

  get tabs() {
    return TABS.map((t) => ({
      ...t,
      selected: t.id === this.tab ? 'true' : 'false',
      itemClass: `slds-tabs_default__item${t.id === this.tab ? ' slds-is-active' : ''}`,
    }));
  }
  get isInbox() {
    return this.tab === 'inbox';
  }
  get isRuns() {
    return this.tab === 'runs';
  }
  get isRecord() {
    return this.tab === 'record';
  }
  get userOptions() {
    return this.users.map((u) => ({
      username: u.username,
      label: `${u.name} (${u.username})${u.permissions.length ? ` — ${u.permissions.join(', ')}` : ' — view only'}`,
      selected: u.username === this.user,
    }));
  }
  get agentName() {
    return 'agent@actionplane.demo';
  }
  get sampleOptions() {
    return SAMPLES.map((s) => ({ id: s.id, label: s.label, selected: s.id === this.sampleId }));
  }
  get opportunityOptions() {
    return this.opportunities.map((o) => ({ id: o.Id, label: o.Name, selected: o.Id === this.selectedOpportunityId }));
  }
  get recordOptions() {
    return this.opportunities.map((o) => ({ id: o.Id, label: o.Name, selected: o.Id === this.recordId }));
  }
  get selectedRecordId() {
    return this.recordId;
  }
  get recordFields() {
    if (!this.record) return [];
    return Object.entries(this.record).map(([name, value]) => ({
      name,
      key: `${name}-value`,
      value:
        value === null || value === ''
          ? '—'
          : typeof value === 'number'
            ? value.toLocaleString('en-US')
            : String(value),
    }));
  }
  get runItems() {
    return this.runs.map((r) => ({
      id: r.id,
      label: `${r.name} · ${r.agent}`,
      detail: `${runStatusLabel(r.status)} · ${r.actionCount === 1 ? '1 action' : `${r.actionCount} actions`}`,
      buttonClass: `slds-button wb-run-button${r.id === this.selectedRunId ? ' slds-text-title_bold' : ''}`,
    }));
  }
  get noRuns() {
    return this.runs.length === 0;
  }
  get hasNotifications() {
    return this.notifications.length > 0;
  }
  get notificationsLabel() {
    return `Notifications (${this.notifications.length})`;
  }
  get notificationItems() {
    return this.notifications.map((n, i) => ({
      key: `${n.sentAt}-${i}`,
      title: n.title,
      body: n.body,
      sentAt: new Date(n.sentAt).toLocaleString('en-US', { timeZone: 'UTC' }) + ' UTC',
    }));
  }

  // ---- handlers ----------------------------------------------------------------------------------------------

  handleTab(event) {
    this.tab = event.currentTarget.dataset.tab;
    window.location.hash = `#/${this.tab}`;
    if (this.tab === 'runs') void this.loadRuns();
    if (this.tab === 'record') void this.loadOpportunities();
  }

  handleUserChange(event) {
    this.user = event.target.value;
    setCurrentUser(this.user);
    // A different user is a different session: reload so every component re-reads what this user may do.
    window.location.reload();
  }

  async handleReset() {
    await this.getJson('/workbench/api/reset', { method: 'POST' });
    this.selectedRunId = '';
    this.lastSubmit = '';
    await Promise.all([this.loadOpportunities(), this.loadRuns(), this.loadNotifications()]);
    this.refreshComponents();
    this.showToast({
      title: 'Demo data reset',
      message: 'The demo org is set up again: users, records and the seeded proposals',
      variant: 'success',
    });
  }

  handleSampleChange(event) {
    this.sampleId = event.target.value;
  }

  handleOppChange(event) {
    this.selectedOpportunityId = event.target.value;
  }

  handleRecordChange(event) {
    this.recordId = event.target.value;
    this.record = this.opportunities.find((o) => o.Id === this.recordId) ?? null;
  }

  handlePickRun(event) {
    this.selectedRunId = event.currentTarget.dataset.run;
  }

  /** An action named on the Runs or Record tab: its review in the Approval Inbox (the inbox's own address). */
  handleOpenReview(event) {
    event.preventDefault();
    event.stopPropagation();
    const id = event.detail?.actionId;
    if (!id) return;
    this.tab = 'inbox';
    window.location.hash = `#/inbox?c__action=${encodeURIComponent(id)}`;
  }

  handleOpenRun(event) {
    event.preventDefault();
    this.selectedRunId = event.detail.runId;
    this.tab = 'runs';
    void this.loadRuns();
  }

  async handleSubmit() {
    await this.loadOpportunities();
    const sample = SAMPLES.find((s) => s.id === this.sampleId) ?? SAMPLES[0];
    const record = this.opportunities.find((o) => o.Id === this.selectedOpportunityId);
    if (!record) return;
    this.submitting = true;
    submitSeq += 1;
    const payload = {
      run: { agent: 'pipeline-agent', source: 'Workbench', goal: 'Keep the pipeline current from call notes' },
      actions: [
        {
          idempotencyKey: `workbench-${Date.now()}-${submitSeq}`,
          object: 'Opportunity',
          operation: sample.operation ?? 'update',
          // A create names no record (its changes say which account); a delete changes no fields.
          ...(sample.operation === 'create' ? {} : { recordId: record.Id }),
          ...(sample.operation === 'delete' ? {} : { changes: sample.changes(record) }),
          confidence: sample.confidence,
          rationale: sample.rationale,
        },
      ],
    };
    try {
      const body = await this.getJson(`${REST}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-actionplane-user': 'agent@actionplane.demo' },
        body: JSON.stringify(payload),
      });
      const action = body.actions[0];
      const what =
        sample.operation === 'create'
          ? `Create ${payload.actions[0].changes.Name}`
          : sample.operation === 'delete'
            ? `Delete ${record.Name}`
            : record.Name;
      this.lastSubmit = `${what}: ${action.status} (${action.effect}, risk ${action.risk}). ${action.reasons[0] ?? ''}`;
      this.showToast({
        title: `Proposal ${action.status}`,
        message: this.lastSubmit,
        variant: action.status === 'Blocked' ? 'warning' : 'success',
      });
      await Promise.all([this.loadOpportunities(), this.loadRuns()]);
      this.refreshComponents();
    } catch (error) {
      this.showToast({ title: 'Submit failed', message: error.message, variant: 'error' });
    } finally {
      this.submitting = false;
    }
  }

  // ---- shell services ----------------------------------------------------------------------------------------

  refreshComponents() {
    for (const selector of ['c-action-inbox', 'c-run-timeline', 'c-record-agent-actions']) {
      const el = this.template.querySelector(selector);
      if (el && typeof el.refresh === 'function') void el.refresh();
    }
  }

  navigate(pageReference) {
    const id = pageReference?.attributes?.recordId ?? '';
    if (this.runs.some((r) => r.id === id)) {
      this.selectedRunId = id;
      this.tab = 'runs';
      return;
    }
    if (this.opportunities.some((o) => o.Id === id)) {
      this.recordId = id;
      this.record = this.opportunities.find((o) => o.Id === id) ?? null;
      this.tab = 'record';
      return;
    }
    this.showToast({ title: 'Not in the workbench', message: `No page for ${id} here`, variant: 'info' });
  }

  showToast({ title, message, variant }) {
    const id = ++toastSeq;
    const kind = ['success', 'error', 'warning', 'info'].includes(variant) ? variant : 'info';
    this.toasts = [
      ...this.toasts,
      {
        id,
        title: title ?? '',
        message: message ?? '',
        className: `slds-notify slds-notify_toast slds-theme_${kind} wb-toast`,
      },
    ];
    setTimeout(
      () => {
        this.toasts = this.toasts.filter((t) => t.id !== id);
      },
      kind === 'error' ? 8000 : 4000,
    );
  }
}
