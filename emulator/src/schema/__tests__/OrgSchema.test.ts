import { join } from 'node:path';
import { EmulatorUnsupportedError } from '../../errors';
import { loadProject } from '../../project';
import { OrgSchema, requireKnown, type FieldDescribe, type SObjectDescribe } from '..';

const REPO = join(__dirname, '..', '..', '..', '..');
const FIXTURE = join(__dirname, '..', '..', 'project', '__tests__', 'fixtures', 'basic');

const repo = new OrgSchema(loadProject(REPO));
const fixture = new OrgSchema(loadProject(FIXTURE));

function object(schema: OrgSchema, name: string): SObjectDescribe {
  const o = schema.get(name);
  if (!o) throw new Error(`no object ${name}`);
  return o;
}

function field(schema: OrgSchema, objectName: string, fieldName: string): FieldDescribe {
  const f = schema.field(objectName, fieldName);
  if (!f) throw new Error(`no field ${objectName}.${fieldName}`);
  return f;
}

describe('OrgSchema on this repository', () => {
  it('describes PlannedAction__c.IdempotencyKey__c as a unique, case-sensitive external id Text(255)', () => {
    expect(field(repo, 'PlannedAction__c', 'IdempotencyKey__c')).toMatchObject({
      type: 'STRING',
      soapType: 'STRING',
      apexType: 'String',
      length: 255,
      byteLength: 765,
      unique: true,
      externalId: true,
      caseSensitive: true,
      idLookup: true,
      nillable: true,
      createable: true,
      updateable: true,
      custom: true,
      origin: 'project',
    });
  });

  it('describes FieldChange__c.Action__c as master-detail, its child relationship FieldChanges__r', () => {
    expect(field(repo, 'FieldChange__c', 'Action__c')).toMatchObject({
      type: 'REFERENCE',
      referenceTo: ['PlannedAction__c'],
      relationshipName: 'Action__r',
      isMasterDetail: true,
      cascadeDelete: true,
      relationshipOrder: 0,
      nillable: false,
      createable: true,
      updateable: false,
      permissionable: false,
    });
    expect(object(repo, 'PlannedAction__c').childRelationships).toContainEqual({
      childSObject: 'FieldChange__c',
      field: 'Action__c',
      relationshipName: 'FieldChanges__r',
      cascadeDelete: true,
      restrictedDelete: false,
      partial: false,
    });
    const detail = object(repo, 'FieldChange__c');
    expect(detail.hasOwner).toBe(false);
    expect(detail.fields.has('OwnerId')).toBe(false);
    expect(detail.sharingModel).toBe('ControlledByParent');
    expect(repo.get('FieldChange__Share')).toBeUndefined();
  });

  it('gives custom objects their system fields, and an auto-number Name that the platform assigns', () => {
    const pa = object(repo, 'PlannedAction__c');
    expect(pa.fields.names().slice(0, 4)).toEqual(['Id', 'OwnerId', 'IsDeleted', 'Name']);
    expect(field(repo, 'PlannedAction__c', 'Name')).toMatchObject({
      type: 'STRING',
      autoNumber: true,
      displayFormat: 'PA-{00000000}',
      createable: false,
      updateable: false,
      nameField: true,
    });
    expect(field(repo, 'PlannedAction__c', 'OwnerId')).toMatchObject({
      referenceTo: ['Group', 'User'],
      relationshipName: 'Owner',
      defaultedOnCreate: true,
      createable: true,
      updateable: true,
    });
    for (const f of ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById', 'SystemModstamp'])
      expect(field(repo, 'PlannedAction__c', f)).toMatchObject({
        createable: false,
        updateable: false,
        nillable: false,
      });
    // PlannedAction__c has a tab (app/tabs), so it has LastViewedDate; FieldChange__c has none.
    expect(pa.fields.has('LastViewedDate')).toBe(true);
    expect(object(repo, 'FieldChange__c').fields.has('LastViewedDate')).toBe(false);
    expect(pa.fields.has('RecordTypeId')).toBe(false);
  });

  it('derives PlannedAction__Share with the project sharing reasons as RowCause values', () => {
    const share = object(repo, 'PlannedAction__Share');
    expect(share).toMatchObject({
      kind: 'share',
      parentObject: 'PlannedAction__c',
      keyPrefix: '02c',
      createable: true,
    });
    expect(share.fields.names()).toEqual([
      'Id',
      'ParentId',
      'UserOrGroupId',
      'AccessLevel',
      'RowCause',
      'LastModifiedDate',
      'LastModifiedById',
      'IsDeleted',
    ]);
    expect(field(repo, 'PlannedAction__Share', 'RowCause').picklistValues.map((v) => v.value)).toEqual([
      'Owner',
      'Manual',
      'Rule',
      'ImplicitChild',
      'ApproverGroup__c',
    ]);
    expect(field(repo, 'PlannedAction__Share', 'AccessLevel').picklistValues.map((v) => v.value)).toEqual([
      'Read',
      'Edit',
      'All',
    ]);
    expect(field(repo, 'PlannedAction__Share', 'ParentId').referenceTo).toEqual(['PlannedAction__c']);
    expect(object(repo, 'PlannedAction__c').shareObject).toBe('PlannedAction__Share');
    expect(repo.get('PlannedAction__History')).toBeUndefined();
  });

  it('describes custom metadata types and platform events with their own system fields', () => {
    const cmdt = object(repo, 'ActionPolicy__mdt');
    expect(cmdt).toMatchObject({ kind: 'customMetadata', createable: false, updateable: false, queryable: true });
    expect(cmdt.keyPrefix).toMatch(/^m0/);
    expect(cmdt.fields.names()).toEqual(
      expect.arrayContaining([
        'Id',
        'DeveloperName',
        'MasterLabel',
        'Label',
        'Language',
        'NamespacePrefix',
        'QualifiedApiName',
      ]),
    );
    expect(field(repo, 'PolicyCondition__mdt', 'Policy__c')).toMatchObject({
      type: 'REFERENCE',
      referenceTo: ['ActionPolicy__mdt'],
      relationshipName: 'Policy__r',
    });
    const event = object(repo, 'ActionStatusChanged__e');
    expect(event).toMatchObject({
      kind: 'platformEvent',
      queryable: false,
      createable: true,
      eventType: 'HighVolume',
      publishBehavior: 'PublishAfterCommit',
    });
    expect(event.fields.names().slice(0, 4)).toEqual(['ReplayId', 'EventUuid', 'CreatedDate', 'CreatedById']);
  });

  it('describes Opportunity.StageName as a picklist with the stage facts, and Amount as currency(18,2)', () => {
    const stage = field(repo, 'Opportunity', 'StageName');
    expect(stage).toMatchObject({ type: 'PICKLIST', nillable: false, createable: true, origin: 'overlay' });
    expect(stage.picklistValues.find((v) => v.value === 'Closed Won')?.facts).toEqual({
      probability: 100,
      forecastCategory: 'Closed',
      isClosed: true,
      isWon: true,
    });
    expect(stage.picklistValues.find((v) => v.value === 'Prospecting')?.facts?.probability).toBe(10);
    // Field Reference, "Opportunity": Amount currency, precision 18, scale 2.
    expect(field(repo, 'Opportunity', 'Amount')).toMatchObject({
      type: 'CURRENCY',
      soapType: 'DOUBLE',
      apexType: 'Decimal',
      precision: 18,
      scale: 2,
    });
    expect(field(repo, 'Opportunity', 'Probability')).toMatchObject({ type: 'PERCENT', precision: 3, scale: 0 });
    expect(object(repo, 'Opportunity')).toMatchObject({ keyPrefix: '006', sharingModel: 'Read', partial: false });
  });

  it('marks exactly the documented required fields of the core standard objects', () => {
    const required = (name: string) =>
      object(repo, name)
        .fields.list()
        .filter((f) => !f.nillable && f.createable && !f.defaultedOnCreate)
        .map((f) => f.name)
        .sort();
    expect(required('Opportunity')).toEqual(['CloseDate', 'Name', 'StageName']);
    expect(required('Account')).toEqual(['Name']);
    expect(required('Contact')).toEqual(['LastName']);
    expect(required('Lead')).toEqual(['Company', 'LastName']);
    expect(required('Case')).toEqual([]);
    expect(required('User')).toEqual(
      [
        'Alias',
        'Email',
        'EmailEncodingKey',
        'LanguageLocaleKey',
        'LastName',
        'LocaleSidKey',
        'ProfileId',
        'TimeZoneSidKey',
        'Username',
      ].sort(),
    );
  });

  it('looks names up case-insensitively and returns canonical case', () => {
    expect(repo.get('opportunity')?.name).toBe('Opportunity');
    expect(repo.field('OPPORTUNITY', 'stagename')?.name).toBe('StageName');
    expect(repo.get('plannedaction__share')?.name).toBe('PlannedAction__Share');
    expect(repo.get('NoSuchObject__c')).toBeUndefined();
    expect(repo.has('Account')).toBe(true);
  });

  it('leaves out jar fields a new org does not have, and marks jar-only fields partial', () => {
    const account = object(repo, 'Account');
    expect(account.fields.has('IsPersonAccount')).toBe(false);
    expect(account.fields.has('CurrencyIsoCode')).toBe(false);
    expect(object(repo, 'Opportunity').fields.has('RecordTypeId')).toBe(false);
    // Person account fields are absent (Object Reference, "Account": "Person accounts are disabled by default").
    expect(account.fields.has('PersonEmail')).toBe(false);
    const jarOnly = field(repo, 'Account', 'SourceSystemIdentifier');
    expect(jarOnly).toMatchObject({ origin: 'jar', partial: true, apexType: 'String' });
    expect(() => requireKnown('Account', jarOnly, 'length')).toThrow(EmulatorUnsupportedError);
    expect(() => requireKnown('Account', field(repo, 'Account', 'Name'), 'length')).not.toThrow();
    const email = object(repo, 'EmailMessage');
    expect(email.partial).toBe(true);
    expect(email.keyPrefix).toBe('02s');
    expect(field(repo, 'EmailMessage', 'ParentId')).toMatchObject({
      type: 'REFERENCE',
      referenceTo: ['Case'],
      partial: true,
    });
  });

  it('assigns deterministic custom key prefixes in alphabetical order and resolves them back', () => {
    const customs = [
      'AgentRun__c',
      'ApprovalDecision__c',
      'AuditEvent__c',
      'FieldChange__c',
      'GovernedTest_Alert__c',
      'GovernedTest_Invoice__c',
      'PlannedAction__c',
    ];
    expect(customs.map((n) => repo.keyPrefixOf(n))).toEqual(['a00', 'a01', 'a02', 'a03', 'a04', 'a05', 'a06']);
    for (const n of customs) expect(repo.byKeyPrefix(repo.keyPrefixOf(n) ?? '')?.name).toBe(n);
    expect(repo.byKeyPrefix('001')?.name).toBe('Account');
    expect(repo.byKeyPrefix('005')?.name).toBe('User');
    expect(repo.byKeyPrefix('02c')).toBeUndefined();
    expect(repo.keyPrefixOf('ActionStatusChanged__e')).toBe('e00');
  });

  it('knows the setup objects of MIXED_DML_OPERATION', () => {
    for (const n of [
      'User',
      'Group',
      'GroupMember',
      'PermissionSet',
      'PermissionSetAssignment',
      'UserRole',
      'QueueSobject',
    ])
      expect(repo.isSetupObject(n)).toBe(true);
    for (const n of ['Account', 'PlannedAction__c', 'Opportunity']) expect(repo.isSetupObject(n)).toBe(false);
    expect(object(repo, 'User').isSetupObject).toBe(true);
    expect(repo.setupObjectRule('group')?.allowedWithNonSetup).toEqual(['insert', 'update']);
  });

  it('lists custom objects as children of User (CreatedBy, LastModifiedBy, Owner) and of their lookups', () => {
    const user = object(repo, 'User');
    expect(user.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'PlannedAction__c', field: 'CreatedById', relationshipName: undefined }),
    );
    expect(user.childRelationships).toContainEqual(
      expect.objectContaining({ childSObject: 'PermissionSetAssignment', field: 'AssigneeId', partial: false }),
    );
    expect(object(repo, 'Account').childRelationships).toContainEqual(
      expect.objectContaining({
        relationshipName: 'Contacts',
        childSObject: 'Contact',
        field: 'AccountId',
        cascadeDelete: true,
      }),
    );
  });

  it('describes every object the org lists without error', () => {
    const names = repo.globalDescribe();
    expect(names).toEqual(
      expect.arrayContaining(['PlannedAction__c', 'PlannedAction__Share', 'Account', 'AccountShare']),
    );
    for (const n of names) expect(repo.get(n)?.name).toBe(n);
  });
});

