// Describes of the project's own objects: custom objects, custom settings, custom metadata types, platform events,
// their __Share and __History objects, and custom fields added to standard objects.
//
// Sources: Object Reference "Custom Objects" / "Custom Object __c" (system fields of custom objects), "System
// Fields" (LastViewedDate / LastReferencedDate exist on a custom object only when it has a tab), "Custom Object
// __Share" (share objects: created for objects whose default access is Private or Public Read Only), "Custom
// Object __History"; Metadata API "CustomField" (field types and attributes), "Custom Metadata Types
// (CustomObject)"; Platform Events Developer Guide "Platform Event Fields" (ReplayId, EventUuid, CreatedDate,
// CreatedById).
import { EmulatorUnsupportedError } from '../errors';
import type { CustomFieldMeta, ObjectMeta, ProjectMetadata } from '../project';
import { makeField, parseOverlayField, picklist, type FieldSpec } from './fieldFactory';
import { STANDARD_VALUE_SETS } from './standard/valueSets';
import type { DisplayType, FieldDescribe, PicklistEntry } from './types';

const OR = 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/';
export const CUSTOM_OBJECT_DOCS = [
  `${OR}sforce_api_objects_custom_object__c.htm`,
  `${OR}system_fields.htm`,
  'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm',
];

/** Context the field builder needs from the rest of the schema. */
export interface FieldContext {
  project: ProjectMetadata;
  /** Resolves a field of another object (roll-up summaries take the summarized field's type). */
  fieldOf: (objectName: string, fieldName: string) => FieldDescribe | undefined;
}

const sys = (name: string, notation: string): FieldDescribe => {
  const f = parseOverlayField(name, notation, STANDARD_VALUE_SETS);
  return { ...f, origin: 'system', permissionable: false };
};

/** Metadata API CustomField type → display type, for plain (non-formula) fields. */
const CUSTOM_TYPES: Record<string, DisplayType> = {
  Text: 'STRING',
  TextArea: 'TEXTAREA',
  LongTextArea: 'TEXTAREA',
  Html: 'TEXTAREA',
  EncryptedText: 'ENCRYPTEDSTRING',
  Email: 'EMAIL',
  Phone: 'PHONE',
  Url: 'URL',
  Number: 'DOUBLE',
  Currency: 'CURRENCY',
  Percent: 'PERCENT',
  Checkbox: 'BOOLEAN',
  Date: 'DATE',
  DateTime: 'DATETIME',
  Time: 'TIME',
  Picklist: 'PICKLIST',
  MultiselectPicklist: 'MULTIPICKLIST',
  Lookup: 'REFERENCE',
  MasterDetail: 'REFERENCE',
  MetadataRelationship: 'REFERENCE',
  Hierarchy: 'REFERENCE',
  ExternalLookup: 'REFERENCE',
  IndirectLookup: 'REFERENCE',
  AutoNumber: 'STRING',
  Location: 'LOCATION',
};

/** The picklist values of a field: its own value set, or the global value set it names. */
function picklistValuesOf(meta: CustomFieldMeta, project: ProjectMetadata): PicklistEntry[] {
  const vs = meta.valueSet;
  if (!vs) return [];
  if (vs.valueSetName !== undefined) {
    const global = project.globalValueSets.find((g) => g.name.toLowerCase() === vs.valueSetName?.toLowerCase());
    if (!global)
      throw new EmulatorUnsupportedError(
        `${meta.object}.${meta.fullName} uses global value set ${vs.valueSetName}, which the project does not define`,
      );
    return global.values.map((v) => ({
      value: v.fullName,
      label: v.label,
      active: v.isActive,
      defaultValue: v.default,
    }));
  }
  return vs.values.map((v) => ({ value: v.fullName, label: v.label, active: v.isActive, defaultValue: v.default }));
}

