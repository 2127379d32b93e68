/**
 * The demo org's data, as a person would type it into a scratch org after `npm run org:setup`: the demo users
 * (which shipped permission set each holds, which approver group each is in), the Accounts, Opportunities and Cases,
 * and the proposals two agents send on the first start so the inbox is not empty. Data only: the workbench inserts
 * it through DML and submits the proposals through REST v1, so every value below goes through the package's Apex.
 * Record dates are relative to a FIXED demo date (DEMO_TODAY), so a run today and next year sees the same records.
 */

export const DEMO_TODAY = '2026-12-01';

export const AGENT_USERNAME = 'agent@actionplane.demo';
export const MARIA_USERNAME = 'maria.lopez@actionplane.demo';
export const SAM_USERNAME = 'sam.okafor@actionplane.demo';
export const ADA_USERNAME = 'ada.admin@actionplane.demo';
export const VIEWER_USERNAME = 'viewer@actionplane.demo';

export interface DemoUser {
  firstName: string;
  lastName: string;
  username: string;
  /** A standard profile of the emulated org. */
  profile: 'Standard User' | 'System Administrator';
  /** Shipped permission sets (force-app/main/intake/permissionsets). */
  permissionSets: string[];
  /** Public groups (demo-app/main/default/groups) the user is a member of. */
  groups: string[];
}

/** In insertion order: the order fixes the ids (the first demo user is 0055g0000000003AAA after the org's own two). */
export const DEMO_USERS: DemoUser[] = [
  {
    firstName: 'Pipeline',
    lastName: 'Agent',
    username: AGENT_USERNAME,
    profile: 'Standard User',
    permissionSets: ['ActionPlane_Agent'],
    groups: [],
  },
  {
    firstName: 'Maria',
    lastName: 'Lopez',
    username: MARIA_USERNAME,
    profile: 'Standard User',
    permissionSets: ['ActionPlane_Approver'],
    groups: ['Sales_Managers'],
  },
  {
    firstName: 'Sam',
    lastName: 'Okafor',
    username: SAM_USERNAME,
    profile: 'Standard User',
    permissionSets: ['ActionPlane_Approver'],
    groups: ['Sales_Managers', 'Support_Leads'],
  },
  {
    firstName: 'Ada',
    lastName: 'Admin',
    username: ADA_USERNAME,
    profile: 'System Administrator',
    permissionSets: ['ActionPlane_Admin'],
    groups: ['ActionPlane_Approvers'],
  },
  {
    firstName: 'Vic',
    lastName: 'Viewer',
    username: VIEWER_USERNAME,
    profile: 'Standard User',
    permissionSets: [],
    groups: [],
  },
];

/** Who owns the demo records (a sales manager, as in a real pipeline). */
export const RECORD_OWNER = MARIA_USERNAME;

/**
 * Opportunity's organization-wide default is Public Read Only, so the owner shares the demo deals (manual sharing,
 * Edit) with the agent, which applies what runs automatically as itself, and with the sales managers, who apply
 * what they approve as themselves. Accounts (Public Read/Write) and Cases (Public Read/Write/Transfer) need nothing.
 */
export const OPPORTUNITY_EDITORS = { users: [AGENT_USERNAME], groups: ['Sales_Managers'] };

/** When the demo users and records were "created": fixed, so their timestamps are the same on every start. */
export const DEMO_SETUP_AT = '2026-09-01T09:00:00.000Z';

/** The objects whose demo records the workbench lists and lets a person edit. */
export const DEMO_OBJECTS = ['Opportunity', 'Account', 'Case'] as const;

