import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject, ProjectLoadError, type ObjectMeta, type ProjectMetadata } from '..';

const FIXTURES = join(__dirname, 'fixtures');
const REPO = join(__dirname, '..', '..', '..', '..');

function object(project: ProjectMetadata, name: string): ObjectMeta {
  const o = project.objects.get(name);
  if (!o) throw new Error(`no object ${name}`);
  return o;
}

function field(project: ProjectMetadata, objectName: string, fieldName: string) {
  const f = object(project, objectName).fields.find((x) => x.fullName === fieldName);
  if (!f) throw new Error(`no field ${objectName}.${fieldName}`);
  return f;
}

describe('loadProject on the fixture project', () => {
  const project = loadProject(join(FIXTURES, 'basic'));

  it('reads sfdx-project.json', () => {
    expect(project.config.namespace).toBe('');
    expect(project.config.sourceApiVersion).toBe('65.0');
    expect(project.config.packageDirectories).toEqual([
      { path: 'app', default: true, package: 'Fixture' },
      { path: 'extra/src', default: false, package: undefined },
    ]);
  });

  it('finds Apex at any folder depth, with its -meta.xml', () => {
    expect(project.apexClasses).toHaveLength(1);
    const [greeter] = project.apexClasses;
    expect(greeter).toMatchObject({
      name: 'Greeter',
      path: 'app/deep/nested/classes/Greeter.cls',
      metaPath: 'app/deep/nested/classes/Greeter.cls-meta.xml',
      apiVersion: '64.0',
      status: 'Active',
    });
    expect(greeter?.body).toContain("return 'Hello ' + name;");
    expect(project.apexTriggers.map((t) => [t.name, t.status, t.apiVersion])).toEqual([
      ['ChildTrigger', 'Inactive', '65.0'],
    ]);
  });

  it('merges one object folder across package directories (custom fields on Opportunity)', () => {
    const opp = object(project, 'Opportunity');
    expect(opp.kind).toBe('standard');
    expect(opp.definition).toBeUndefined();
    expect(opp.fields.map((f) => f.fullName).sort()).toEqual(['Margin__c', 'Parent__c']);
    expect(field(project, 'Opportunity', 'Margin__c')).toMatchObject({
      type: 'Percent',
      precision: 5,
      scale: 2,
      trackHistory: true,
    });
    expect(field(project, 'Opportunity', 'Parent__c')).toMatchObject({
      type: 'Lookup',
      referenceTo: 'Parent__c',
      relationshipName: 'Opportunities',
      deleteConstraint: 'SetNull',
    });
  });

  it('reads the object definition: name field, sharing, history', () => {
    const parent = object(project, 'Parent__c');
    expect(parent.kind).toBe('custom');
    expect(parent.definition).toMatchObject({
      label: 'Parent',
      pluralLabel: 'Parents',
      sharingModel: 'Read',
      externalSharingModel: 'Private',
      enableHistory: true,
      nameField: { label: 'Parent Name', type: 'Text' },
    });
    expect(object(project, 'Child__c').definition?.nameField).toEqual({
      label: 'Child Number',
      type: 'AutoNumber',
      displayFormat: 'C-{0000}',
      trackHistory: undefined,
    });
  });

  it('reads field attributes: picklists, global value sets, formulas, defaults, master-detail', () => {
    const stage = field(project, 'Parent__c', 'Stage__c');
    expect(stage.required).toBe(true);
    expect(stage.valueSet?.restricted).toBe(true);
    expect(stage.valueSet?.values).toEqual([
      {
        fullName: 'New',
        label: 'New & shiny',
        default: true,
        isActive: true,
        color: undefined,
        description: undefined,
      },
      { fullName: 'Old', label: 'Old', default: false, isActive: false, color: undefined, description: undefined },
    ]);
    const colour = field(project, 'Parent__c', 'Colour__c');
    expect(colour).toMatchObject({ type: 'MultiselectPicklist', visibleLines: 4 });
    expect(colour.valueSet).toMatchObject({ valueSetName: 'Colours', values: [] });
    expect(project.globalValueSets[0]?.values.map((v) => [v.fullName, v.default])).toEqual([
      ['Red', false],
      ['Blue', true],
    ]);
    expect(field(project, 'Parent__c', 'Code__c')).toMatchObject({
      defaultValue: '"P-" & TEXT(YEAR(TODAY()))',
      externalId: true,
      unique: true,
      caseSensitive: false,
      length: 20,
    });
    expect(field(project, 'Parent__c', 'Doubled__c')).toMatchObject({
      formula: 'Total__c * 2',
      formulaTreatBlanksAs: 'BlankAsZero',
    });
    expect(field(project, 'Parent__c', 'Total__c')).toMatchObject({
      type: 'Summary',
      summaryOperation: 'sum',
      summarizedField: 'Child__c.Amount__c',
      summaryForeignKey: 'Child__c.Parent__c',
    });
    expect(field(project, 'Child__c', 'Parent__c')).toMatchObject({
      type: 'MasterDetail',
      referenceTo: 'Parent__c',
      relationshipName: 'Children',
      relationshipOrder: 0,
      reparentableMasterDetail: true,
      writeRequiresMasterRead: true,
    });
  });

  it('reads the object children: sharing reasons, validation rules, record types, list views, compact layouts', () => {
    const parent = object(project, 'Parent__c');
    expect(parent.sharingReasons.map((r) => [r.fullName, r.label])).toEqual([['Team__c', 'Team member']]);
    expect(parent.validationRules).toEqual([
      {
        path: 'app/objects/Parent__c/validationRules/Code_Required.validationRule-meta.xml',
        fullName: 'Code_Required',
        active: true,
        errorConditionFormula: 'ISBLANK(Code__c)',
        errorMessage: 'Code is required.',
        errorDisplayField: 'Code__c',
        description: undefined,
      },
    ]);
    expect(parent.recordTypes[0]).toMatchObject({
      fullName: 'Big',
      active: true,
      picklistValues: [{ picklist: 'Stage__c', values: [{ fullName: 'New', default: true }] }],
    });
    expect(parent.listViews[0]).toMatchObject({ fullName: 'All', columns: ['NAME', 'Stage__c'] });
    expect(parent.compactLayouts[0]).toMatchObject({ fullName: 'Summary', fields: ['Name', 'Stage__c'] });
  });

  it('knows custom settings, platform events and custom metadata types', () => {
    expect(object(project, 'Pref__c').definition?.customSettingsType).toBe('Hierarchy');
    expect(object(project, 'Ping__e')).toMatchObject({
      kind: 'platformEvent',
      definition: { eventType: 'StandardVolume', publishBehavior: 'PublishImmediately' },
    });
    expect(object(project, 'Cfg__mdt').kind).toBe('customMetadata');
  });

  it('reads a custom metadata record with every value type', () => {
    expect(project.customMetadataRecords).toHaveLength(1);
    const [record] = project.customMetadataRecords;
    expect(record).toMatchObject({ type: 'Cfg__mdt', developerName: 'All_Types', label: 'All types', protected: true });
    expect(record?.values).toEqual([
      { field: 'Text__c', xsiType: 'xsd:string', value: '  spaced <b> ' },
      { field: 'Flag__c', xsiType: 'xsd:boolean', value: 'true' },
      { field: 'Ratio__c', xsiType: 'xsd:double', value: '0.1250' },
      { field: 'Count__c', xsiType: 'xsd:int', value: '42' },
      { field: 'Day__c', xsiType: 'xsd:date', value: '2024-02-29' },
      { field: 'At__c', xsiType: 'xsd:dateTime', value: '2024-02-29T13:45:00.000Z' },
      { field: 'Empty__c', xsiType: undefined, value: null },
    ]);
  });

  it('reads static resources: a file body, and a folder recorded as unsupported', () => {
    const greeting = project.staticResources.find((r) => r.name === 'Greeting');
    expect(greeting).toMatchObject({ contentType: 'application/json', cacheControl: 'Public' });
    expect(greeting?.contentPath).toBe('app/staticresources/Greeting.json');
    expect(greeting?.body?.toString('utf8')).toBe('{ "hello": "world" }\n');
    const site = project.staticResources.find((r) => r.name === 'Site');
    expect(site?.body).toBeUndefined();
    expect(site?.contentPath).toBe('app/staticresources/Site');
    expect(site?.unsupported).toMatch(/folder/);
  });

  it('reads queues, roles, groups and permission sets', () => {
    expect(project.queues).toEqual([
      expect.objectContaining({ developerName: 'Triage', label: 'Triage', queueSobjects: ['Case', 'Parent__c'] }),
    ]);
    expect(project.roles[0]).toMatchObject({ developerName: 'CEO', label: 'Chief Executive', parentRole: undefined });
    expect(project.groups[0]).toMatchObject({ developerName: 'Team', label: 'The Team', doesIncludeBosses: true });
    const ps = project.permissionSets[0];
    expect(ps).toMatchObject({ name: 'Parent_Editor', label: 'Parent editor', hasActivationRequired: false });
    expect(ps?.objectPermissions).toEqual([
      {
        object: 'Parent__c',
        allowCreate: true,
        allowRead: true,
        allowEdit: true,
        allowDelete: false,
        viewAllRecords: false,
        modifyAllRecords: false,
        viewAllFields: undefined,
      },
    ]);
    expect(ps?.fieldPermissions).toEqual([{ field: 'Parent__c.Code__c', readable: true, editable: true }]);
    expect(ps?.userPermissions).toEqual([{ name: 'ApiEnabled', enabled: true }]);
  });

  it('reads profiles, sharing rules, standard value sets and custom permissions', () => {
    expect(project.profiles[0]).toMatchObject({
      name: 'Fixture_Profile',
      custom: true,
      userLicense: 'Salesforce',
      fieldPermissions: [{ field: 'Parent__c.Code__c', readable: true, editable: false }],
      recordTypeVisibilities: [{ recordType: 'Parent__c.Big', visible: true, default: true }],
    });
    const [rules] = project.sharingRules;
    expect(rules?.object).toBe('Parent__c');
    expect(rules?.criteriaRules.map((r) => [r.fullName, r.accessLevel, r.sharedTo])).toEqual([
      ['New_Parents', 'Edit', { group: 'Team' }],
    ]);
    expect(project.standardValueSets[0]?.values.map((v) => [v.fullName, v.label, v.default])).toEqual([
      ['Web', 'Web', true],
      ['Agent', 'AI agent', false],
    ]);
    expect(project.customPermissions[0]).toMatchObject({
      name: 'Approve',
      isLicensed: false,
      requiredPermissions: [{ customPermission: 'Other', dependency: true }],
    });
  });

  it('lists what it does not read instead of dropping it, and honours .forceignore', () => {
    expect(project.unknownMetadata).toEqual([
      { path: 'app/flows/Auto_Close.flow-meta.xml', typeGuess: 'Flow' },
      { path: 'app/notes.txt', typeGuess: 'not a metadata file (no metadata type for this file)' },
    ]);
  });
});

