// Typed records of an sfdx project's metadata, as the Metadata API (source format) describes each type.
// Reference: Metadata API Developer Guide, one page per type (CustomObject, CustomField, CustomMetadata,
// PermissionSet, …). Attributes the readers do not model are kept in `raw` so later modules can fail loudly on
// them instead of ignoring them.

/** `sfdx-project.json` as the sf CLI reads it (Salesforce DX Developer Guide, "Salesforce DX Project Configuration"). */
export interface SfdxProjectConfig {
  name: string | undefined;
  namespace: string;
  sourceApiVersion: string | undefined;
  packageDirectories: PackageDirectory[];
}

export interface PackageDirectory {
  path: string;
  default: boolean;
  package: string | undefined;
}

/** Where a component came from: the file that defines it, relative to the project root. */
export interface SourceRef {
  /** Project-relative path with `/` separators. */
  path: string;
}

export interface ApexClassMeta extends SourceRef {
  name: string;
  /** The `.cls` source text. */
  body: string;
  /** The `-meta.xml` file. */
  metaPath: string;
  apiVersion: string;
  /** Active | Inactive | Deleted (ApexClass.status). */
  status: string;
}

export interface ApexTriggerMeta extends SourceRef {
  name: string;
  body: string;
  metaPath: string;
  apiVersion: string;
  status: string;
}

/** What an object's API-name suffix says it is (Object Reference, "Custom Objects" / Metadata API, CustomObject). */
export type ObjectNameKind =
  | 'standard'
  | 'custom' // __c
  | 'customMetadata' // __mdt
  | 'platformEvent' // __e
  | 'bigObject' // __b
  | 'externalObject' // __x
  | 'changeEvent' // __ChangeEvent
  | 'knowledge'; // __kav

export interface PicklistValueMeta {
  fullName: string;
  label: string;
  default: boolean;
  /** `isActive` in the XML; absent means active. */
  isActive: boolean;
  color: string | undefined;
  description: string | undefined;
}

export interface ValueSetMeta {
  restricted: boolean | undefined;
  /** A global value set the picklist uses (its values live in `globalValueSets`). */
  valueSetName: string | undefined;
  sorted: boolean | undefined;
  values: PicklistValueMeta[];
  /** Dependent picklist: the controlling field and the value settings (kept raw). */
  controllingField: string | undefined;
  valueSettings: unknown[];
}

/** One `fields/<Field>.field-meta.xml` (Metadata API: CustomField). */
export interface CustomFieldMeta extends SourceRef {
  object: string;
  fullName: string;
  /** Metadata API FieldType (Text, Number, Lookup, MasterDetail, …); absent on a standard field's customisation. */
  type: string | undefined;
  label: string | undefined;
  description: string | undefined;
  inlineHelpText: string | undefined;
  length: number | undefined;
  precision: number | undefined;
  scale: number | undefined;
  required: boolean | undefined;
  unique: boolean | undefined;
  externalId: boolean | undefined;
  caseSensitive: boolean | undefined;
  /** A formula expression, kept as text (e.g. `"Draft"`, `false`, `TODAY()`). */
  defaultValue: string | undefined;
  formula: string | undefined;
  formulaTreatBlanksAs: string | undefined;
  valueSet: ValueSetMeta | undefined;
  referenceTo: string | undefined;
  relationshipName: string | undefined;
  relationshipLabel: string | undefined;
  /** SetNull | Restrict | Cascade (lookups only). */
  deleteConstraint: string | undefined;
  relationshipOrder: number | undefined;
  writeRequiresMasterRead: boolean | undefined;
  reparentableMasterDetail: boolean | undefined;
  visibleLines: number | undefined;
  /** Auto number format, e.g. `PA-{00000000}`. */
  displayFormat: string | undefined;
  trackHistory: boolean | undefined;
  trackTrending: boolean | undefined;
  trackFeedHistory: boolean | undefined;
  /** Roll-up summary fields. */
  summaryOperation: string | undefined;
  summarizedField: string | undefined;
  summaryForeignKey: string | undefined;
  /** Custom metadata field manageability (DeveloperControlled | SubscriberControlled | Locked). */
  fieldManageability: string | undefined;
  /** Present when the field has a lookup filter (kept raw; not modelled). */
  lookupFilter: unknown;
  /** The whole element, for attributes not listed above. */
  raw: unknown;
}