/** `addDays('2026-12-01', 14)` → `'2026-12-15'` (UTC calendar arithmetic). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Fields = Record<string, string | number | boolean | null>;

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

const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
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
const PROBABILITY: Record<string, number> = {
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

/** Ten Accounts (the owner is set when they are inserted). */
export function demoAccounts(): Fields[] {
  return ACCOUNTS.map(([name, industry, type, revenue, employees], i) => ({
    Name: name,
    Industry: industry,
    Type: type,
    Rating: ['Hot', 'Warm', 'Cold'][i % 3] ?? null,
    AnnualRevenue: revenue,
    NumberOfEmployees: employees,
    Phone: `+1 415 555 01${String(i + 10)}`,
    Website: `https://www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
  }));
}

/** 32 Opportunities, each on Account `account` (an index into demoAccounts); two are closed. */
export function demoOpportunities(): { account: number; fields: Fields }[] {
  const rows: { account: number; fields: Fields }[] = [];
  for (let i = 0; i < 32; i++) {
    const account = i % ACCOUNTS.length;
    const accountName = ACCOUNTS[account]?.[0] ?? '';
    const deal = DEALS[(i * 3) % DEALS.length] ?? '';
    const stage = i === 30 ? 'Closed Won' : i === 31 ? 'Closed Lost' : (STAGES[i % STAGES.length] ?? 'Prospecting');
    rows.push({
      account,
      fields: {
        Name: `${accountName} — ${deal}`,
        StageName: stage,
        CloseDate: addDays(DEMO_TODAY, 7 + ((i * 11) % 90)),
        Amount: 15_000 + ((i * 7919) % 40) * 5_000,
        NextStep: NEXT_STEPS[i % NEXT_STEPS.length] ?? null,
        Probability: PROBABILITY[stage] ?? 10,
        Description: `${deal} for ${accountName}.`,
        Type: TYPES[i % TYPES.length] ?? null,
        LeadSource: SOURCES[i % SOURCES.length] ?? null,
      },
    });
  }
  return rows;
}

/** Five Cases, on the first five Accounts. */
export function demoCases(): { account: number; fields: Fields }[] {
  const subjects = [
    'Cannot log in after SSO change',
    'Invoice shows wrong currency',
    'Sync job failing nightly',
    'Request for API rate limit increase',
    'Dashboard loads slowly',
  ];
  return subjects.map((subject, i) => ({
    account: i,
    fields: {
      Subject: subject,
      Status: ['New', 'Working', 'Escalated', 'New', 'Working'][i] ?? 'New',
      Priority: ['High', 'Medium', 'Low'][i % 3] ?? 'Medium',
      Origin: ['Email', 'Web', 'Phone'][i % 3] ?? 'Web',
    },
  }));
}

/** A change one seeded proposal asks for, from the record's demo values. */
export interface SeedAction {
  key: string;
  object: 'Opportunity' | 'Account';
  /** Index into demoOpportunities / demoAccounts. */
  record: number;
  changes: (record: Fields) => Record<string, string | number | null>;
  confidence: number;
  rationale: string;
  evidence?: string;
}

export interface SeedRun {
  externalId: string;
  agent: string;
  goal: string;
  actions: SeedAction[];
  /** Votes cast after the submission, through the controller (username, action key). */
  votes: { username: string; key: string; decision: 'Approve' | 'Reject'; reason?: string }[];
}

const opportunity = (i: number): Fields => demoOpportunities()[i]?.fields ?? {};

/**
 * What two agents propose on the first start — the shipped policies decide the outcome: a 35% Amount rise needs two
 * sales managers (High; Sam has already approved once), closing a deal needs one (High), a long Close Date move one
 * (Medium), a 10% Amount change one (Medium), a Next Step written with low confidence one (Low), an Account rating
 * goes to the default approvers; a confident Next Step runs at once and a Description rewrite is blocked.
 */
export const SEED_RUNS: SeedRun[] = [
  {
    externalId: 'demo-pipeline-renewals',
    agent: 'Pipeline_Agent',
    goal: 'Keep the renewal pipeline current from this week’s call notes',
    actions: [
      {
        key: 'demo-pipeline-amount',
        object: 'Opportunity',
        record: 0,
        changes: (r) => ({ Amount: Math.round(Number(r.Amount) * 1.35) }),
        confidence: 0.9,
        rationale: 'The customer confirmed 35% more seats on the renewal call.',
        evidence: 'Call summary: "we will need 135 seats, not 100"',
      },
      {
        key: 'demo-pipeline-stage',
        object: 'Opportunity',
        record: 1,
        changes: () => ({ StageName: 'Closed Won' }),
        confidence: 0.85,
        rationale: 'Signed order form received by email.',
      },
      {
        key: 'demo-pipeline-nextstep',
        object: 'Opportunity',
        record: 2,
        changes: () => ({ NextStep: 'Send the signed order form to finance' }),
        confidence: 0.92,
        rationale: 'The meeting notes name the next step.',
      },
      {
        key: 'demo-pipeline-description',
        object: 'Opportunity',
        record: 3,
        changes: () => ({ Description: 'Rewritten by the agent from the last three calls.' }),
        confidence: 0.99,
        rationale: 'Summarised the last three calls.',
      },
    ],
    votes: [{ username: SAM_USERNAME, key: 'demo-pipeline-amount', decision: 'Approve' }],
  },
  {
    externalId: 'demo-forecast-q1',
    agent: 'Forecast_Agent',
    goal: 'Align next quarter’s forecast with what customers said',
    actions: [
      {
        key: 'demo-forecast-closedate',
        object: 'Opportunity',
        record: 4,
        changes: (r) => ({ CloseDate: addDays(String(r.CloseDate), 30) }),
        confidence: 0.95,
        rationale: 'Procurement review moved to next month.',
      },
      {
        key: 'demo-forecast-amount',
        object: 'Opportunity',
        record: 5,
        changes: (r) => ({ Amount: Math.round(Number(r.Amount) * 1.1) }),
        confidence: 0.88,
        rationale: 'List price rises 10% from January.',
      },
      {
        key: 'demo-forecast-nextstep',
        object: 'Opportunity',
        record: 6,
        changes: () => ({ NextStep: 'Ask whether the pilot extends to a second site' }),
        confidence: 0.6,
        rationale: 'The champion hinted at a second site; not confirmed.',
      },
      {
        key: 'demo-forecast-rating',
        object: 'Account',
        record: 1,
        changes: () => ({ Rating: 'Hot' }),
        confidence: 0.8,
        rationale: 'Three expansion calls this month.',
      },
    ],
    votes: [],
  },
];

/** The Opportunity fields a seeded proposal reads (for `changes`). */
export function seedRecordFields(action: SeedAction): Fields {
  return action.object === 'Opportunity' ? opportunity(action.record) : (demoAccounts()[action.record] ?? {});
}
