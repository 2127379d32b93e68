/**
 * The demo org: users, approver groups and records. Deterministic — the same ids and values on every start and
 * after every reset — so demos, docs and tests can name records. Record dates are relative to a FIXED demo date
 * (DEMO_TODAY), not the machine's clock, so a run of the browser suite today and next year sees the same data.
 */
import { OPPORTUNITY_STAGES } from './ObjectDescribe';
import { makeId } from './SalesforceId';

export const DEMO_TODAY = '2026-12-01';
const CREATED_AT = '2026-09-01T09:00:00.000Z';

export type Permission = 'Agent' | 'Approver' | 'Admin';

export interface DemoUser {
  id: string;
  username: string;
  name: string;
  /** Agent: may submit proposals; Approver: may decide and use the inbox; Admin: may decide any action. */
  permissions: Permission[];
}

export interface DemoGroup {
  id: string;
  developerName: string;
  label: string;
  memberIds: string[];
}

export type FieldValue = string | number | boolean | null;
export type DemoRecord = Record<string, FieldValue> & { Id: string };

export const AGENT_USERNAME = 'agent@actionplane.demo';

export function demoUsers(): DemoUser[] {
  return [
    { id: makeId('005', 1), username: AGENT_USERNAME, name: 'Pipeline Agent', permissions: ['Agent'] },
    { id: makeId('005', 2), username: 'maria.lopez@actionplane.demo', name: 'Maria Lopez', permissions: ['Approver'] },
    { id: makeId('005', 3), username: 'sam.okafor@actionplane.demo', name: 'Sam Okafor', permissions: ['Approver'] },
    {
      id: makeId('005', 4),
      username: 'ada.admin@actionplane.demo',
      name: 'Ada Admin',
      permissions: ['Agent', 'Approver', 'Admin'],
    },
    { id: makeId('005', 5), username: 'viewer@actionplane.demo', name: 'Vic Viewer', permissions: [] },
  ];
}

export function demoGroups(): DemoGroup[] {
  return [
    {
      id: makeId('00G', 1),
      developerName: 'Sales_Managers',
      label: 'Sales Managers',
      memberIds: [makeId('005', 2), makeId('005', 3)],
    },
    {
      id: makeId('00G', 2),
      developerName: 'ActionPlane_Approvers',
      label: 'ActionPlane Approvers',
      memberIds: [makeId('005', 4)],
    },
    { id: makeId('00G', 3), developerName: 'Support_Leads', label: 'Support Leads', memberIds: [makeId('005', 3)] },
  ];
}

