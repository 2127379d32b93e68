// Field properties of standard fields the hand-written overlay (overlay.ts) does not list, recorded as the Salesforce
// Object Reference documents them: each field's "Type" and its "Properties" line verbatim (Create, Defaulted on
// create, Filter, Group, Nillable, Restricted picklist, Sort, Update, idLookup), with the size the Salesforce Field
// Reference gives ("Length" of text and picklist fields, "Digits" of int fields) and the picklist values the Object
// Reference lists. Read from stored copies of the API 67.0 (Summer '26) pages.
//
// OrgSchema builds a jar field from this data (documentedField below). When every attribute describe answers is
// documented the field is complete. When the Properties are documented but the size is not (neither reference gives
// a Length or Digits), the field stays partial and records which attributes are documented (knownAttributes):
// describe answers those and fails loudly for the size (getDigits(), getLength() …) and whatever else the pages do not
// say. A field whose type this module does not map (Task.TaskWhoIds, JunctionIdList) stays jar-only, every describe
// attribute failing loudly, and a field neither page lists is not here at all (also jar-only).
import { makeField } from '../fieldFactory';
import type { DisplayType, FieldDescribe, PicklistEntry } from '../types';

const OR = 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/';
const FR = 'https://developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/';

export interface DocumentedField {
  /** The Object Reference "Type" (int, picklist, date, dateTime, boolean, string …). */
  type: string;
  /** The Object Reference "Properties" line, verbatim. */
  properties: string;
  /** Field Reference "Length" (text, picklist) or "Digits" (int); undefined when the page gives none. */
  size?: number;
  /** Picklist values the Object Reference lists. */
  values?: string[];
  /** True when the Object Reference lists every value ("Possible values are: …"); false for "A possible value is". */
  valuesComplete?: boolean;
}

export interface DocumentedObject {
  /** The Object Reference page (Properties) and the Field Reference page (Length / Digits). */
  pages: [string, string];
  fields: Record<string, DocumentedField>;
}

