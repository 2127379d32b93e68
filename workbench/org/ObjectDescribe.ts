/**
 * Describe metadata of the demo org's objects — what `Schema.describeSObjects` returns in a real org, reduced to
 * what the plan step needs (type, updateable, nillable, length/precision/scale, picklist values, reference target).
 */
import type { FieldDescribe, FieldType } from '../../src/core/FieldValueCoercer';

export interface ObjectDescribe {
  name: string;
  label: string;
  keyPrefix: string;
  /** The field a person reads as the record's name. */
  nameField: string;
  fields: FieldDescribe[];
}

type Extra = Partial<Omit<FieldDescribe, 'name' | 'label' | 'type'>>;

function field(name: string, label: string, type: FieldType, extra: Extra = {}): FieldDescribe {
  return { name, label, type, updateable: true, nillable: true, ...extra };
}

function readOnly(name: string, label: string, type: FieldType, extra: Extra = {}): FieldDescribe {
  return field(name, label, type, { updateable: false, ...extra });
}

export const OPPORTUNITY_STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Id. Decision Makers',
  'Perception Analysis',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];

const auditFields = (): FieldDescribe[] => [
  readOnly('Id', 'Record ID', 'id', { nillable: false, length: 18 }),
  field('OwnerId', 'Owner ID', 'reference', { nillable: false, referenceTo: ['User'] }),
  readOnly('CreatedDate', 'Created Date', 'datetime', { nillable: false }),
  readOnly('LastModifiedDate', 'Last Modified Date', 'datetime', { nillable: false }),
];

export const DESCRIBES: ObjectDescribe[] = [
  {
    name: 'Opportunity',
    label: 'Opportunity',
    keyPrefix: '006',
    nameField: 'Name',
    fields: [
      field('Name', 'Name', 'string', { nillable: false, length: 120 }),
      field('StageName', 'Stage', 'picklist', { nillable: false, picklistValues: OPPORTUNITY_STAGES }),
      field('CloseDate', 'Close Date', 'date', { nillable: false }),
      field('Amount', 'Amount', 'currency', { precision: 18, scale: 2 }),
      field('NextStep', 'Next Step', 'string', { length: 255 }),
      field('Probability', 'Probability (%)', 'percent', { precision: 3, scale: 0 }),
      field('Description', 'Description', 'textarea', { length: 32000 }),
      field('Type', 'Opportunity Type', 'picklist', {
        picklistValues: ['Existing Customer - Upgrade', 'Existing Customer - Replacement', 'New Customer', 'Renewal'],
      }),
      field('LeadSource', 'Lead Source', 'picklist', {
        picklistValues: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'],
      }),
      field('AccountId', 'Account ID', 'reference', { referenceTo: ['Account'] }),
      readOnly('IsWon', 'Won', 'boolean', { nillable: false }),
      readOnly('ExpectedRevenue', 'Expected Amount', 'currency', { precision: 18, scale: 2 }),
      ...auditFields(),
    ],
  },
  {
    name: 'Account',
    label: 'Account',
    keyPrefix: '001',
    nameField: 'Name',
    fields: [
      field('Name', 'Account Name', 'string', { nillable: false, length: 255 }),
      field('Industry', 'Industry', 'picklist', {
        picklistValues: ['Technology', 'Manufacturing', 'Healthcare', 'Finance', 'Retail', 'Energy', 'Education'],
      }),
      field('Type', 'Account Type', 'picklist', {
        picklistValues: ['Prospect', 'Customer - Direct', 'Customer - Channel', 'Partner', 'Other'],
      }),
      field('Rating', 'Account Rating', 'picklist', { picklistValues: ['Hot', 'Warm', 'Cold'] }),
      field('AnnualRevenue', 'Annual Revenue', 'currency', { precision: 18, scale: 0 }),
      field('NumberOfEmployees', 'Employees', 'integer', { precision: 8, scale: 0 }),
      field('Phone', 'Account Phone', 'phone', { length: 40 }),
      field('Website', 'Website', 'url', { length: 255 }),
      field('Description', 'Account Description', 'textarea', { length: 32000 }),
      ...auditFields(),
    ],
  },
  {
    name: 'Case',
    label: 'Case',
    keyPrefix: '500',
    // Case's name field (isNameField) is its number, as record pages and DisplayNameSelector show it.
    nameField: 'CaseNumber',
    fields: [
      readOnly('CaseNumber', 'Case Number', 'string', { nillable: false, length: 30 }),
      field('Subject', 'Subject', 'string', { length: 255 }),
      field('Status', 'Status', 'picklist', {
        nillable: false,
        picklistValues: ['New', 'Working', 'Escalated', 'Closed'],
      }),
      field('Priority', 'Priority', 'picklist', { picklistValues: ['High', 'Medium', 'Low'] }),
      field('Origin', 'Case Origin', 'picklist', { picklistValues: ['Phone', 'Email', 'Web'] }),
      field('Description', 'Description', 'textarea', { length: 32000 }),
      field('AccountId', 'Account ID', 'reference', { referenceTo: ['Account'] }),
      readOnly('IsClosed', 'Closed', 'boolean', { nillable: false }),
      ...auditFields(),
    ],
  },
];

/** Finds an object by API name, case-insensitively (as Salesforce does). */
export function describeObject(name: string): ObjectDescribe | undefined {
  const wanted = name.trim().toLowerCase();
  return DESCRIBES.find((d) => d.name.toLowerCase() === wanted);
}

/** Finds a field by API name, case-insensitively. */
export function describeField(object: ObjectDescribe, name: string): FieldDescribe | undefined {
  const wanted = name.trim().toLowerCase();
  return object.fields.find((f) => f.name.toLowerCase() === wanted);
}
