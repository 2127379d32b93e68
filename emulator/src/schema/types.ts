// The describe model of the org schema: what `Schema.DescribeSObjectResult` and `Schema.DescribeFieldResult`
// return, in the emulator's own types (Apex Reference: "DescribeSObjectResult Class", "DescribeFieldResult Class",
// "DisplayType Enum", "SoapType Enum"; Object Reference: "API Field Properties").

/** Schema.DisplayType enum names (Apex Reference: "DisplayType Enum"). */
export type DisplayType =
  | 'ADDRESS'
  | 'ANYTYPE'
  | 'BASE64'
  | 'BOOLEAN'
  | 'COMBOBOX'
  | 'COMPLEXVALUE'
  | 'CURRENCY'
  | 'DATACATEGORYGROUPREFERENCE'
  | 'DATE'
  | 'DATETIME'
  | 'DOUBLE'
  | 'EMAIL'
  | 'ENCRYPTEDSTRING'
  | 'ID'
  | 'INTEGER'
  | 'JSON'
  | 'LOCATION'
  | 'LONG'
  | 'MULTIPICKLIST'
  | 'PERCENT'
  | 'PHONE'
  | 'PICKLIST'
  | 'REFERENCE'
  | 'SOBJECT'
  | 'STRING'
  | 'TEXTAREA'
  | 'TIME'
  | 'URL';

/** Schema.SoapType enum names (Apex Reference: "SoapType Enum"). */
export type SoapType =
  | 'ADDRESS'
  | 'ANYTYPE'
  | 'BASE64BINARY'
  | 'BOOLEAN'
  | 'DATE'
  | 'DATETIME'
  | 'DOUBLE'
  | 'ID'
  | 'INTEGER'
  | 'JSON'
  | 'LOCATION'
  | 'LONG'
  | 'STRING'
  | 'TIME';

/** The Apex type of the field's value on an SObject (what `record.get(field)` holds). */
export type ApexFieldType =
  | 'Id'
  | 'String'
  | 'Boolean'
  | 'Integer'
  | 'Long'
  | 'Decimal'
  | 'Double'
  | 'Date'
  | 'Datetime'
  | 'Time'
  | 'Blob'
  | 'Object'
  | 'Address'
  | 'Location'
  | 'List<String>';

/** Extra facts some standard picklist values carry (OpportunityStage, CaseStatus, LeadStatus, TaskStatus …). */
export interface PicklistValueFacts {
  /** OpportunityStage.DefaultProbability. */
  probability?: number;
  isWon?: boolean;
  isClosed?: boolean;
  /** OpportunityStage.ForecastCategoryName. */
  forecastCategory?: string;
  /** LeadStatus.IsConverted. */
  isConverted?: boolean;
  /** TaskPriority / CasePriority. */
  isHighPriority?: boolean;
}

/** Schema.PicklistEntry (Apex Reference: "PicklistEntry Class"). */
export interface PicklistEntry {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
  facts?: PicklistValueFacts;
}

/** Where a field's description came from. */
export type FieldOrigin =
  /** The project's `fields/*.field-meta.xml`. */
  | 'project'
  /** A field the platform adds to every object of a kind (Id, CreatedDate, OwnerId …). */
  | 'system'
  /** The standard-object overlay (reviewed against the Object Reference). */
  | 'overlay'
  /** The API 65 type jar only: name and Apex type are known, the other attributes are not. */
  | 'jar';