describe('loadProject refuses what the CLI would not deploy', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'emulator-project-'));
    cpSync(join(FIXTURES, 'basic'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names file and line of malformed XML', () => {
    const run = () => loadProject(join(FIXTURES, 'malformed'));
    expect(run).toThrow(ProjectLoadError);
    expect(run).toThrow(
      /malformed[/\\]src[/\\]objects[/\\]Thing__c[/\\]fields[/\\]Broken__c\.field-meta\.xml:5:\d+: malformed XML/,
    );
  });

  it('refuses a component defined twice', () => {
    cpSync(join(dir, 'app/groups'), join(dir, 'extra/src/groups'), { recursive: true });
    expect(() => loadProject(dir)).toThrow(/Group Team is already defined by app\/groups\/Team\.group-meta\.xml/);
  });

  it('refuses an Apex class without its -meta.xml', () => {
    rmSync(join(dir, 'app/deep/nested/classes/Greeter.cls-meta.xml'));
    expect(() => loadProject(dir)).toThrow(/ApexClass Greeter has no Greeter\.cls-meta\.xml/);
  });

  it('refuses a field whose root element is not CustomField', () => {
    writeFileSync(
      join(dir, 'app/objects/Parent__c/fields/Code__c.field-meta.xml'),
      '<CustomObject><label>x</label></CustomObject>',
    );
    expect(() => loadProject(dir)).toThrow(
      /Code__c\.field-meta\.xml: expected root element <CustomField>, found <CustomObject>/,
    );
  });

  it('refuses a boolean that is not true or false', () => {
    const file = join(dir, 'app/objects/Parent__c/Parent__c.object-meta.xml');
    writeFileSync(file, '<CustomObject><enableHistory>yes</enableHistory></CustomObject>');
    expect(() => loadProject(dir)).toThrow(/<CustomObject\.enableHistory> must be true or false, got 'yes'/);
  });

  it('refuses a project without sfdx-project.json', () => {
    rmSync(join(dir, 'sfdx-project.json'));
    expect(() => loadProject(dir)).toThrow(/no sfdx-project\.json/);
  });
});

