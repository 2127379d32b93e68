// Describe attributes of the standard fields of Account, Contact, Lead, Case and Task as the Object Reference
// documents them ("Properties": Create, Defaulted on create, Nillable …), and of required-on-create fields
// (createable, not nillable, not defaulted on create) — the rule the package's create planning uses.
import { join } from 'node:path';
import { loadProject } from '../../project';
import { OrgSchema, type FieldDescribe } from '..';
import { standardCatalog } from '../standard/catalog';
import { DOCUMENTED_FIELDS, documentedField, parseProperties } from '../standard/fieldProperties';
import { attributeKnown, requireKnown } from '../fieldFactory';
import { fieldAccessible, fieldCreateable, fieldUpdateable } from '../../security/describeAccess';
import type { UserAccessView } from '../../security/permissions';

const FIXTURE = join(__dirname, '..', '..', 'project', '__tests__', 'fixtures', 'basic');
const schema = new OrgSchema(loadProject(FIXTURE));

function field(objectName: string, fieldName: string): FieldDescribe {
  const f = schema.field(objectName, fieldName);
  if (!f) throw new Error(`no field ${objectName}.${fieldName}`);
  return f;
}

const requiredOnCreate = (f: FieldDescribe): boolean => f.createable && !f.nillable && !f.defaultedOnCreate;