/** One `fields/<Field>.field-meta.xml` as Schema.DescribeFieldResult describes it. */
export function describeCustomField(meta: CustomFieldMeta, ctx: FieldContext): FieldDescribe {
  const where = `${meta.object}.${meta.fullName}`;
  if (meta.type === undefined)
    throw new EmulatorUnsupportedError(`${where}: a field file without <type> (a standard field's customisation)`);
  const isFormula = meta.formula !== undefined;
  const isSummary = meta.type === 'Summary';
  const base: FieldSpec = {
    name: meta.fullName,
    label: meta.label ?? meta.fullName,
    type: 'STRING',
    origin: 'project',
    custom: true,
    inlineHelpText: meta.inlineHelpText,
    trackHistory: meta.trackHistory ?? false,
    externalId: meta.externalId ?? false,
    unique: meta.unique ?? false,
    // caseSensitive applies to unique text fields; the metadata leaves it out otherwise (Metadata API: CustomField).
    caseSensitive: meta.caseSensitive ?? false,
  };

  if (isSummary) return describeSummary(meta, base, ctx);

  const type = CUSTOM_TYPES[meta.type];
  if (type === undefined) throw new EmulatorUnsupportedError(`${where}: custom field type ${meta.type}`);
  const spec: FieldSpec = { ...base, type };
  const required = meta.required ?? false;
  spec.nillable = !required;
  spec.createable = true;
  spec.updateable = true;

  switch (meta.type) {
    case 'Text':
    case 'EncryptedText':
      spec.length = meta.length ?? 255;
      break;
    case 'TextArea':
      // A (short) text area holds 255 characters (Salesforce Help, "Custom Field Types").
      spec.length = 255;
      break;
    case 'LongTextArea':
    case 'Html':
      spec.length = meta.length ?? 32768;
      spec.htmlFormatted = meta.type === 'Html';
      break;
    case 'Email':
      spec.length = 80;
      break;
    case 'Phone':
      spec.length = 40;
      break;
    case 'Url':
      spec.length = 255;
      break;
    case 'Number':
    case 'Currency':
    case 'Percent':
      spec.precision = meta.precision ?? 18;
      spec.scale = meta.scale ?? 0;
      break;
    case 'Checkbox':
      // A checkbox is never null: its default (false unless set) applies on create (Metadata API: CustomField).
      spec.nillable = false;
      spec.defaultedOnCreate = true;
      spec.defaultValue = meta.defaultValue === 'true';
      break;
    case 'Picklist':
    case 'MultiselectPicklist':
      spec.length = meta.type === 'Picklist' ? 255 : 4099;
      spec.picklistValues = picklistValuesOf(meta, ctx.project);
      spec.valueSetName = meta.valueSet?.valueSetName;
      spec.restrictedPicklist = meta.valueSet?.restricted ?? false;
      spec.dependentPicklist = meta.valueSet?.controllingField !== undefined;
      spec.controllerName = meta.valueSet?.controllingField;
      break;
    case 'Lookup':
    case 'MasterDetail':
    case 'MetadataRelationship':
    case 'Hierarchy':
      spec.referenceTo = [meta.type === 'Hierarchy' ? 'User' : (meta.referenceTo ?? '')];
      if (meta.type !== 'Hierarchy' && !meta.referenceTo)
        throw new EmulatorUnsupportedError(`${where}: a relationship without <referenceTo>`);
      // The field's (parent) relationship name is the field name with __r; the metadata <relationshipName> names
      // the child relationship on the target, e.g. FieldChanges__r (Apex Developer Guide, "Relationship Names
      // for Custom Objects and Custom Fields").
      spec.relationshipName = `${meta.fullName.replace(/__c$/i, '')}__r`;
      if (meta.type === 'MasterDetail') {
        spec.isMasterDetail = true;
        spec.nillable = false;
        spec.cascadeDelete = true;
        spec.relationshipOrder = meta.relationshipOrder ?? 0;
        spec.writeRequiresMasterRead = meta.writeRequiresMasterRead ?? false;
        spec.reparentableMasterDetail = meta.reparentableMasterDetail ?? false;
        // A master-detail field can be changed only when reparenting is allowed (Metadata API: reparentableMasterDetail).
        spec.updateable = spec.reparentableMasterDetail;
        spec.permissionable = false;
      } else if (meta.type === 'MetadataRelationship') {
        // A metadata relationship holds text in Apex — the related record's id, or for EntityDefinition /
        // FieldDefinition targets the API name — so the field's Apex type is String (Salesforce Help, "Custom Metadata
        // Relationships"; org describe shows soapType string, as tools generated from it such as Illuminated Cloud's
        // stubs type it).
        spec.apexType = 'String';
        spec.soapType = 'STRING';
      } else if (meta.type === 'Lookup') {
        // deleteConstraint: SetNull (default for optional lookups), Restrict, Cascade (Metadata API: CustomField).
        const constraint = meta.deleteConstraint ?? (required ? 'Restrict' : 'SetNull');
        spec.restrictedDelete = constraint === 'Restrict';
        spec.cascadeDelete = constraint === 'Cascade';
      }
      break;
    case 'AutoNumber':
      // Auto numbers are assigned by the platform and read-only (Object Reference, "API Field Properties": Autonumber).
      spec.length = 30;
      spec.autoNumber = true;
      spec.displayFormat = meta.displayFormat;
      spec.createable = false;
      spec.updateable = false;
      spec.nillable = false;
      spec.defaultedOnCreate = true;
      break;
    case 'Location':
    case 'ExternalLookup':
    case 'IndirectLookup':
      spec.unsupported = `custom field type ${meta.type}`;
      break;
    default:
      break;
  }
  if (meta.type !== 'Checkbox' && meta.defaultValue !== undefined) spec.defaultValueFormula = meta.defaultValue;

  if (isFormula) {
    spec.calculated = true;
    spec.calculatedFormula = meta.formula;
    spec.formulaTreatBlanksAs = meta.formulaTreatBlanksAs;
    spec.createable = false;
    spec.updateable = false;
    spec.defaultValueFormula = undefined;
    // A text formula returns up to 1,300 characters (Salesforce Help, "Formula Field Limits and Restrictions").
    if (type === 'STRING') spec.length = 1300;
    spec.nillable = type !== 'BOOLEAN';
    spec.defaultedOnCreate = type === 'BOOLEAN';
    spec.defaultValue = undefined;
  }
  if (spec.permissionable === undefined) spec.permissionable = !required;
  if (meta.lookupFilter !== undefined) spec.unsupported = `lookup filter on ${where}`;
  if (meta.valueSet?.controllingField !== undefined) spec.unsupported = `dependent picklist ${where}`;
  return makeField(spec);
}