export interface NameFieldMeta {
  label: string | undefined;
  /** Text | AutoNumber. */
  type: string;
  displayFormat: string | undefined;
  trackHistory: boolean | undefined;
}

/** `<Obj>.object-meta.xml` (Metadata API: CustomObject). */
export interface ObjectDefinitionMeta extends SourceRef {
  label: string | undefined;
  pluralLabel: string | undefined;
  description: string | undefined;
  nameField: NameFieldMeta | undefined;
  deploymentStatus: string | undefined;
  /** Private | Read | ReadWrite | ReadWriteTransfer | FullAccess | ControlledByParent | ControlledByCampaign | … */
  sharingModel: string | undefined;
  externalSharingModel: string | undefined;
  visibility: string | undefined;
  enableActivities: boolean | undefined;
  enableHistory: boolean | undefined;
  enableFeeds: boolean | undefined;
  enableReports: boolean | undefined;
  enableSearch: boolean | undefined;
  enableSharing: boolean | undefined;
  enableBulkApi: boolean | undefined;
  enableStreamingApi: boolean | undefined;
  /** Custom settings: List | Hierarchy. */
  customSettingsType: string | undefined;
  /** Platform events: StandardVolume | HighVolume. */
  eventType: string | undefined;
  /** Platform events: PublishAfterCommit | PublishImmediately. */
  publishBehavior: string | undefined;
  raw: unknown;
}

export interface ListViewMeta extends SourceRef {
  fullName: string;
  label: string | undefined;
  filterScope: string | undefined;
  columns: string[];
  raw: unknown;
}

export interface CompactLayoutMeta extends SourceRef {
  fullName: string;
  label: string | undefined;
  fields: string[];
}

export interface ValidationRuleMeta extends SourceRef {
  fullName: string;
  active: boolean;
  errorConditionFormula: string;
  errorMessage: string;
  errorDisplayField: string | undefined;
  description: string | undefined;
}

export interface RecordTypeMeta extends SourceRef {
  fullName: string;
  label: string | undefined;
  active: boolean;
  description: string | undefined;
  businessProcess: string | undefined;
  /** Per picklist field: the values available with this record type. */
  picklistValues: { picklist: string; values: { fullName: string; default: boolean }[] }[];
}

export interface SharingReasonMeta extends SourceRef {
  fullName: string;
  label: string | undefined;
}

/**
 * `objects/<Obj>/fieldSets/<Name>.fieldSet-meta.xml` (Metadata API: FieldSet): the fields in displayedFields order
 * (a field path may cross relationships, `Owner.Name`), each with isRequired.
 */
export interface FieldSetMeta extends SourceRef {
  fullName: string;
  label: string | undefined;
  description: string | undefined;
  displayedFields: { field: string; isRequired: boolean }[];
}

/** Another child of an object folder the readers record by name only (webLinks, fieldSets, businessProcesses, …). */
export interface ObjectChildMeta extends SourceRef {
  fullName: string;
  /** Metadata API type, e.g. WebLink. */
  type: string;
}

/** One object folder (`objects/<Obj>/`), merged across package directories. */
export interface ObjectMeta {
  name: string;
  kind: ObjectNameKind;
  /** Absent for a standard object the project only adds fields to. */
  definition: ObjectDefinitionMeta | undefined;
  fields: CustomFieldMeta[];
  listViews: ListViewMeta[];
  compactLayouts: CompactLayoutMeta[];
  validationRules: ValidationRuleMeta[];
  recordTypes: RecordTypeMeta[];
  sharingReasons: SharingReasonMeta[];
  fieldSets: FieldSetMeta[];
  otherChildren: ObjectChildMeta[];
}

/** A value in a custom metadata record (Metadata API: CustomMetadataValue). */
export interface CustomMetadataValueMeta {
  field: string;
  /** The xsi:type (xsd:string, xsd:boolean, xsd:double, xsd:int, xsd:date, xsd:dateTime, …); undefined when absent. */
  xsiType: string | undefined;
  /** The text, or null for `xsi:nil="true"`. */
  value: string | null;
}

