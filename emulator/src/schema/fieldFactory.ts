// Building FieldDescribe records: the attributes that follow from a field's display type (SOAP type, Apex type,
// byte length, filter / sort / group), and a small notation for the hand-written standard-object overlay.
//
// Sources: Apex Reference "DisplayType Enum", "SoapType Enum", "DescribeFieldResult Class"; Object Reference
// "Field Types" (primitive data types) and "API Field Properties" (Create, Update, Filter, Group, Sort, Nillable,
// Defaulted on create, idLookup …).
import { EmulatorUnsupportedError } from '../errors';
import type { ApexFieldType, DisplayType, FieldDescribe, FieldOrigin, PicklistEntry, SoapType } from './types';

/** SOAP type of each display type (Object Reference, "Field Types": the XML schema type of each field type). */
const SOAP_TYPE: Record<DisplayType, SoapType> = {
  ADDRESS: 'ADDRESS',
  ANYTYPE: 'ANYTYPE',
  BASE64: 'BASE64BINARY',
  BOOLEAN: 'BOOLEAN',
  COMBOBOX: 'STRING',
  COMPLEXVALUE: 'ANYTYPE',
  CURRENCY: 'DOUBLE',
  DATACATEGORYGROUPREFERENCE: 'STRING',
  DATE: 'DATE',
  DATETIME: 'DATETIME',
  DOUBLE: 'DOUBLE',
  EMAIL: 'STRING',
  ENCRYPTEDSTRING: 'STRING',
  ID: 'ID',
  INTEGER: 'INTEGER',
  JSON: 'JSON',
  LOCATION: 'LOCATION',
  LONG: 'LONG',
  MULTIPICKLIST: 'STRING',
  PERCENT: 'DOUBLE',
  PHONE: 'STRING',
  PICKLIST: 'STRING',
  REFERENCE: 'ID',
  SOBJECT: 'ANYTYPE',
  STRING: 'STRING',
  TEXTAREA: 'STRING',
  TIME: 'TIME',
  URL: 'STRING',
};

/**
 * Apex type of a field's value. Currency, percent and number fields are Decimal on SObjects (Apex Developer Guide,
 * "Primitive Data Types": "Decimal … Currency fields are automatically assigned the type Decimal"; the API 65 type
 * jar types every number field Decimal).
 */
const APEX_TYPE: Record<DisplayType, ApexFieldType> = {
  ADDRESS: 'Address',
  ANYTYPE: 'Object',
  BASE64: 'Blob',
  BOOLEAN: 'Boolean',
  COMBOBOX: 'String',
  COMPLEXVALUE: 'Object',
  CURRENCY: 'Decimal',
  DATACATEGORYGROUPREFERENCE: 'String',
  DATE: 'Date',
  DATETIME: 'Datetime',
  DOUBLE: 'Decimal',
  EMAIL: 'String',
  ENCRYPTEDSTRING: 'String',
  ID: 'Id',
  INTEGER: 'Integer',
  JSON: 'String',
  LOCATION: 'Location',
  LONG: 'Long',
  MULTIPICKLIST: 'String',
  PERCENT: 'Decimal',
  PHONE: 'String',
  PICKLIST: 'String',
  REFERENCE: 'Id',
  SOBJECT: 'Object',
  STRING: 'String',
  TEXTAREA: 'String',
  TIME: 'Time',
  URL: 'String',
};

const TEXT_TYPES = new Set<DisplayType>([
  'STRING',
  'TEXTAREA',
  'PICKLIST',
  'MULTIPICKLIST',
  'COMBOBOX',
  'EMAIL',
  'PHONE',
  'URL',
  'ENCRYPTEDSTRING',
]);
const NUMBER_TYPES = new Set<DisplayType>(['CURRENCY', 'DOUBLE', 'PERCENT', 'INTEGER', 'LONG']);
/** Types SOQL can GROUP BY (SOQL and SOSL Reference, "GROUP BY": not double, currency, percent, datetime, textarea …). */
const GROUPABLE = new Set<DisplayType>([
  'STRING',
  'PICKLIST',
  'COMBOBOX',
  'EMAIL',
  'PHONE',
  'URL',
  'BOOLEAN',
  'DATE',
  'ID',
  'REFERENCE',
  'INTEGER',
  'LONG',
]);

export function soapTypeOf(type: DisplayType): SoapType {
  return SOAP_TYPE[type];
}

export function apexTypeOf(type: DisplayType): ApexFieldType {
  return APEX_TYPE[type];
}

export interface FieldSpec extends Partial<Omit<FieldDescribe, 'name' | 'type'>> {
  name: string;
  type: DisplayType;
  origin: FieldOrigin;
}