describe('OrgSchema on the fixture project', () => {
  it('adds the project custom fields to standard objects, and their lookups as child relationships', () => {
    expect(field(fixture, 'Opportunity', 'Margin__c')).toMatchObject({
      type: 'PERCENT',
      precision: 5,
      scale: 2,
      custom: true,
      origin: 'project',
      trackHistory: true,
    });
    expect(field(fixture, 'Opportunity', 'Parent__c')).toMatchObject({
      type: 'REFERENCE',
      referenceTo: ['Parent__c'],
      relationshipName: 'Parent__r',
      cascadeDelete: false,
      restrictedDelete: false,
    });
    expect(object(fixture, 'Parent__c').childRelationships).toContainEqual(
      expect.objectContaining({
        childSObject: 'Opportunity',
        field: 'Parent__c',
        relationshipName: 'Opportunities__r',
      }),
    );
    expect(object(fixture, 'Account').childRelationships).toContainEqual(
      expect.objectContaining({
        childSObject: 'Child__c',
        relationshipName: 'FixtureChildren__r',
        restrictedDelete: true,
      }),
    );
  });

  it('derives share and history objects from the sharing model and enableHistory', () => {
    expect(object(fixture, 'Parent__c')).toMatchObject({ sharingModel: 'Read', shareObject: 'Parent__Share' });
    expect(field(fixture, 'Parent__Share', 'RowCause').picklistValues.map((v) => v.value)).toContain('Team__c');
    expect(object(fixture, 'Parent__History')).toMatchObject({ kind: 'history', parentObject: 'Parent__c' });
    expect(fixture.get('Child__Share')).toBeUndefined();
  });

  it('describes a master-detail that may be reparented, and the detail auto-number name', () => {
    expect(field(fixture, 'Child__c', 'Parent__c')).toMatchObject({
      isMasterDetail: true,
      writeRequiresMasterRead: true,
      reparentableMasterDetail: true,
      updateable: true,
    });
    expect(field(fixture, 'Child__c', 'Name')).toMatchObject({
      autoNumber: true,
      displayFormat: 'C-{0000}',
      length: 30,
    });
    expect(object(fixture, 'Child__c').fields.has('OwnerId')).toBe(false);
  });

  it('describes text names, record types, activities and the Task.WhatId targets', () => {
    expect(field(fixture, 'Parent__c', 'Name')).toMatchObject({
      label: 'Parent Name',
      length: 80,
      createable: true,
      nillable: true,
    });
    expect(field(fixture, 'Parent__c', 'RecordTypeId').referenceTo).toEqual(['RecordType']);
    expect(object(fixture, 'Parent__c').recordTypes.map((r) => r.developerName)).toEqual(['Master', 'Big']);
    expect(object(fixture, 'Parent__c').fields.has('LastActivityDate')).toBe(true);
    expect(object(fixture, 'Parent__c').fields.has('LastViewedDate')).toBe(false);
    expect(field(fixture, 'Task', 'WhatId').referenceTo).toContain('Parent__c');
  });

  it('describes summaries, formulas, defaults and picklists', () => {
    expect(field(fixture, 'Parent__c', 'Total__c')).toMatchObject({
      type: 'CURRENCY',
      precision: 16,
      scale: 2,
      calculated: true,
      createable: false,
      summary: { operation: 'sum', summarizedField: 'Child__c.Amount__c', foreignKey: 'Child__c.Parent__c' },
    });
    expect(field(fixture, 'Parent__c', 'Doubled__c')).toMatchObject({
      type: 'CURRENCY',
      calculated: true,
      calculatedFormula: 'Total__c * 2',
      formulaTreatBlanksAs: 'BlankAsZero',
      createable: false,
      updateable: false,
    });
    expect(field(fixture, 'Parent__c', 'Code__c').defaultValueFormula).toBe('"P-" & TEXT(YEAR(TODAY()))');
    expect(field(fixture, 'Pref__c', 'Enabled__c')).toMatchObject({
      type: 'BOOLEAN',
      nillable: false,
      defaultedOnCreate: true,
      defaultValue: true,
    });
    expect(field(fixture, 'Parent__c', 'Stage__c')).toMatchObject({
      type: 'PICKLIST',
      restrictedPicklist: true,
      nillable: false,
      permissionable: false,
      picklistValues: [
        { value: 'New', label: 'New & shiny', active: true, defaultValue: true },
        { value: 'Old', label: 'Old', active: false, defaultValue: false },
      ],
    });
    expect(field(fixture, 'Parent__c', 'Colour__c')).toMatchObject({
      type: 'MULTIPICKLIST',
      length: 4099,
      valueSetName: 'Colours',
      sortable: false,
      picklistValues: [
        { value: 'Red', label: 'Red', active: true, defaultValue: false },
        { value: 'Blue', label: 'Blue', active: true, defaultValue: true },
      ],
    });
  });

  it('takes standard picklist values from the project standardValueSets when it ships them', () => {
    const values = (o: string) =>
      field(fixture, o, 'LeadSource').picklistValues.map((v) => [v.value, v.label, v.defaultValue]);
    expect(values('Lead')).toEqual([
      ['Web', 'Web', true],
      ['Agent', 'AI agent', false],
    ]);
    expect(values('Opportunity')).toEqual(values('Lead'));
    expect(field(repo, 'Lead', 'LeadSource').picklistValues.map((v) => v.value)).toContain('Purchased List');
  });

  it('describes custom settings, platform events and custom metadata types', () => {
    expect(object(fixture, 'Pref__c')).toMatchObject({
      kind: 'customSetting',
      customSetting: true,
      customSettingType: 'Hierarchy',
    });
    expect(field(fixture, 'Pref__c', 'SetupOwnerId').referenceTo).toEqual(['Organization', 'Profile', 'User']);
    expect(field(fixture, 'Pref__c', 'Name').length).toBe(38);
    expect(field(fixture, 'Ping__e', 'Message__c')).toMatchObject({ length: 255, nillable: false });
    expect(object(fixture, 'Cfg__mdt').fields.get('Ratio__c')).toMatchObject({
      type: 'DOUBLE',
      precision: 10,
      scale: 4,
    });
  });
});