export interface FieldDescribe {
  /** API name in its canonical case. */
  name: string;
  label: string;
  /**
   * True when the org's label of this standard field is not known to the emulator (no overlay label and not in the
   * Field Reference tables of schema/standard/fieldLabels.ts): `label` then holds the API name and describe
   * getLabel() fails loudly.
   */
  labelUnknown?: boolean;
  type: DisplayType;
  soapType: SoapType;
  apexType: ApexFieldType;
  length: number;
  byteLength: number;
  precision: number;
  scale: number;
  digits: number;
  nillable: boolean;
  defaultedOnCreate: boolean;
  /** The default value formula as written in metadata (e.g. `"Draft"`, `TODAY()`), when there is one. */
  defaultValueFormula: string | undefined;
  /** A literal default (Checkbox fields: true / false). */
  defaultValue: boolean | string | undefined;
  createable: boolean;
  updateable: boolean;
  calculated: boolean;
  calculatedFormula: string | undefined;
  /** Formula fields: BlankAsZero | BlankAsBlank (metadata formulaTreatBlanksAs). */
  formulaTreatBlanksAs: string | undefined;
  /** Roll-up summary fields: operation (count, sum, min, max), summarized field and foreign key. */
  summary: { operation: string; summarizedField: string | undefined; foreignKey: string | undefined } | undefined;
  autoNumber: boolean;
  /** Auto number display format, e.g. `PA-{00000000}`. */
  displayFormat: string | undefined;
  externalId: boolean;
  unique: boolean;
  caseSensitive: boolean;
  idLookup: boolean;
  nameField: boolean;
  custom: boolean;
  restrictedPicklist: boolean;
  dependentPicklist: boolean;
  controllerName: string | undefined;
  htmlFormatted: boolean;
  encrypted: boolean;
  sortable: boolean;
  filterable: boolean;
  groupable: boolean;
  aggregatable: boolean;
  picklistValues: PicklistEntry[];
  /**
   * False when `picklistValues` lists only some of the org's values (User.TimeZoneSidKey, LocaleSidKey …): a value
   * not listed is then not known to be invalid, and the DML engine must fail loudly instead of rejecting it.
   */
  picklistComplete: boolean;
  /** Global value set the picklist takes its values from. */
  valueSetName: string | undefined;
  /** Target objects of a reference field (several for a polymorphic one such as Task.WhatId). */
  referenceTo: string[];
  relationshipName: string | undefined;
  /** Master-detail: 0 primary, 1 secondary master. */
  relationshipOrder: number | undefined;
  cascadeDelete: boolean;
  restrictedDelete: boolean;
  writeRequiresMasterRead: boolean;
  reparentableMasterDetail: boolean;
  isMasterDetail: boolean;
  namePointing: boolean;
  /** Whether field-level security can apply (false for required and system fields). */
  permissionable: boolean;
  /** The compound field this field is part of (BillingCity → BillingAddress). */
  compoundFieldName: string | undefined;
  inlineHelpText: string | undefined;
  /** Only fields tracked in field history (project metadata `trackHistory`). */
  trackHistory: boolean;
  origin: FieldOrigin;
  /**
   * True when attributes beyond name and Apex type are not known (a jar-only field): length, nillable,
   * createable … then hold placeholders and consumers must call `requireKnown` before relying on them.
   */
  partial: boolean;
  /**
   * Of a partial field, the attributes that are documented nonetheless (a standard field whose Object Reference
   * "Properties" are documented but whose size is not: standard/fieldProperties.ts). Describe answers these and
   * fails loudly for the others; undefined means none beyond name and Apex type. Ignored when `partial` is false.
   */
  knownAttributes?: ReadonlySet<keyof FieldDescribe>;
  /**
   * Of a field that is otherwise known (complete, or partial with `knownAttributes`), the attributes that are not
   * documented nonetheless: their values are placeholders, describe and the security checks that depend on them fail
   * loudly (standard/fieldProperties.ts: `permissionable` of a documented standard field the FLS rules do not settle).
   */
  unknownAttributes?: ReadonlySet<keyof FieldDescribe>;
  /** Set when the emulator does not model this field type; reading or writing it must fail loudly. */
  unsupported: string | undefined;
}

/** Schema.ChildRelationship (Apex Reference: "ChildRelationship Class"). */
export interface ChildRelationship {
  childSObject: string;
  /** True when the field or the delete behaviour is not known (a relationship the jar names without details). */
  partial: boolean;
  /** The reference field on the child; undefined when the jar names the relationship but not its field. */
  field: string | undefined;
  relationshipName: string | undefined;
  cascadeDelete: boolean;
  restrictedDelete: boolean;
}