/** A field with every attribute filled: what `spec` says, else what its type implies. */
export function makeField(spec: FieldSpec): FieldDescribe {
  const { type } = spec;
  const length = spec.length ?? (type === 'ID' || type === 'REFERENCE' ? 18 : 0);
  const longText = type === 'TEXTAREA' && length > 255;
  const html = spec.htmlFormatted ?? false;
  const unqueryableShape = longText || html || type === 'BASE64' || type === 'ADDRESS' || type === 'LOCATION';
  const filterable = spec.filterable ?? (!unqueryableShape && type !== 'ENCRYPTEDSTRING' && type !== 'ANYTYPE');
  const sortable = spec.sortable ?? (filterable && type !== 'MULTIPICKLIST');
  const groupable = spec.groupable ?? (filterable && GROUPABLE.has(type));
  const nillable = spec.nillable ?? true;
  const createable = spec.createable ?? false;
  const updateable = spec.updateable ?? false;
  return {
    name: spec.name,
    label: spec.label ?? spec.name,
    type,
    soapType: spec.soapType ?? soapTypeOf(type),
    apexType: spec.apexType ?? apexTypeOf(type),
    length,
    // Byte length is three bytes per character for text (UTF-8) and 18 for Ids (Object Reference, "Field Types").
    byteLength: spec.byteLength ?? (TEXT_TYPES.has(type) ? length * 3 : type === 'ID' || type === 'REFERENCE' ? 18 : 0),
    precision: spec.precision ?? 0,
    scale: spec.scale ?? 0,
    digits: spec.digits ?? 0,
    nillable,
    defaultedOnCreate: spec.defaultedOnCreate ?? false,
    defaultValueFormula: spec.defaultValueFormula,
    defaultValue: spec.defaultValue,
    createable,
    updateable,
    calculated: spec.calculated ?? false,
    calculatedFormula: spec.calculatedFormula,
    formulaTreatBlanksAs: spec.formulaTreatBlanksAs,
    summary: spec.summary,
    autoNumber: spec.autoNumber ?? false,
    displayFormat: spec.displayFormat,
    externalId: spec.externalId ?? false,
    unique: spec.unique ?? false,
    caseSensitive: spec.caseSensitive ?? false,
    idLookup: spec.idLookup ?? (type === 'ID' || (spec.externalId ?? false)),
    nameField: spec.nameField ?? false,
    custom: spec.custom ?? false,
    restrictedPicklist: spec.restrictedPicklist ?? false,
    dependentPicklist: spec.dependentPicklist ?? false,
    controllerName: spec.controllerName,
    htmlFormatted: html,
    encrypted: spec.encrypted ?? type === 'ENCRYPTEDSTRING',
    sortable,
    filterable,
    groupable,
    aggregatable: spec.aggregatable ?? (sortable && type !== 'BOOLEAN'),
    picklistValues: spec.picklistValues ?? [],
    picklistComplete: spec.picklistComplete ?? true,
    valueSetName: spec.valueSetName,
    referenceTo: spec.referenceTo ?? [],
    relationshipName: spec.relationshipName,
    relationshipOrder: spec.relationshipOrder,
    cascadeDelete: spec.cascadeDelete ?? false,
    restrictedDelete: spec.restrictedDelete ?? false,
    writeRequiresMasterRead: spec.writeRequiresMasterRead ?? false,
    reparentableMasterDetail: spec.reparentableMasterDetail ?? false,
    isMasterDetail: spec.isMasterDetail ?? false,
    namePointing: spec.namePointing ?? false,
    permissionable: spec.permissionable ?? (nillable && (createable || updateable) && spec.origin !== 'system'),
    compoundFieldName: spec.compoundFieldName,
    inlineHelpText: spec.inlineHelpText,
    trackHistory: spec.trackHistory ?? false,
    origin: spec.origin,
    partial: spec.partial ?? false,
    ...(spec.partial === true && spec.knownAttributes !== undefined ? { knownAttributes: spec.knownAttributes } : {}),
    ...(spec.unknownAttributes !== undefined ? { unknownAttributes: spec.unknownAttributes } : {}),
    unsupported: spec.unsupported,
  };
}

/**
 * Throws EmulatorUnsupportedError when a field's attribute is not known (a jar-only field), or when the emulator
 * does not model the field's type. The data engine calls it before enforcing length, nillability, createability …
 */
export function requireKnown(objectName: string, field: FieldDescribe, attribute: keyof FieldDescribe): void {
  if (field.unsupported !== undefined)
    throw new EmulatorUnsupportedError(`${objectName}.${field.name}: ${field.unsupported}`);
  if (!attributeKnown(field, attribute))
    throw new EmulatorUnsupportedError(
      field.knownAttributes === undefined && field.unknownAttributes === undefined
        ? `${objectName}.${field.name}.${attribute} (the emulator knows only this standard field's name and Apex type)`
        : `${objectName}.${field.name}.${attribute} (not documented for this standard field)`,
    );
}

/**
 * Whether a field's attribute is known: every attribute of a complete field; of a partial (jar-only) field only those
 * its `knownAttributes` lists (documented Properties of a field whose size the references do not give); never one its
 * `unknownAttributes` lists.
 */
export function attributeKnown(field: FieldDescribe, attribute: keyof FieldDescribe): boolean {
  if (field.unknownAttributes?.has(attribute) === true) return false;
  return !field.partial || field.knownAttributes?.has(attribute) === true;
}