/** `customMetadata/<Type>.<Record>.md-meta.xml` (Metadata API: CustomMetadata). */
export interface CustomMetadataRecordMeta extends SourceRef {
  /** The type's API name, e.g. `ActionPolicy__mdt`. */
  type: string;
  developerName: string;
  label: string;
  protected: boolean;
  values: CustomMetadataValueMeta[];
}

export interface CustomLabelMeta extends SourceRef {
  fullName: string;
  value: string;
  language: string | undefined;
  protected: boolean | undefined;
  shortDescription: string | undefined;
  categories: string | undefined;
}

export interface ObjectPermissionMeta {
  object: string;
  allowCreate: boolean;
  allowRead: boolean;
  allowEdit: boolean;
  allowDelete: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
  viewAllFields: boolean | undefined;
}

export interface FieldPermissionMeta {
  /** `Object.Field`. */
  field: string;
  readable: boolean;
  editable: boolean;
}

/** PermissionSet and Profile share these sections (Metadata API: PermissionSet, Profile). */
export interface PermissionsMeta extends SourceRef {
  name: string;
  description: string | undefined;
  objectPermissions: ObjectPermissionMeta[];
  fieldPermissions: FieldPermissionMeta[];
  classAccesses: { apexClass: string; enabled: boolean }[];
  customPermissions: { name: string; enabled: boolean }[];
  customMetadataTypeAccesses: { name: string; enabled: boolean }[];
  customSettingAccesses: { name: string; enabled: boolean }[];
  pageAccesses: { apexPage: string; enabled: boolean }[];
  tabSettings: { tab: string; visibility: string }[];
  applicationVisibilities: { application: string; visible: boolean; default: boolean | undefined }[];
  recordTypeVisibilities: { recordType: string; visible: boolean; default: boolean | undefined }[];
  userPermissions: { name: string; enabled: boolean }[];
  raw: unknown;
}

export interface PermissionSetMeta extends PermissionsMeta {
  label: string;
  license: string | undefined;
  hasActivationRequired: boolean | undefined;
}

export interface ProfileMeta extends PermissionsMeta {
  custom: boolean | undefined;
  userLicense: string | undefined;
}

export interface PermissionSetGroupMeta extends SourceRef {
  name: string;
  label: string;
  description: string | undefined;
  permissionSets: string[];
  mutingPermissionSets: string[];
  hasActivationRequired: boolean | undefined;
  status: string | undefined;
}

/** A Platform Cache partition (Metadata API, "PlatformCachePartition": cachePartitions/<Name>.cachePartition-meta.xml). */
export interface CachePartitionMeta extends SourceRef {
  name: string;
  masterLabel: string | undefined;
  isDefaultPartition: boolean;
  /** allocatedCapacity (MB) of each platformCachePartitionTypes entry, by cacheType (Organization, Session). */
  capacity: { organization: number | undefined; session: number | undefined };
}

export interface CustomPermissionMeta extends SourceRef {
  name: string;
  label: string | undefined;
  description: string | undefined;
  isLicensed: boolean | undefined;
  connectedApp: string | undefined;
  requiredPermissions: { customPermission: string; dependency: boolean }[];
}

/** `groups/<DeveloperName>.group-meta.xml` (Metadata API: Group). `label` is the `<name>` element. */
export interface GroupMeta extends SourceRef {
  developerName: string;
  label: string;
  description: string | undefined;
  doesIncludeBosses: boolean | undefined;
}

/** `queues/<DeveloperName>.queue-meta.xml` (Metadata API: Queue). */
export interface QueueMeta extends SourceRef {
  developerName: string;
  label: string;
  email: string | undefined;
  doesSendEmailToMembers: boolean | undefined;
  /** `queueSobject/sobjectType`: the objects whose records the queue may own. */
  queueSobjects: string[];
  /** `queueMembers` (users, roles, groups …), kept raw. */
  queueMembers: unknown;
}

/** `roles/<DeveloperName>.role-meta.xml` (Metadata API: Role). */
export interface RoleMeta extends SourceRef {
  developerName: string;
  label: string;
  parentRole: string | undefined;
  description: string | undefined;
  caseAccessLevel: string | undefined;
  contactAccessLevel: string | undefined;
  opportunityAccessLevel: string | undefined;
  mayForecastManagerShare: boolean | undefined;
}