export const DOCUMENTED_FIELDS: Record<string, DocumentedObject> = {
  Task: {
    pages: [`${OR}sforce_api_objects_task.htm`, `${FR}salesforce_field_reference_Task.htm`],
    fields: {
      RecurrenceDayOfMonth: { type: 'int', properties: 'Create, Filter, Group, Nillable, Sort, Update', size: 9 },
      RecurrenceDayOfWeekMask: { type: 'int', properties: 'Create, Filter, Group, Nillable, Sort, Update', size: 9 },
      RecurrenceEndDateOnly: { type: 'date', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
      // "Possible values are: First—1st, Fourth—4th, Last—last, Second—2nd, Third—3rd".
      RecurrenceInstance: {
        type: 'picklist',
        properties: 'Create, Filter, Group, Nillable, Restricted picklist, Sort, Update',
        size: 40,
        values: ['First', 'Fourth', 'Last', 'Second', 'Third'],
        valuesComplete: true,
      },
      RecurrenceInterval: { type: 'int', properties: 'Create, Filter, Group, Nillable, Sort, Update', size: 9 },
      // The page names no values for the month; the time zone and regeneration picklists list labels only.
      RecurrenceMonthOfYear: {
        type: 'picklist',
        properties: 'Create, Filter, Group, Nillable, Restricted picklist, Sort, Update',
        size: 40,
      },
      RecurrenceRegeneratedType: {
        type: 'picklist',
        properties: 'Create, Filter, Group, Nillable, Restricted picklist, Sort, Update',
        size: 40,
      },
      RecurrenceStartDateOnly: { type: 'date', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
      RecurrenceTimeZoneSidKey: {
        type: 'picklist',
        properties: 'Create, Filter, Group, Nillable, Restricted picklist, Sort, Update',
        size: 40,
      },
      // "Usage": the RecurrenceType values of the table of recurrence patterns.
      RecurrenceType: {
        type: 'picklist',
        properties: 'Create, Filter, Group, Nillable, Restricted picklist, Sort, Update',
        size: 40,
        values: [
          'RecursDaily',
          'RecursEveryWeekday',
          'RecursMonthly',
          'RecursMonthlyNth',
          'RecursWeekly',
          'RecursYearly',
          'RecursYearlyNth',
        ],
        valuesComplete: true,
      },
      // Shared Activities fields: the Field Reference lists no Digits for WhatCount and WhoCount, so they are partial
      // (their Properties answer, getDigits() fails loudly); TaskWhoIds is of type JunctionIdList, which no
      // Schema.DisplayType names: it stays jar-only (every describe attribute fails loudly).
      WhatCount: { type: 'int', properties: 'Filter, Group, Nillable, Sort' },
      WhoCount: { type: 'int', properties: 'Filter, Group, Nillable, Sort' },
      TaskWhoIds: { type: 'JunctionIdList', properties: 'Create, Update' },
    },
  },
  Contact: {
    pages: [`${OR}sforce_api_objects_contact.htm`, `${FR}salesforce_field_reference_Contact.htm`],
    fields: {
      // "A possible value is: Auto Create".
      ContactSource: {
        type: 'picklist',
        properties: 'Create, Filter, Group, Nillable, Restricted picklist, Sort, Update',
        size: 40,
        values: ['Auto Create'],
        valuesComplete: false,
      },
      // "The default value is false."
      IsPriorityRecord: { type: 'boolean', properties: 'Defaulted on create, Group' },
      // State and country/territory code picklists: the Field Reference page lists no Length for them.
      MailingCountryCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
      MailingStateCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
      OtherCountryCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
      OtherStateCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
    },
  },
  Account: {
    pages: [`${OR}sforce_api_objects_account.htm`, `${FR}salesforce_field_reference_Account.htm`],
    fields: {
      // "The default value is false."
      IsPriorityRecord: { type: 'boolean', properties: 'Defaulted on create, Group' },
      BillingCountryCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
      BillingStateCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
      ShippingCountryCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
      ShippingStateCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
    },
  },
  Lead: {
    pages: [`${OR}sforce_api_objects_lead.htm`, `${FR}salesforce_field_reference_Lead.htm`],
    fields: {
      GenderIdentity: {
        type: 'picklist',
        properties: 'Create, Filter, Group, Nillable, Restricted picklist, Sort, Update',
        size: 255,
      },
      IsPriorityRecord: { type: 'boolean', properties: 'Defaulted on create, Group' },
      // "Maximum 40 characters. Possible values are: He/Him, He/They, Not Listed, She/Her, She/They, They/Them".
      Pronouns: {
        type: 'picklist',
        properties: 'Create, Filter, Group, Nillable, Restricted picklist, Sort, Update',
        size: 40,
        values: ['He/Him', 'He/They', 'Not Listed', 'She/Her', 'She/They', 'They/Them'],
        valuesComplete: true,
      },
      CountryCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
      StateCode: { type: 'picklist', properties: 'Create, Filter, Group, Nillable, Sort, Update' },
    },
  },
};

/** Object Reference field types this module maps to a display type (others stay jar-only). */
const TYPES: Record<string, DisplayType> = {
  int: 'INTEGER',
  picklist: 'PICKLIST',
  date: 'DATE',
  dateTime: 'DATETIME',
  datetime: 'DATETIME',
  boolean: 'BOOLEAN',
  string: 'STRING',
};

/** The Object Reference "Properties" words (Object Reference, "Field Properties"). */
const PROPERTIES = new Set([
  'Create',
  'Defaulted on create',
  'Filter',
  'Group',
  'Nillable',
  'Restricted picklist',
  'Sort',
  'Update',
  'idLookup',
]);

/** The words of a Properties line; throws on a word this module does not know (a transcription error). */
export function parseProperties(line: string): Set<string> {
  const words = new Set(line.split(',').map((w) => w.trim()));
  for (const w of words) if (!PROPERTIES.has(w)) throw new Error(`fieldProperties: unknown property '${w}'`);
  return words;
}

/**
 * The attributes a documented field's Properties line and type give (Object Reference, "Field Properties": each word
 * present sets its attribute, each absent one — Autonumber, Calculated, Namefield included — clears it). The rest
 * (size, picklist values where the page lists none, dependent picklist, external id, unique, case sensitive, HTML,
 * aggregatable, delete rules, encrypted …) are not documented for a field whose size is missing.
 */
const PROPERTY_ATTRIBUTES: readonly (keyof FieldDescribe)[] = [
  'name',
  'type',
  'apexType',
  'soapType',
  'custom',
  'origin',
  'createable',
  'updateable',
  'nillable',
  'defaultedOnCreate',
  'filterable',
  'sortable',
  'groupable',
  'restrictedPicklist',
  'idLookup',
  'calculated',
  'autoNumber',
  'nameField',
];

/**
 * Whether field-level security applies to a documented field (DescribeFieldResult.isPermissionable(): "Returns true if
 * field permissions can be specified for the field"), as far as the documented rules settle it. Neither the Object
 * Reference page of the field nor its Properties line says it. Salesforce Help, "What Determines Field Access?"
 * (platform.customize_fieldaccess.htm): universally required fields "override field-level security"; system fields
 * are not set by users; read-only fields can have FLS (Object Reference, "FieldPermissions": auto-number and formula
 * fields "have FieldPermissions records, but … PermissionsEdit isn't allowed"), so not being writable does not make a
 * field unpermissionable. Reading: a field that is Nillable (not required) and Create or Update (written by users, not
 * a system field) is permissionable. For any other (Task.WhatCount and WhoCount: read-only, set by the platform;
 * IsPriorityRecord: a checkbox, so never nillable, and not writable) the pages do not say, and the attribute is
 * unknown: describe isPermissionable() and every FLS decision that depends on it fail loudly (docs/emulator.md).
 */
function permissionableDocumented(p: Set<string>): boolean {
  return p.has('Nillable') && (p.has('Create') || p.has('Update'));
}

/**
 * The describe of a documented jar field: complete when its size is documented too, else partial with the attributes
 * its Properties give (knownAttributes); undefined when this module does not map its type (the caller keeps the
 * jar-only field, every attribute unknown).
 */
export function documentedField(object: string, name: string): FieldDescribe | undefined {
  const doc = DOCUMENTED_FIELDS[object]?.fields[name];
  if (!doc) return undefined;
  const type = TYPES[doc.type];
  if (type === undefined) return undefined;
  const sized = type === 'INTEGER' || type === 'PICKLIST' || type === 'STRING';
  const sizeUnknown = sized && doc.size === undefined;
  const p = parseProperties(doc.properties);
  const permissionable = permissionableDocumented(p);
  const defaultedOnCreate = p.has('Defaulted on create');
  const picklistValues: PicklistEntry[] = (doc.values ?? []).map((value) => ({
    value,
    label: value,
    active: true,
    defaultValue: false,
  }));
  return makeField({
    name,
    type,
    origin: 'overlay',
    ...(type === 'INTEGER' ? { digits: doc.size } : sized ? { length: doc.size } : {}),
    createable: p.has('Create'),
    updateable: p.has('Update'),
    nillable: p.has('Nillable'),
    defaultedOnCreate,
    // A checkbox defaulted on create defaults to false (the pages above: "The default value is false").
    ...(type === 'BOOLEAN' && defaultedOnCreate ? { defaultValue: false } : {}),
    filterable: p.has('Filter'),
    sortable: p.has('Sort'),
    groupable: p.has('Group'),
    idLookup: p.has('idLookup'),
    restrictedPicklist: p.has('Restricted picklist'),
    picklistValues,
    picklistComplete: type !== 'PICKLIST' || doc.valuesComplete === true,
    // Not a placeholder: `unknownAttributes` / `knownAttributes` say whether it may be read.
    permissionable,
    ...(sizeUnknown
      ? {
          partial: true,
          knownAttributes: new Set<keyof FieldDescribe>([
            ...PROPERTY_ATTRIBUTES,
            ...(permissionable ? (['permissionable'] as const) : []),
            ...(doc.values !== undefined ? (['picklistValues', 'picklistComplete'] as const) : []),
          ]),
        }
      : permissionable
        ? {}
        : { unknownAttributes: new Set<keyof FieldDescribe>(['permissionable']) }),
  });
}