/** Whether a display type holds numbers (for defaults and validation). */
export function isNumberType(type: DisplayType): boolean {
  return NUMBER_TYPES.has(type);
}

/** Picklist entries from values (first default wins as in the org's value set). */
export function picklist(values: (string | [string, Partial<PicklistEntry>])[]): PicklistEntry[] {
  return values.map((v) => {
    const [value, extra] = typeof v === 'string' ? [v, {}] : v;
    return {
      value,
      label: extra.label ?? value,
      active: extra.active ?? true,
      defaultValue: extra.defaultValue ?? false,
      ...(extra.facts ? { facts: extra.facts } : {}),
    };
  });
}

/**
 * The overlay notation: `TYPE[(n)|(p,s)|(A|B)] flag flag key=value …`.
 * - `STRING(120)` length; `CURRENCY(18,2)` precision, scale; `INTEGER(9)` digits; `REFERENCE(Group|User)` targets.
 * - `c` createable, `u` updateable, `cu` both; `nil` nillable (absent: not nillable); `dc` defaulted on create;
 *   `name` name field; `idl` idLookup; `ext` external id; `uniq` unique; `cs` case sensitive; `calc` calculated;
 *   `auto` auto number; `restricted` restricted picklist; `casc` cascade delete; `rdel` restricted delete;
 *   `md` master-detail; `np` name-pointing; `html` HTML formatted; `incomplete` picklist values listed in part; `noperm` not permissionable; `perm` permissionable.
 * - `rel=Owner` relationship name; `vs=OpportunityStage` standard value set; `compound=BillingAddress`;
 *   `label=Account_Name` (underscores stand for spaces); `default=false` literal default; `fmt={00000000}` the display
 *   format of an auto number.
 */
export function parseOverlayField(
  name: string,
  notation: string,
  valueSets: Record<string, PicklistEntry[]>,
): FieldDescribe {
  const [head = '', ...flags] = notation.trim().split(/\s+/);
  const m = /^([A-Z0-9]+)(?:\(([^)]*)\))?$/.exec(head);
  if (!m) throw new Error(`overlay ${name}: bad type '${head}'`);
  const type = m[1] as DisplayType;
  if (!(type in SOAP_TYPE)) throw new Error(`overlay ${name}: unknown display type ${type}`);
  const args = m[2];
  const spec: FieldSpec = { name, type, origin: 'overlay', nillable: false };
  if (args !== undefined) {
    if (type === 'REFERENCE') spec.referenceTo = args.split('|');
    else if (isNumberType(type) && type !== 'INTEGER' && type !== 'LONG') {
      const [p, s] = args.split(',');
      spec.precision = Number(p);
      spec.scale = Number(s ?? 0);
    } else if (type === 'INTEGER' || type === 'LONG') spec.digits = Number(args);
    else spec.length = Number(args);
  }
  for (const flag of flags) {
    const [key = '', value] = flag.split('=');
    switch (key) {
      case 'c':
        spec.createable = true;
        break;
      case 'u':
        spec.updateable = true;
        break;
      case 'cu':
        spec.createable = true;
        spec.updateable = true;
        break;
      case 'nil':
        spec.nillable = true;
        break;
      case 'dc':
        spec.defaultedOnCreate = true;
        break;
      case 'name':
        spec.nameField = true;
        break;
      case 'idl':
        spec.idLookup = true;
        break;
      case 'ext':
        spec.externalId = true;
        break;
      case 'uniq':
        spec.unique = true;
        break;
      case 'cs':
        spec.caseSensitive = true;
        break;
      case 'calc':
        spec.calculated = true;
        break;
      case 'auto':
        spec.autoNumber = true;
        break;
      case 'restricted':
        spec.restrictedPicklist = true;
        break;
      case 'casc':
        spec.cascadeDelete = true;
        break;
      case 'rdel':
        spec.restrictedDelete = true;
        break;
      case 'md':
        spec.isMasterDetail = true;
        break;
      case 'np':
        spec.namePointing = true;
        break;
      case 'incomplete':
        spec.picklistComplete = false;
        break;
      case 'html':
        spec.htmlFormatted = true;
        break;
      case 'noperm':
        spec.permissionable = false;
        break;
      case 'perm':
        spec.permissionable = true;
        break;
      case 'rel':
        spec.relationshipName = value;
        break;
      case 'compound':
        spec.compoundFieldName = value;
        break;
      case 'label':
        spec.label = value?.replace(/_/g, ' ');
        break;
      case 'fmt':
        spec.displayFormat = value;
        break;
      case 'default':
        spec.defaultValue = value === 'true' ? true : value === 'false' ? false : value;
        break;
      case 'vs': {
        const values = value === undefined ? undefined : valueSets[value];
        if (!values) throw new Error(`overlay ${name}: unknown value set ${value}`);
        spec.picklistValues = values;
        break;
      }
      default:
        throw new Error(`overlay ${name}: unknown flag '${flag}'`);
    }
  }
  if (type === 'BOOLEAN' && spec.defaultValue === undefined && spec.defaultedOnCreate) spec.defaultValue = false;
  return makeField(spec);
}
