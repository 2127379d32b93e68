// Readers for an object folder (`objects/<Obj>/`): the CustomObject definition and its decomposed children
// (Metadata API Developer Guide: CustomObject, CustomField, ListView, CompactLayout, ValidationRule, RecordType,
// SharingReason).
import type {
  CompactLayoutMeta,
  CustomFieldMeta,
  FieldSetMeta,
  ListViewMeta,
  ObjectDefinitionMeta,
  ObjectNameKind,
  PicklistValueMeta,
  RecordTypeMeta,
  SharingReasonMeta,
  ValidationRuleMeta,
  ValueSetMeta,
} from './types';
import { ProjectLoadError, type XmlElement } from './xml';

/** The object kind an API name's suffix gives (Object Reference: "Custom Objects"; Metadata API: CustomObject). */
export function objectNameKind(name: string): ObjectNameKind {
  if (/__mdt$/i.test(name)) return 'customMetadata';
  if (/__e$/i.test(name)) return 'platformEvent';
  if (/__b$/i.test(name)) return 'bigObject';
  if (/__x$/i.test(name)) return 'externalObject';
  if (/__ChangeEvent$/i.test(name)) return 'changeEvent';
  if (/__kav$/i.test(name)) return 'knowledge';
  if (/__c$/i.test(name)) return 'custom';
  return 'standard';
}

/** Checks that a `<fullName>` element, when present, names the same component as the file. */
function checkFullName(el: XmlElement, expected: string): void {
  const fullName = el.text('fullName');
  if (fullName !== undefined && fullName !== expected && !fullName.endsWith(`.${expected}`))
    throw new ProjectLoadError(el.file, `<fullName>${fullName}</fullName> does not match the file name (${expected})`);
}

export function readObjectDefinition(el: XmlElement, path: string): ObjectDefinitionMeta {
  const nameField = el.child('nameField');
  return {
    path,
    label: el.text('label'),
    pluralLabel: el.text('pluralLabel'),
    description: el.text('description'),
    nameField: nameField && {
      label: nameField.text('label'),
      type: nameField.requiredText('type'),
      displayFormat: nameField.text('displayFormat'),
      trackHistory: nameField.bool('trackHistory'),
    },
    deploymentStatus: el.text('deploymentStatus'),
    sharingModel: el.text('sharingModel'),
    externalSharingModel: el.text('externalSharingModel'),
    visibility: el.text('visibility'),
    enableActivities: el.bool('enableActivities'),
    enableHistory: el.bool('enableHistory'),
    enableFeeds: el.bool('enableFeeds'),
    enableReports: el.bool('enableReports'),
    enableSearch: el.bool('enableSearch'),
    enableSharing: el.bool('enableSharing'),
    enableBulkApi: el.bool('enableBulkApi'),
    enableStreamingApi: el.bool('enableStreamingApi'),
    customSettingsType: el.text('customSettingsType'),
    eventType: el.text('eventType'),
    publishBehavior: el.text('publishBehavior'),
    raw: el.raw(),
  };
}

export function readPicklistValue(v: XmlElement): PicklistValueMeta {
  const fullName = v.requiredText('fullName');
  return {
    fullName,
    // The label defaults to the API name when the XML leaves it out (Metadata API: CustomValue.label).
    label: v.text('label') ?? fullName,
    default: v.bool('default') ?? false,
    isActive: v.bool('isActive') ?? true,
    color: v.text('color'),
    description: v.text('description'),
  };
}

function readValueSet(el: XmlElement): ValueSetMeta {
  const definition = el.child('valueSetDefinition');
  return {
    restricted: el.bool('restricted'),
    valueSetName: el.text('valueSetName'),
    sorted: definition?.bool('sorted'),
    values: (definition?.children('value') ?? []).map(readPicklistValue),
    controllingField: el.text('controllingField'),
    valueSettings: el.children('valueSettings').map((s) => s.raw()),
  };
}