/** `addDays('2026-12-01', 14)` → `'2026-12-15'` (UTC calendar arithmetic). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const ACCOUNTS: [string, string, string, number, number][] = [
  ['Acme Corp', 'Manufacturing', 'Customer - Direct', 120_000_000, 5200],
  ['Globex Industries', 'Energy', 'Customer - Direct', 86_000_000, 3100],
  ['Initech', 'Technology', 'Customer - Channel', 24_000_000, 640],
  ['Umbrella Health', 'Healthcare', 'Prospect', 310_000_000, 12800],
  ['Stark Logistics', 'Manufacturing', 'Customer - Direct', 58_000_000, 2100],
  ['Wayne Financial', 'Finance', 'Customer - Direct', 940_000_000, 18500],
  ['Hooli Retail', 'Retail', 'Prospect', 42_000_000, 1900],
  ['Cyberdyne Systems', 'Technology', 'Partner', 15_500_000, 420],
  ['Northwind Traders', 'Retail', 'Customer - Channel', 9_800_000, 260],
  ['Bluebird University', 'Education', 'Prospect', 64_000_000, 4300],
];

const DEALS = [
  'Platform Renewal',
  'Analytics Expansion',
  'Service Cloud Upgrade',
  'Field Service Pilot',
  'Data Migration Project',
  'Premier Support Add-on',
  'Commerce Rollout',
  'Security Review Services',
];

const TYPES = ['Renewal', 'Existing Customer - Upgrade', 'New Customer', 'Existing Customer - Replacement'];
const SOURCES = ['Web', 'Partner Referral', 'Phone Inquiry', 'Other'];
const NEXT_STEPS = [
  'Send revised quote',
  'Schedule executive briefing',
  'Confirm budget with finance',
  'Security questionnaire due',
  'Legal review of MSA',
  null,
];
const OPEN_PROBABILITY: Record<string, number> = {
  Prospecting: 10,
  Qualification: 20,
  'Needs Analysis': 25,
  'Value Proposition': 40,
  'Id. Decision Makers': 50,
  'Perception Analysis': 60,
  'Proposal/Price Quote': 70,
  'Negotiation/Review': 85,
  'Closed Won': 100,
  'Closed Lost': 0,
};

export function demoAccounts(ownerId: string): DemoRecord[] {
  return ACCOUNTS.map(([name, industry, type, revenue, employees], i) => ({
    Id: makeId('001', i + 1),
    Name: name,
    Industry: industry,
    Type: type,
    Rating: ['Hot', 'Warm', 'Cold'][i % 3] ?? null,
    AnnualRevenue: revenue,
    NumberOfEmployees: employees,
    Phone: `+1 415 555 01${String(i + 10)}`,
    Website: `https://www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
    Description: null,
    OwnerId: ownerId,
    CreatedDate: CREATED_AT,
    LastModifiedDate: CREATED_AT,
  }));
}

export function demoOpportunities(accounts: DemoRecord[], ownerId: string): DemoRecord[] {
  const openStages = OPPORTUNITY_STAGES.filter((s) => !s.startsWith('Closed'));
  const rows: DemoRecord[] = [];
  for (let i = 0; i < 32; i++) {
    const account = accounts[i % accounts.length] as DemoRecord;
    const deal = DEALS[(i * 3) % DEALS.length] as string;
    // Two closed deals keep "Closed Won/Lost" visible in the demo; the rest are open pipeline.
    const stage = i === 30 ? 'Closed Won' : i === 31 ? 'Closed Lost' : (openStages[i % openStages.length] as string);
    const amount = 15_000 + ((i * 7919) % 40) * 5_000;
    const probability = OPEN_PROBABILITY[stage] ?? 10;
    rows.push({
      Id: makeId('006', i + 1),
      Name: `${String(account.Name)} — ${deal}`,
      StageName: stage,
      CloseDate: addDays(DEMO_TODAY, 7 + ((i * 11) % 90)),
      Amount: amount,
      NextStep: NEXT_STEPS[i % NEXT_STEPS.length] ?? null,
      Probability: probability,
      Description: `${deal} for ${String(account.Name)}.`,
      Type: TYPES[i % TYPES.length] ?? null,
      LeadSource: SOURCES[i % SOURCES.length] ?? null,
      AccountId: account.Id,
      IsWon: stage === 'Closed Won',
      ExpectedRevenue: Math.round((amount * probability) / 100),
      OwnerId: ownerId,
      CreatedDate: CREATED_AT,
      LastModifiedDate: CREATED_AT,
    });
  }
  return rows;
}

export function demoCases(accounts: DemoRecord[], ownerId: string): DemoRecord[] {
  const subjects = [
    'Cannot log in after SSO change',
    'Invoice shows wrong currency',
    'Sync job failing nightly',
    'Request for API rate limit increase',
    'Dashboard loads slowly',
  ];
  return subjects.map((subject, i) => ({
    Id: makeId('500', i + 1),
    CaseNumber: String(1001 + i).padStart(8, '0'),
    Subject: subject,
    Status: ['New', 'Working', 'Escalated', 'New', 'Working'][i] ?? 'New',
    Priority: ['High', 'Medium', 'Low'][i % 3] ?? 'Medium',
    Origin: ['Email', 'Web', 'Phone'][i % 3] ?? 'Web',
    Description: null,
    AccountId: (accounts[i] as DemoRecord).Id,
    IsClosed: false,
    OwnerId: ownerId,
    CreatedDate: CREATED_AT,
    LastModifiedDate: CREATED_AT,
  }));
}

/** Every demo record by object API name. */
export function demoRecords(ownerId: string): Record<string, DemoRecord[]> {
  const accounts = demoAccounts(ownerId);
  return {
    Opportunity: demoOpportunities(accounts, ownerId),
    Account: accounts,
    Case: demoCases(accounts, ownerId),
  };
}