/** Roll-up summary: COUNT is a number (18,0); SUM / MIN / MAX take the summarized field's type. */
function describeSummary(meta: CustomFieldMeta, base: FieldSpec, ctx: FieldContext): FieldDescribe {
  const operation = meta.summaryOperation ?? 'count';
  const spec: FieldSpec = {
    ...base,
    type: 'DOUBLE',
    precision: 18,
    scale: 0,
    calculated: true,
    nillable: true,
    summary: { operation, summarizedField: meta.summarizedField, foreignKey: meta.summaryForeignKey },
  };
  if (operation !== 'count') {
    const [obj, field] = (meta.summarizedField ?? '').split('.');
    const summarized = obj && field ? ctx.fieldOf(obj, field) : undefined;
    if (!summarized)
      throw new EmulatorUnsupportedError(
        `${meta.object}.${meta.fullName}: roll-up summary of ${meta.summarizedField ?? '(none)'}`,
      );
    spec.type = summarized.type;
    spec.precision = summarized.precision;
    spec.scale = summarized.scale;
  }
  return makeField(spec);
}

export interface SystemFieldOptions {
  objectName: string;
  hasOwner: boolean;
  nameField: { label: string; autoNumber: boolean; displayFormat: string | undefined } | undefined;
  hasRecordTypes: boolean;
  hasActivities: boolean;
  hasTab: boolean;
}