describe('loadProject on this repository (force-app + demo-app)', () => {
  const project = loadProject(REPO);

  it('reads every Apex class and trigger', () => {
    expect(project.apexClasses.length).toBeGreaterThan(50);
    expect(project.apexClasses.find((c) => c.name === 'PolicyEngine')?.apiVersion).toBe('65.0');
    expect(project.apexTriggers.map((t) => t.name).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Trigger$/)]),
    );
  });

  it('reads PlannedAction__c with its sharing reason and unique external id key', () => {
    const pa = object(project, 'PlannedAction__c');
    expect(pa.definition?.sharingModel).toBe('Private');
    expect(pa.definition?.nameField).toMatchObject({ type: 'AutoNumber', displayFormat: 'PA-{00000000}' });
    expect(pa.sharingReasons.map((r) => r.fullName)).toEqual(['ApproverGroup__c']);
    expect(field(project, 'PlannedAction__c', 'IdempotencyKey__c')).toMatchObject({
      type: 'Text',
      length: 255,
      unique: true,
      externalId: true,
      caseSensitive: true,
    });
  });

  it('reads FieldChange__c.Action__c as master-detail', () => {
    expect(field(project, 'FieldChange__c', 'Action__c')).toMatchObject({
      type: 'MasterDetail',
      referenceTo: 'PlannedAction__c',
      relationshipName: 'FieldChanges',
    });
  });

  it('reads the platform event, the custom metadata records and the demo groups', () => {
    expect(object(project, 'ActionStatusChanged__e').definition).toMatchObject({
      eventType: 'HighVolume',
      publishBehavior: 'PublishAfterCommit',
    });
    const policy = project.customMetadataRecords.find((r) => r.developerName === 'Opp_Amount_Change');
    expect(policy?.type).toBe('ActionPolicy__mdt');
    expect(policy?.values).toContainEqual({ field: 'RequiredApprovals__c', xsiType: 'xsd:double', value: '1' });
    expect(project.groups.map((g) => g.developerName).sort()).toEqual([
      'ActionPlane_Approvers',
      'Sales_Managers',
      'Support_Leads',
    ]);
  });

  it('reads labels, permission sets, custom permissions, notification types and names the rest', () => {
    expect(project.customLabels.length).toBeGreaterThan(20);
    expect(project.permissionSets.map((p) => p.name).sort()).toEqual([
      'ActionPlaneTest_Agent_Fields',
      'ActionPlaneTest_Opportunity_NextStep',
      'ActionPlane_Admin',
      'ActionPlane_Agent',
      'ActionPlane_Approver',
      'ActionPlane_Governed_Agent',
      'GovernedTest_Invoice_Access',
    ]);
    const agent = project.permissionSets.find((p) => p.name === 'ActionPlane_Agent');
    expect(agent?.customPermissions).toContainEqual({ name: 'ActionPlane_SubmitActions', enabled: true });
    expect(project.customPermissions.map((c) => c.name).sort()).toEqual([
      'ActionPlane_Administer',
      'ActionPlane_Approve',
      'ActionPlane_Governed',
      'ActionPlane_SubmitActions',
    ]);
    expect(project.customNotificationTypes.map((n) => n.name)).toEqual(['ActionPlaneApprovalRequest']);
    expect(project.staticResources.every((r) => r.body !== undefined && r.contentType === 'application/json')).toBe(
      true,
    );
    expect(project.lwcBundles.map((b) => b.name)).toContain('actionInbox');
    expect(project.genAiFunctions.map((f) => f.name).sort()).toEqual([
      'ActionPlane_Get_Action_Status',
      'ActionPlane_Propose_Record_Create',
      'ActionPlane_Propose_Record_Delete',
      'ActionPlane_Propose_Record_Update',
    ]);
    expect(project.genAiPlugins).toHaveLength(1);
    expect(project.applications.map((a) => a.name)).toEqual(['ActionPlane']);
    expect(project.tabs).toHaveLength(3);
    expect(project.flexipages).toHaveLength(1);
    expect(project.unknownMetadata).toEqual([]);
  });
});