export interface SharingRuleMeta {
  fullName: string;
  label: string | undefined;
  accessLevel: string | undefined;
  /** `sharedTo` (group, role, …), kept raw. */
  sharedTo: unknown;
  raw: unknown;
}

/** `sharingRules/<Object>.sharingRules-meta.xml` (Metadata API: SharingRules). */
export interface SharingRulesMeta extends SourceRef {
  object: string;
  criteriaRules: SharingRuleMeta[];
  ownerRules: SharingRuleMeta[];
  guestRules: SharingRuleMeta[];
  territoryRules: SharingRuleMeta[];
}

/** `staticresources/<Name>.resource-meta.xml` plus its content (Metadata API: StaticResource). */
export interface StaticResourceMeta extends SourceRef {
  name: string;
  contentType: string;
  cacheControl: string | undefined;
  description: string | undefined;
  /** Project-relative path of the content (file or folder). */
  contentPath: string;
  /** The body; undefined when the content is a folder (an expanded zip), which the emulator does not yet zip. */
  body: Buffer | undefined;
  /** Set when the body could not be built, saying why. */
  unsupported: string | undefined;
}

export interface CustomNotificationTypeMeta extends SourceRef {
  name: string;
  customNotifTypeName: string;
  masterLabel: string | undefined;
  description: string | undefined;
  desktop: boolean | undefined;
  mobile: boolean | undefined;
}

export interface GlobalValueSetMeta extends SourceRef {
  name: string;
  masterLabel: string | undefined;
  sorted: boolean | undefined;
  values: PicklistValueMeta[];
}

/** `standardValueSets/<Name>.standardValueSet-meta.xml` (e.g. OpportunityStage) when the project ships one. */
export interface StandardValueSetMeta extends SourceRef {
  name: string;
  sorted: boolean | undefined;
  values: (PicklistValueMeta & { raw: unknown })[];
}

export interface RemoteSiteSettingMeta extends SourceRef {
  name: string;
  url: string | undefined;
  isActive: boolean | undefined;
  disableProtocolSecurity: boolean | undefined;
  description: string | undefined;
}

/** A component recorded by name only (applications, tabs, flexipages, LWC, GenAi, named credentials, …). */
export interface NamedComponentMeta extends SourceRef {
  name: string;
  /** Metadata API type name, e.g. CustomApplication. */
  type: string;
}

/** A file under a package directory the readers could not place, or a metadata type they do not read. */
export interface UnknownMetadata {
  path: string;
  /** The Metadata API type the file's suffix or folder suggests, or a note when there is no guess. */
  typeGuess: string;
}

export interface ProjectMetadata {
  /** Absolute path of the project root. */
  root: string;
  config: SfdxProjectConfig;
  apexClasses: ApexClassMeta[];
  apexTriggers: ApexTriggerMeta[];
  /** Object folders, keyed by the folder's API name (exact case). */
  objects: Map<string, ObjectMeta>;
  customMetadataRecords: CustomMetadataRecordMeta[];
  customLabels: CustomLabelMeta[];
  permissionSets: PermissionSetMeta[];
  permissionSetGroups: PermissionSetGroupMeta[];
  profiles: ProfileMeta[];
  customPermissions: CustomPermissionMeta[];
  /** Platform Cache partitions (absent in projects built before the emulator read them). */
  cachePartitions?: CachePartitionMeta[];
  groups: GroupMeta[];
  queues: QueueMeta[];
  roles: RoleMeta[];
  sharingRules: SharingRulesMeta[];
  staticResources: StaticResourceMeta[];
  customNotificationTypes: CustomNotificationTypeMeta[];
  globalValueSets: GlobalValueSetMeta[];
  standardValueSets: StandardValueSetMeta[];
  remoteSiteSettings: RemoteSiteSettingMeta[];
  applications: NamedComponentMeta[];
  tabs: NamedComponentMeta[];
  flexipages: NamedComponentMeta[];
  lwcBundles: NamedComponentMeta[];
  auraBundles: NamedComponentMeta[];
  genAiFunctions: NamedComponentMeta[];
  genAiPlugins: NamedComponentMeta[];
  namedCredentials: NamedComponentMeta[];
  /** Files no reader claims: the emulator fails loudly when a feature needs one. */
  unknownMetadata: UnknownMetadata[];
}