describe('documented field properties (standard/fieldProperties.ts)', () => {
  const cases = Object.entries(DOCUMENTED_FIELDS).flatMap(([object, o]) =>
    Object.keys(o.fields).map((name) => [object, name] as const),
  );

  it.each(cases)('%s.%s is a jar field, built with the jar Apex type or left jar-only', (object, name) => {
    const jarType = standardCatalog().get(object)?.fields[name];
    expect(jarType).toBeDefined();
    const built = documentedField(object, name);
    if (built) expect(built.apexType).toBe(jarType);
  });

  it('refuses a Properties word it does not know', () => {
    expect(() => parseProperties('Create, Filtre')).toThrow(/unknown property 'Filtre'/);
  });

  it('describes the Task recurrence fields as the Object Reference does', () => {
    expect(field('Task', 'RecurrenceDayOfMonth')).toMatchObject({
      type: 'INTEGER',
      digits: 9,
      createable: true,
      updateable: true,
      nillable: true,
      defaultedOnCreate: false,
      filterable: true,
      groupable: true,
      sortable: true,
      partial: false,
    });
    expect(field('Task', 'RecurrenceStartDateOnly')).toMatchObject({ type: 'DATE', createable: true, nillable: true });
    const instance = field('Task', 'RecurrenceInstance');
    expect(instance).toMatchObject({ type: 'PICKLIST', length: 40, restrictedPicklist: true, picklistComplete: true });
    expect(instance.picklistValues.map((e) => e.value)).toEqual(['First', 'Fourth', 'Last', 'Second', 'Third']);
    expect(field('Task', 'RecurrenceTimeZoneSidKey')).toMatchObject({ picklistComplete: false, partial: false });
  });

  it('describes Contact.IsPriorityRecord as defaulted on create, groupable only, not createable', () => {
    expect(field('Contact', 'IsPriorityRecord')).toMatchObject({
      type: 'BOOLEAN',
      createable: false,
      updateable: false,
      nillable: false,
      defaultedOnCreate: true,
      defaultValue: false,
      filterable: false,
      sortable: false,
      groupable: true,
      partial: false,
    });
    expect(field('Contact', 'ContactSource')).toMatchObject({
      restrictedPicklist: true,
      picklistComplete: false,
      createable: true,
      nillable: true,
    });
  });

  it('leaves fields whose type or Properties the references do not give jar-only (every attribute unknown)', () => {
    for (const [o, f] of [
      ['Task', 'TaskWhoIds'],
      ['Contact', 'HasPrivacyHold'],
      ['Lead', 'HasPrivacyHold'],
      ['Lead', 'BirthDate'],
    ] as const) {
      const d = field(o, f);
      expect([o, f, d.partial, d.knownAttributes]).toEqual([o, f, true, undefined]);
      for (const a of ['createable', 'nillable', 'defaultedOnCreate'] as const)
        expect(attributeKnown(d, a)).toBe(false);
    }
  });

  it('keeps a field whose size is undocumented partial, knowing the attributes of its Properties line', () => {
    for (const [o, f] of [
      ['Task', 'WhatCount'],
      ['Task', 'WhoCount'],
      ['Contact', 'MailingCountryCode'],
      ['Lead', 'StateCode'],
      ['Account', 'BillingStateCode'],
    ] as const) {
      const d = field(o, f);
      expect([o, f, d.partial]).toEqual([o, f, true]);
      for (const a of ['createable', 'updateable', 'nillable', 'defaultedOnCreate', 'filterable', 'sortable'] as const)
        expect([o, f, a, attributeKnown(d, a)]).toEqual([o, f, a, true]);
      for (const a of ['digits', 'length', 'byteLength', 'dependentPicklist', 'externalId', 'aggregatable'] as const)
        expect([o, f, a, attributeKnown(d, a)]).toEqual([o, f, a, false]);
    }
    // "Filter, Group, Nillable, Sort" (sforce_api_objects_task.htm, WhatCount).
    expect(field('Task', 'WhatCount')).toMatchObject({
      type: 'INTEGER',
      createable: false,
      updateable: false,
      nillable: true,
      defaultedOnCreate: false,
      filterable: true,
      groupable: true,
      sortable: true,
    });
    // The state code picklist lists no values: getPicklistValues() stays unknown.
    expect(attributeKnown(field('Contact', 'MailingStateCode'), 'picklistValues')).toBe(false);
    expect(() => requireKnown('Task', field('Task', 'WhatCount'), 'digits')).toThrow(
      'Task.WhatCount.digits (not documented for this standard field)',
    );
    expect(() => requireKnown('Task', field('Task', 'WhatCount'), 'nillable')).not.toThrow();
    expect(() => requireKnown('Task', field('Task', 'TaskWhoIds'), 'nillable')).toThrow(/name and Apex type/);
  });

  it('answers per attribute for the running user (security/describeAccess.ts)', () => {
    // A user who may do everything: only the schema's knowledge decides. (A structural stand-in for the class.)
    const view = {
      can: () => true,
      fieldPermission: () => true,
    } as unknown as UserAccessView;
    const task = schema.get('Task');
    if (!task) throw new Error('no Task');
    expect(fieldCreateable(view, task, field('Task', 'WhatCount'))).toBe(false);
    expect(fieldUpdateable(view, task, field('Task', 'WhoCount'))).toBe(false);
    expect(fieldAccessible(view, task, field('Task', 'WhatCount'))).toBe(true);
    expect(() => fieldCreateable(view, task, field('Task', 'TaskWhoIds'))).toThrow(
      'Task.TaskWhoIds isCreateable() (attributes not known)',
    );
    const contact = schema.get('Contact');
    if (!contact) throw new Error('no Contact');
    expect(fieldCreateable(view, contact, field('Contact', 'OtherCountryCode'))).toBe(true);
    expect(() => fieldUpdateable(view, contact, field('Contact', 'HasPrivacyHold'))).toThrow(
      'Contact.HasPrivacyHold isUpdateable() (attributes not known)',
    );
  });

  it('knows permissionable only where the FLS rules settle it: nillable and createable or updateable', () => {
    // "Create, Filter, Group, Nillable, Sort, Update": not required, written by users, so FLS applies.
    for (const [o, f] of [
      ['Task', 'RecurrenceInterval'],
      ['Contact', 'MailingStateCode'],
      ['Lead', 'Pronouns'],
    ] as const) {
      expect([o, f, attributeKnown(field(o, f), 'permissionable')]).toEqual([o, f, true]);
      expect([o, f, field(o, f).permissionable]).toEqual([o, f, true]);
    }
    // Read-only counts set by the platform, a never-nillable checkbox users cannot write: the pages do not say.
    for (const [o, f] of [
      ['Task', 'WhatCount'],
      ['Task', 'WhoCount'],
      ['Contact', 'IsPriorityRecord'],
      ['Account', 'IsPriorityRecord'],
      ['Lead', 'IsPriorityRecord'],
      ['Contact', 'HasPrivacyHold'],
    ] as const)
      expect([o, f, attributeKnown(field(o, f), 'permissionable')]).toEqual([o, f, false]);
    // IsPriorityRecord stays complete: every other attribute is known.
    expect(field('Account', 'IsPriorityRecord').partial).toBe(false);
    expect(attributeKnown(field('Account', 'IsPriorityRecord'), 'defaultedOnCreate')).toBe(true);
    expect(() => requireKnown('Account', field('Account', 'IsPriorityRecord'), 'permissionable')).toThrow(
      'Account.IsPriorityRecord.permissionable (not documented for this standard field)',
    );
  });

  it('drops Lead.CompanyDunsNumber and the Data.com fields of Account, and the person account fields', () => {
    expect(schema.field('Lead', 'CompanyDunsNumber')).toBeUndefined();
    for (const f of ['DunsNumber', 'NaicsCode', 'Tradestyle', 'PersonEmail', 'PersonMailingAddress', 'PersonTitle'])
      expect([f, schema.field('Account', f)]).toEqual([f, undefined]);
    expect(field('Account', 'IsPriorityRecord')).toMatchObject({ defaultedOnCreate: true, createable: false });
  });
});

describe('required on create (createable, not nillable, not defaulted on create)', () => {
  const required = (o: string): string[] =>
    (schema.get(o)?.fields.list() ?? [])
      .filter((f) => !f.partial && requiredOnCreate(f))
      .map((f) => f.name)
      .sort();

  it('Task: Subject is nillable, Status and Priority are defaulted on create; nothing is required', () => {
    expect(field('Task', 'Subject')).toMatchObject({ createable: true, nillable: true });
    expect(field('Task', 'Status')).toMatchObject({ createable: true, nillable: false, defaultedOnCreate: true });
    expect(field('Task', 'Priority')).toMatchObject({ createable: true, nillable: false, defaultedOnCreate: true });
    expect(required('Task')).toEqual([]);
  });

  it('Contact: LastName', () => expect(required('Contact')).toEqual(['LastName']));
  it('Lead: Company and LastName', () => expect(required('Lead')).toEqual(['Company', 'LastName']));
  it('Case: none', () => expect(required('Case')).toEqual([]));
  it('Account: Name', () => expect(required('Account')).toEqual(['Name']));
});