export function readField(el: XmlElement, object: string, fullName: string, path: string): CustomFieldMeta {
  checkFullName(el, fullName);
  const valueSet = el.child('valueSet');
  if (el.has('picklist'))
    throw new ProjectLoadError(el.file, '<picklist> is the pre-API-38 picklist format; use <valueSet>');
  return {
    path,
    object,
    fullName,
    type: el.text('type'),
    label: el.text('label'),
    description: el.text('description'),
    inlineHelpText: el.text('inlineHelpText'),
    length: el.int('length'),
    precision: el.int('precision'),
    scale: el.int('scale'),
    required: el.bool('required'),
    unique: el.bool('unique'),
    externalId: el.bool('externalId'),
    caseSensitive: el.bool('caseSensitive'),
    defaultValue: el.text('defaultValue'),
    formula: el.text('formula'),
    formulaTreatBlanksAs: el.text('formulaTreatBlanksAs'),
    valueSet: valueSet && readValueSet(valueSet),
    referenceTo: el.text('referenceTo'),
    relationshipName: el.text('relationshipName'),
    relationshipLabel: el.text('relationshipLabel'),
    deleteConstraint: el.text('deleteConstraint'),
    relationshipOrder: el.int('relationshipOrder'),
    writeRequiresMasterRead: el.bool('writeRequiresMasterRead'),
    reparentableMasterDetail: el.bool('reparentableMasterDetail'),
    visibleLines: el.int('visibleLines'),
    displayFormat: el.text('displayFormat'),
    trackHistory: el.bool('trackHistory'),
    trackTrending: el.bool('trackTrending'),
    trackFeedHistory: el.bool('trackFeedHistory'),
    summaryOperation: el.text('summaryOperation'),
    summarizedField: el.text('summarizedField'),
    summaryForeignKey: el.text('summaryForeignKey'),
    fieldManageability: el.text('fieldManageability'),
    lookupFilter: el.child('lookupFilter')?.raw(),
    raw: el.raw(),
  };
}

export function readListView(el: XmlElement, fullName: string, path: string): ListViewMeta {
  checkFullName(el, fullName);
  return {
    path,
    fullName,
    label: el.text('label'),
    filterScope: el.text('filterScope'),
    columns: el.texts('columns'),
    raw: el.raw(),
  };
}

export function readCompactLayout(el: XmlElement, fullName: string, path: string): CompactLayoutMeta {
  checkFullName(el, fullName);
  return { path, fullName, label: el.text('label'), fields: el.texts('fields') };
}

export function readValidationRule(el: XmlElement, fullName: string, path: string): ValidationRuleMeta {
  checkFullName(el, fullName);
  return {
    path,
    fullName,
    active: el.bool('active') ?? false,
    errorConditionFormula: el.requiredText('errorConditionFormula'),
    errorMessage: el.requiredText('errorMessage'),
    errorDisplayField: el.text('errorDisplayField'),
    description: el.text('description'),
  };
}

export function readRecordType(el: XmlElement, fullName: string, path: string): RecordTypeMeta {
  checkFullName(el, fullName);
  return {
    path,
    fullName,
    label: el.text('label'),
    active: el.bool('active') ?? false,
    description: el.text('description'),
    businessProcess: el.text('businessProcess'),
    picklistValues: el.children('picklistValues').map((p) => ({
      picklist: p.requiredText('picklist'),
      values: p
        .children('values')
        .map((v) => ({ fullName: v.requiredText('fullName'), default: v.bool('default') ?? false })),
    })),
  };
}

export function readFieldSet(el: XmlElement, fullName: string, path: string): FieldSetMeta {
  checkFullName(el, fullName);
  return {
    path,
    fullName,
    label: el.text('label'),
    description: el.text('description'),
    displayedFields: el
      .children('displayedFields')
      .map((f) => ({ field: f.requiredText('field'), isRequired: f.bool('isRequired') ?? false })),
  };
}

export function readSharingReason(el: XmlElement, fullName: string, path: string): SharingReasonMeta {
  checkFullName(el, fullName);
  return { path, fullName, label: el.text('label') };
}