/** What kind of object this is, for the engines that treat kinds differently. */
export type SObjectKind =
  | 'standard'
  | 'custom'
  | 'customSetting'
  | 'customMetadata'
  | 'platformEvent'
  | 'share'
  | 'history'
  | 'bigObject'
  | 'externalObject'
  | 'changeEvent';

export interface RecordTypeDescribe {
  developerName: string;
  name: string;
  active: boolean;
  master: boolean;
}

export interface SObjectDescribe {
  name: string;
  label: string;
  labelPlural: string;
  /** The 3-character Id prefix; undefined for objects without one (e.g. UserRecordAccess). */
  keyPrefix: string | undefined;
  custom: boolean;
  customSetting: boolean;
  /** Custom settings: List | Hierarchy. */
  customSettingType: string | undefined;
  kind: SObjectKind;
  /** Setup object for MIXED_DML_OPERATION (see setupObjects.ts). */
  isSetupObject: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  undeletable: boolean;
  queryable: boolean;
  searchable: boolean;
  triggerable: boolean;
  mergeable: boolean;
  feedEnabled: boolean;
  /** Organization-wide default: Private | Read | ReadWrite | ReadWriteTransfer | ControlledByParent | … */
  sharingModel: string | undefined;
  externalSharingModel: string | undefined;
  /** Whether records have an OwnerId. */
  hasOwner: boolean;
  /** Name of the name field (`Name`, `Subject`, `CaseNumber` …), if any. */
  nameField: string | undefined;
  fields: FieldMap;
  childRelationships: ChildRelationship[];
  /** Apex sharing reasons (`<Reason>__c`) of a custom object; on its __Share object they are RowCause values. */
  sharingReasons: { name: string; label: string }[];
  recordTypes: RecordTypeDescribe[];
  /** Field sets (Apex Reference, "FieldSet Class"): the project's fieldSets of this object. */
  fieldSets: FieldSetDescribe[];
  /** Platform events: StandardVolume | HighVolume, PublishAfterCommit | PublishImmediately. */
  eventType: string | undefined;
  publishBehavior: string | undefined;
  /** The share object of this object (`Obj__Share`, `AccountShare`), when the org has one. */
  shareObject: string | undefined;
  /** For a share or history object: the object it belongs to. */
  parentObject: string | undefined;
  /** Whether this describe is incomplete (jar-only standard object): see FieldDescribe.partial. */
  partial: boolean;
  /** The documentation this describe follows. */
  docs: string[];
}

/** A field set: its members in order, each a field path (possibly across relationships) and its required flag. */
export interface FieldSetDescribe {
  name: string;
  label: string;
  description: string;
  fields: { path: string; required: boolean }[];
}

/** The fields of one object: ordered, with case-insensitive lookup. */
export class FieldMap {
  private readonly byLower = new Map<string, FieldDescribe>();
  private readonly ordered: FieldDescribe[] = [];

  constructor(fields: Iterable<FieldDescribe> = []) {
    for (const f of fields) this.add(f);
  }

  add(field: FieldDescribe): void {
    const key = field.name.toLowerCase();
    if (this.byLower.has(key)) throw new Error(`field ${field.name} is defined twice`);
    this.byLower.set(key, field);
    this.ordered.push(field);
  }

  get(name: string): FieldDescribe | undefined {
    return this.byLower.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.byLower.has(name.toLowerCase());
  }

  list(): readonly FieldDescribe[] {
    return this.ordered;
  }

  names(): string[] {
    return this.ordered.map((f) => f.name);
  }

  get size(): number {
    return this.ordered.length;
  }

  /** The reference field whose relationshipName is `relationshipName` (case-insensitive), e.g. Owner → OwnerId. */
  byRelationshipName(relationshipName: string): FieldDescribe | undefined {
    const key = relationshipName.toLowerCase();
    return this.ordered.find((f) => f.relationshipName?.toLowerCase() === key);
  }
}