/** The fields the platform adds to every custom object (Object Reference, "Custom Object __c"). */
export function customObjectSystemFields(o: SystemFieldOptions): FieldDescribe[] {
  const fields: FieldDescribe[] = [sys('Id', 'ID dc idl label=Record_ID')];
  if (o.hasOwner) fields.push(sys('OwnerId', 'REFERENCE(Group|User) cu dc rel=Owner label=Owner_ID'));
  fields.push(sys('IsDeleted', 'BOOLEAN dc label=Deleted'));
  if (o.nameField) {
    const label = o.nameField.label.replace(/ /g, '_');
    // A text Name may be left out on create: the org then stores the record Id as its name, and describe reports
    // it nillable and defaulted on create (org behaviour as known; not stated on the Object Reference page, so
    // pinned as a doc question in the emulator notes). An auto-number Name is assigned by the platform.
    const f = o.nameField.autoNumber
      ? sys('Name', `STRING(30) dc auto name idl label=${label}`)
      : sys('Name', `STRING(80) cu nil dc name idl label=${label}`);
    fields.push({ ...f, displayFormat: o.nameField.displayFormat, permissionable: false });
  }
  if (o.hasRecordTypes)
    fields.push(sys('RecordTypeId', 'REFERENCE(RecordType) cu nil rel=RecordType label=Record_Type_ID'));
  fields.push(
    sys('CreatedDate', 'DATETIME dc label=Created_Date'),
    sys('CreatedById', 'REFERENCE(User) dc rel=CreatedBy label=Created_By_ID'),
    sys('LastModifiedDate', 'DATETIME dc label=Last_Modified_Date'),
    sys('LastModifiedById', 'REFERENCE(User) dc rel=LastModifiedBy label=Last_Modified_By_ID'),
    sys('SystemModstamp', 'DATETIME dc label=System_Modstamp'),
  );
  if (o.hasActivities) fields.push(sys('LastActivityDate', 'DATE nil label=Last_Activity_Date'));
  // Object Reference, "System Fields": these two exist on a custom object only when it has a tab.
  if (o.hasTab)
    fields.push(
      sys('LastViewedDate', 'DATETIME nil label=Last_Viewed_Date'),
      sys('LastReferencedDate', 'DATETIME nil label=Last_Referenced_Date'),
    );
  return fields;
}

/** Custom settings (Apex Developer Guide, "Custom Settings"; Object Reference "Custom Object __c"). */
export function customSettingSystemFields(hierarchy: boolean): FieldDescribe[] {
  return [
    sys('Id', 'ID dc idl label=Record_ID'),
    sys('IsDeleted', 'BOOLEAN dc label=Deleted'),
    // The Name of a custom setting record holds 38 characters (Salesforce Help, "Custom Settings Limits"). A list
    // setting's data sets are known by Name (getAll() maps names to records), so Name is unique there; a
    // hierarchy setting holds one record per organization, profile or user, so SetupOwnerId is unique (an org
    // answers a second one with DUPLICATE_VALUE "duplicate value found: SetupOwnerId duplicates value on record
    // with id: …").
    sys('Name', `STRING(38) cu ${hierarchy ? 'nil' : 'uniq'} name idl label=Name`),
    ...(hierarchy
      ? [sys('SetupOwnerId', 'REFERENCE(Organization|Profile|User) cu uniq rel=SetupOwner label=Location')]
      : []),
    sys('CreatedDate', 'DATETIME dc'),
    sys('CreatedById', 'REFERENCE(User) dc rel=CreatedBy'),
    sys('LastModifiedDate', 'DATETIME dc'),
    sys('LastModifiedById', 'REFERENCE(User) dc rel=LastModifiedBy'),
    sys('SystemModstamp', 'DATETIME dc'),
  ];
}

/**
 * Custom metadata types: DeveloperName, MasterLabel, Label, Language, NamespacePrefix, QualifiedApiName, and the
 * audit fields, which "remain non-editable" (Metadata API, "Custom Metadata Types (CustomObject)"). Records are
 * read-only to Apex DML.
 */
export function customMetadataSystemFields(): FieldDescribe[] {
  return [
    sys('Id', 'ID dc idl'),
    sys('DeveloperName', 'STRING(40) idl label=Custom_Metadata_Record_Name'),
    sys('MasterLabel', 'STRING(40) name label=Label'),
    sys('Language', 'PICKLIST(40) restricted incomplete vs=LanguageLocaleKey'),
    sys('NamespacePrefix', 'STRING(15) nil label=Namespace_Prefix'),
    sys('Label', 'STRING(40) label=Label'),
    sys('QualifiedApiName', 'STRING(70) idl label=Qualified_API_Name'),
    sys('CreatedDate', 'DATETIME dc'),
    sys('CreatedById', 'REFERENCE(User) dc rel=CreatedBy'),
    sys('LastModifiedDate', 'DATETIME dc'),
    sys('LastModifiedById', 'REFERENCE(User) dc rel=LastModifiedBy'),
    sys('SystemModstamp', 'DATETIME dc'),
  ];
}

/** Platform events (Platform Events Developer Guide, "Platform Event Fields"). */
export function platformEventSystemFields(): FieldDescribe[] {
  return [
    sys('ReplayId', 'STRING(255) nil label=Replay_ID'),
    sys('EventUuid', 'STRING(36) nil label=Event_UUID'),
    sys('CreatedDate', 'DATETIME dc label=Created_Date'),
    sys('CreatedById', 'REFERENCE(User) dc rel=CreatedBy label=Created_By_ID'),
  ];
}

/**
 * `<Object>__Share` (Object Reference, "Custom Object __Share"): AccessLevel Read | Edit (All is the owner's row,
 * set by the platform), RowCause Owner | Manual | Rule | ImplicitChild … plus the object's Apex sharing reasons.
 */
export function customShareFields(parentName: string, reasons: { name: string; label: string }[]): FieldDescribe[] {
  const rowCauses = picklist([
    ['Owner', { label: 'Owner' }],
    ['Manual', { label: 'Manual Sharing', defaultValue: true }],
    ['Rule', { label: 'Sharing Rule' }],
    ['ImplicitChild', { label: 'Associated record owner or sharing' }],
    ...reasons.map((r): [string, Partial<PicklistEntry>] => [r.name, { label: r.label }]),
  ]);
  const accessLevel = picklist([
    ['Read', { label: 'Read Only' }],
    ['Edit', { label: 'Read/Write' }],
    ['All', { label: 'Full Access' }],
  ]);
  return [
    sys('Id', 'ID dc idl label=Share_ID'),
    sys('ParentId', `REFERENCE(${parentName}) c rel=Parent label=Parent_ID`),
    sys('UserOrGroupId', 'REFERENCE(Group|User) c rel=UserOrGroup label=User/Group_ID'),
    { ...sys('AccessLevel', 'PICKLIST(40) cu restricted label=Access_Level'), picklistValues: accessLevel },
    { ...sys('RowCause', 'PICKLIST(40) c nil dc restricted label=Row_Cause'), picklistValues: rowCauses },
    sys('LastModifiedDate', 'DATETIME dc'),
    sys('LastModifiedById', 'REFERENCE(User) dc rel=LastModifiedBy'),
    sys('IsDeleted', 'BOOLEAN dc'),
  ];
}

/** `<Object>__History` (Object Reference, "Custom Object __History"), for objects with field history enabled. */
export function customHistoryFields(parentName: string): FieldDescribe[] {
  return [
    sys('Id', 'ID dc idl'),
    sys('IsDeleted', 'BOOLEAN dc'),
    sys('ParentId', `REFERENCE(${parentName}) rel=Parent`),
    sys('CreatedById', 'REFERENCE(User) dc rel=CreatedBy'),
    sys('CreatedDate', 'DATETIME dc'),
    sys('Field', 'PICKLIST(255) restricted incomplete'),
    sys('DataType', 'PICKLIST(40) nil restricted incomplete'),
    sys('OldValue', 'ANYTYPE nil'),
    sys('NewValue', 'ANYTYPE nil'),
  ];
}

/** Whether an object folder's object is the detail of a master-detail (then it has no owner). */
export function isDetailObject(obj: ObjectMeta): boolean {
  return obj.fields.some((f) => f.type === 'MasterDetail');
}
