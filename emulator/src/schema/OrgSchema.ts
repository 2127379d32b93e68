// OrgSchema: the org's objects as the interpreter, SOQL and DML engines see them — the project's metadata merged
// with the standard objects.
//
// API (all names case-insensitive, as in Apex and SOQL):
//   const schema = new OrgSchema(loadProject(dir));
//   schema.get('Opportunity')            → SObjectDescribe | undefined (built on first use, then cached)
//   schema.get('PlannedAction__Share')   → the share object of a Private / Read custom object
//   schema.field('Opportunity', 'StageName') → FieldDescribe | undefined
//   schema.byKeyPrefix('006')            → the object whose Ids start with 006 (undefined when shared or unknown)
//   schema.keyPrefixOf('PlannedAction__c')
//   schema.globalDescribe()              → every object name the org has (project, derived, standard)
//   schema.isSetupObject('User'), schema.setupObjectRule('Group') (MIXED_DML_OPERATION, see setupObjects.ts)
//   schema.picklistValueSet('OpportunityStage') → the standard value set in force (project's or the default)
//
// Sources are cited where each part is built: customObjects.ts (project objects), standard/overlay.ts and
// standard/valueSets.ts (standard objects), keyPrefixes.ts, setupObjects.ts.
import { EmulatorUnsupportedError } from '../errors';
import type { ObjectMeta, ProjectMetadata } from '../project';
import {
  CUSTOM_OBJECT_DOCS,
  customHistoryFields,
  customMetadataSystemFields,
  customObjectSystemFields,
  customSettingSystemFields,
  customShareFields,
  describeCustomField,
  isDetailObject,
  platformEventSystemFields,
  type FieldContext,
} from './customObjects';
import { makeField, parseOverlayField, type FieldSpec } from './fieldFactory';
import { assignKeyPrefixes, CUSTOM_SHARE_KEY_PREFIX, HISTORY_KEY_PREFIX, STANDARD_KEY_PREFIXES } from './keyPrefixes';
import { setupObjectRule, type SetupObjectRule } from './setupObjects';
import { standardCatalog, type CatalogObject, type StandardCatalog } from './standard/catalog';
import { documentedField } from './standard/fieldProperties';
import { ABSENT_EVERYWHERE, OVERLAY, WHAT_ID_STANDARD_TARGETS, type OverlayObject } from './standard/overlay';
import { STANDARD_VALUE_SETS } from './standard/valueSets';
import {
  FieldMap,
  type ChildRelationship,
  type DisplayType,
  type FieldDescribe,
  type PicklistEntry,
  type SObjectDescribe,
  type SObjectKind,
} from './types';
import { COMMON_FIELD_LABELS, FIELD_REFERENCE_LABELS } from './standard/fieldLabels';

export interface OrgSchemaOptions {
  /** The standard-object catalog (defaults to the generated API 65 catalog). */
  catalog?: StandardCatalog;
}

/** Derived objects: share and history objects of the project's custom objects. */
interface DerivedObject {
  name: string;
  kind: 'share' | 'history';
  parent: string;
}

const lower = (s: string): string => s.toLowerCase();
const OR = 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/';

/** Share objects exist for objects whose default access is Private or Public Read Only (Object Reference, "Custom Object __Share"). */
const NEEDS_SHARE = new Set(['private', 'read']);

export class OrgSchema {
  readonly project: ProjectMetadata;
  private readonly catalog: StandardCatalog;
  private readonly projectObjects = new Map<string, ObjectMeta>();
  private readonly derived = new Map<string, DerivedObject>();
  private readonly cache = new Map<string, SObjectDescribe | null>();
  private readonly building = new Set<string>();
  private readonly customPrefixes = new Map<string, string>();
  private readonly valueSets: Record<string, PicklistEntry[]>;
  private readonly namespacePrefix: string;

  constructor(project: ProjectMetadata, options: OrgSchemaOptions = {}) {
    this.project = project;
    this.catalog = options.catalog ?? standardCatalog();
    this.namespacePrefix = project.config.namespace ? `${project.config.namespace}__` : '';
    for (const obj of project.objects.values()) this.projectObjects.set(lower(obj.name), obj);
    this.valueSets = this.mergeStandardValueSets();

    for (const obj of project.objects.values()) {
      if (obj.kind !== 'custom' || obj.definition === undefined || obj.definition.customSettingsType !== undefined)
        continue;
      const base = obj.name.replace(/__c$/i, '');
      const detail = isDetailObject(obj);
      const internal = lower(obj.definition.sharingModel ?? 'ReadWrite');
      const external = lower(obj.definition.externalSharingModel ?? obj.definition.sharingModel ?? 'ReadWrite');
      if (!detail && (NEEDS_SHARE.has(internal) || NEEDS_SHARE.has(external)))
        this.derived.set(lower(`${base}__Share`), { name: `${base}__Share`, kind: 'share', parent: obj.name });
      if (obj.definition.enableHistory === true)
        this.derived.set(lower(`${base}__History`), { name: `${base}__History`, kind: 'history', parent: obj.name });
    }

    const taken = new Set(Object.values(STANDARD_KEY_PREFIXES));
    for (const o of Object.values(OVERLAY)) if (o.keyPrefix) taken.add(o.keyPrefix);
    const byKind = (kinds: ObjectMeta['kind'][]) =>
      [...project.objects.values()]
        .filter((o) => kinds.includes(o.kind) && o.definition !== undefined)
        .map((o) => o.name);
    for (const [first, kinds] of [
      ['a', ['custom']],
      ['e', ['platformEvent']],
      ['m', ['customMetadata']],
      ['b', ['bigObject']],
      ['x', ['externalObject']],
    ] as const) {
      for (const [name, prefix] of assignKeyPrefixes(first, byKind([...kinds]), taken)) {
        this.customPrefixes.set(lower(name), prefix);
        taken.add(prefix);
      }
    }
  }

  /** The describe of `name`, or undefined when the org has no such object. */
  get(name: string): SObjectDescribe | undefined {
    const key = this.canonicalKey(name);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    if (this.building.has(key)) throw new Error(`schema: ${name} depends on itself while being described`);
    this.building.add(key);
    try {
      const built = this.build(key) ?? null;
      this.cache.set(key, built);
      return built ?? undefined;
    } finally {
      this.building.delete(key);
    }
  }

  /** Whether the org has the object. */
  has(name: string): boolean {
    const key = this.canonicalKey(name);
    return (
      this.projectObjects.has(key) ||
      this.derived.has(key) ||
      OVERLAY[this.overlayName(key) ?? ''] !== undefined ||
      this.catalog.get(key) !== undefined
    );
  }

  field(objectName: string, fieldName: string): FieldDescribe | undefined {
    return this.get(objectName)?.fields.get(fieldName);
  }

  keyPrefixOf(name: string): string | undefined {
    return this.get(name)?.keyPrefix;
  }

  /** The single object with this key prefix; undefined when none or several objects share it (02c, 017). */
  byKeyPrefix(prefix: string): SObjectDescribe | undefined {
    if (prefix === CUSTOM_SHARE_KEY_PREFIX || prefix === HISTORY_KEY_PREFIX) return undefined;
    for (const [key, p] of this.customPrefixes) if (p === prefix) return this.get(key);
    for (const [name, o] of Object.entries(OVERLAY)) if (o.keyPrefix === prefix) return this.get(name);
    for (const [name, p] of Object.entries(STANDARD_KEY_PREFIXES)) if (p === prefix) return this.get(name);
    return undefined;
  }

  /** Every object name: the project's, their share and history objects, and the standard objects. */
  globalDescribe(): string[] {
    const names = new Map<string, string>();
    for (const o of this.projectObjects.values()) if (o.definition !== undefined) names.set(lower(o.name), o.name);
    for (const d of this.derived.values()) names.set(lower(d.name), d.name);
    for (const n of Object.keys(OVERLAY)) names.set(lower(n), n);
    for (const n of this.catalog.names()) if (!names.has(lower(n))) names.set(lower(n), n);
    return [...names.values()];
  }

  isSetupObject(name: string): boolean {
    return setupObjectRule(name) !== undefined;
  }

  setupObjectRule(name: string): SetupObjectRule | undefined {
    return setupObjectRule(name);
  }

  /** A standard value set in force: the project's `standardValueSets/<name>` or the new-org default. */
  picklistValueSet(name: string): PicklistEntry[] | undefined {
    return this.valueSets[name];
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Lower-case key, with the project's own namespace prefix taken off (`ns__Obj__c` is `Obj__c` inside ns). */
  private canonicalKey(name: string): string {
    const key = lower(name);
    const ns = lower(this.namespacePrefix);
    if (ns && key.startsWith(ns) && (key.match(/__/g) ?? []).length >= 2) return key.slice(ns.length);
    return key;
  }

  private overlayName(key: string): string | undefined {
    return Object.keys(OVERLAY).find((n) => lower(n) === key);
  }

  private build(key: string): SObjectDescribe | undefined {
    const derived = this.derived.get(key);
    if (derived) return this.buildDerived(derived);
    const obj = this.projectObjects.get(key);
    if (obj && obj.definition !== undefined && obj.kind !== 'standard') return this.buildCustom(obj);
    const overlayName = this.overlayName(key);
    const jar = this.catalog.get(key);
    if (overlayName === undefined && jar === undefined) {
      if (obj && obj.kind === 'standard')
        throw new EmulatorUnsupportedError(
          `standard object ${obj.name} (the project customises it, the emulator does not know it)`,
        );
      if (obj) throw new EmulatorUnsupportedError(`object ${obj.name} has fields but no ${obj.name}.object-meta.xml`);
      return undefined;
    }
    return this.buildStandard(overlayName, jar, obj);
  }

  private fieldContext(): FieldContext {
    return { project: this.project, fieldOf: (o, f) => this.field(o, f) };
  }

  private fieldSetsOf(obj: ObjectMeta | undefined): SObjectDescribe['fieldSets'] {
    return (obj?.fieldSets ?? []).map((f) => ({
      name: f.fullName,
      label: f.label ?? f.fullName,
      description: f.description ?? '',
      fields: f.displayedFields.map((d) => ({ path: d.field, required: d.isRequired })),
    }));
  }

  private recordTypesOf(obj: ObjectMeta | undefined): SObjectDescribe['recordTypes'] {
    // Every object has the Master record type; the project adds its own (Object Reference, "RecordType").
    const master = { developerName: 'Master', name: 'Master', active: true, master: true };
    return [
      master,
      ...(obj?.recordTypes ?? []).map((r) => ({
        developerName: r.fullName,
        name: r.label ?? r.fullName,
        active: r.active,
        master: false,
      })),
    ];
  }

  private hasTab(name: string): boolean {
    return this.project.tabs.some((t) => lower(t.name) === lower(name));
  }

  private buildCustom(obj: ObjectMeta): SObjectDescribe {
    const def = obj.definition;
    if (!def) throw new Error(`schema: ${obj.name} has no definition`);
    const ctx = this.fieldContext();
    const kind: SObjectKind =
      obj.kind === 'custom'
        ? def.customSettingsType !== undefined
          ? 'customSetting'
          : 'custom'
        : (obj.kind as SObjectKind);
    const detail = isDetailObject(obj);
    let fields: FieldDescribe[];
    let flags: Partial<SObjectDescribe>;
    const docs = [...CUSTOM_OBJECT_DOCS];
    switch (kind) {
      case 'custom': {
        const nameField = def.nameField;
        fields = customObjectSystemFields({
          objectName: obj.name,
          hasOwner: !detail,
          nameField: nameField
            ? {
                label: nameField.label ?? `${def.label ?? obj.name} Name`,
                autoNumber: nameField.type === 'AutoNumber',
                displayFormat: nameField.displayFormat,
              }
            : { label: `${def.label ?? obj.name} Name`, autoNumber: false, displayFormat: undefined },
          hasRecordTypes: obj.recordTypes.length > 0,
          hasActivities: def.enableActivities === true,
          hasTab: this.hasTab(obj.name),
        });
        flags = {
          createable: true,
          updateable: true,
          deletable: true,
          undeletable: true,
          queryable: true,
          searchable: def.enableSearch ?? true,
          triggerable: true,
          mergeable: false,
          feedEnabled: def.enableFeeds ?? false,
          sharingModel: detail ? 'ControlledByParent' : (def.sharingModel ?? 'ReadWrite'),
          externalSharingModel: detail ? 'ControlledByParent' : (def.externalSharingModel ?? def.sharingModel),
          hasOwner: !detail,
          nameField: 'Name',
        };
        break;
      }
      case 'customSetting':
        fields = customSettingSystemFields(def.customSettingsType === 'Hierarchy');
        flags = {
          createable: true,
          updateable: true,
          deletable: true,
          undeletable: false,
          queryable: true,
          nameField: 'Name',
        };
        docs.push('https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_customsettings.htm');
        break;
      case 'customMetadata':
        fields = customMetadataSystemFields();
        // Custom metadata records are read with SOQL or getAll(); Apex DML on them is not allowed.
        flags = { queryable: true, nameField: 'MasterLabel' };
        docs.push(
          'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_custommetadatatypes.htm',
        );
        break;
      case 'platformEvent':
        fields = platformEventSystemFields();
        // Platform events are published (EventBus.publish / insert), subscribed to by after-insert triggers,
        // never queried (Platform Events Developer Guide, "Platform Event Considerations").
        flags = { createable: true, triggerable: true };
        docs.push(
          'https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_define_ui.htm',
        );
        break;
      default:
        throw new EmulatorUnsupportedError(`${obj.kind} object ${obj.name}`);
    }
    const map = new FieldMap(fields);
    for (const f of obj.fields) map.add(describeCustomField(f, ctx));
    const shareName = `${obj.name.replace(/__c$/i, '')}__Share`;
    return {
      name: obj.name,
      label: def.label ?? obj.name,
      labelPlural: def.pluralLabel ?? def.label ?? obj.name,
      keyPrefix: this.customPrefixes.get(lower(obj.name)),
      custom: true,
      customSetting: kind === 'customSetting',
      customSettingType: def.customSettingsType,
      kind,
      isSetupObject: false,
      createable: false,
      updateable: false,
      deletable: false,
      undeletable: false,
      queryable: false,
      searchable: false,
      triggerable: false,
      mergeable: false,
      feedEnabled: false,
      sharingModel: undefined,
      externalSharingModel: undefined,
      hasOwner: false,
      nameField: undefined,
      ...flags,
      fields: map,
      childRelationships: this.childRelationshipsOf(obj.name, undefined),
      sharingReasons: obj.sharingReasons.map((r) => ({ name: r.fullName, label: r.label ?? r.fullName })),
      recordTypes: kind === 'custom' ? this.recordTypesOf(obj) : [],
      fieldSets: this.fieldSetsOf(obj),
      eventType: def.eventType,
      publishBehavior: def.publishBehavior,
      shareObject: this.derived.has(lower(shareName)) ? shareName : undefined,
      parentObject: undefined,
      partial: false,
      docs,
    };
  }

  private buildDerived(d: DerivedObject): SObjectDescribe {
    const parent = this.projectObjects.get(lower(d.parent));
    const reasons = (parent?.sharingReasons ?? []).map((r) => ({ name: r.fullName, label: r.label ?? r.fullName }));
    const share = d.kind === 'share';
    return {
      name: d.name,
      label: share
        ? `${parent?.definition?.label ?? d.parent} Share`
        : `${parent?.definition?.label ?? d.parent} History`,
      labelPlural: share
        ? `${parent?.definition?.label ?? d.parent} Share`
        : `${parent?.definition?.label ?? d.parent} History`,
      keyPrefix: share ? CUSTOM_SHARE_KEY_PREFIX : HISTORY_KEY_PREFIX,
      custom: true,
      customSetting: false,
      customSettingType: undefined,
      kind: d.kind,
      isSetupObject: false,
      createable: share,
      updateable: share,
      deletable: share,
      undeletable: false,
      queryable: true,
      searchable: false,
      triggerable: false,
      mergeable: false,
      feedEnabled: false,
      sharingModel: undefined,
      externalSharingModel: undefined,
      hasOwner: false,
      nameField: undefined,
      fields: new FieldMap(share ? customShareFields(d.parent, reasons) : customHistoryFields(d.parent)),
      childRelationships: [],
      sharingReasons: share ? reasons : [],
      recordTypes: [],
      fieldSets: [],
      eventType: undefined,
      publishBehavior: undefined,
      shareObject: undefined,
      parentObject: d.parent,
      partial: false,
      docs: [
        share
          ? `${OR}sforce_api_objects_custom_object__share.htm`
          : `${OR}sforce_api_objects_custom_object__history.htm`,
      ],
    };
  }

  private buildStandard(
    overlayName: string | undefined,
    jar: CatalogObject | undefined,
    obj: ObjectMeta | undefined,
  ): SObjectDescribe {
    const ov: OverlayObject | undefined = overlayName ? OVERLAY[overlayName] : undefined;
    const name = overlayName ?? jar?.name ?? '';
    const map = new FieldMap();
    const absent = new Set([...ABSENT_EVERYWHERE, ...(ov?.absent ?? [])].map(lower));
    const hasRecordTypes = (obj?.recordTypes.length ?? 0) > 0;
    if (!hasRecordTypes) absent.add('recordtypeid');
    else absent.delete('recordtypeid');
    if (ov) {
      for (const [fname, notation] of Object.entries(ov.fields)) {
        const f = withStandardLabel(
          name,
          parseOverlayField(fname, notation, this.valueSets),
          /\blabel=/.test(notation),
        );
        map.add(fname === 'WhatId' ? { ...f, referenceTo: this.whatIdTargets() } : f);
      }
      if (hasRecordTypes && !map.has('RecordTypeId'))
        map.add(
          withStandardLabel(
            name,
            parseOverlayField('RecordTypeId', 'REFERENCE(RecordType) cu nil rel=RecordType', this.valueSets),
            false,
          ),
        );
    }
    if (jar) {
      for (const [fname, apexType] of Object.entries(jar.fields)) {
        if (map.has(fname) || absent.has(lower(fname))) continue;
        // The Object Reference's properties where they and the field's size are documented (standard/fieldProperties.ts).
        map.add(withStandardLabel(name, documentedField(name, fname) ?? jarField(fname, apexType, jar), false));
      }
      for (const [rel, target] of Object.entries(jar.parents)) {
        if (map.has(rel) || absent.has(lower(rel)) || (target !== 'Address' && target !== 'Location')) continue;
        if (jar.fields[`${rel}Id`] !== undefined) continue;
        map.add(
          withStandardLabel(
            name,
            makeField({ name: rel, type: target === 'Address' ? 'ADDRESS' : 'LOCATION', origin: 'jar', partial: true }),
            false,
          ),
        );
      }
    }
    const ctx = this.fieldContext();
    for (const f of obj?.fields ?? []) map.add(describeCustomField(f, ctx));
    const flags = new Set((ov?.flags ?? '').split(/\s+/));
    const has = (f: string) => flags.has(f);
    return {
      name,
      label: ov?.label ?? name,
      labelPlural: ov?.labelPlural ?? name,
      keyPrefix: ov ? ov.keyPrefix : STANDARD_KEY_PREFIXES[name],
      custom: false,
      customSetting: false,
      customSettingType: undefined,
      kind: /Share$/.test(name) ? 'share' : /History$/.test(name) ? 'history' : 'standard',
      isSetupObject: setupObjectRule(name) !== undefined,
      createable: has('c'),
      updateable: has('u'),
      deletable: has('d'),
      undeletable: has('ud'),
      queryable: ov ? has('q') : true,
      searchable: has('s'),
      triggerable: has('t'),
      mergeable: has('m'),
      feedEnabled: has('f'),
      sharingModel: obj?.definition?.sharingModel ?? ov?.sharingModel,
      externalSharingModel: obj?.definition?.externalSharingModel ?? ov?.externalSharingModel,
      hasOwner: ov ? has('own') : map.has('OwnerId'),
      nameField: ov?.nameField ?? (map.get('Name') ? 'Name' : undefined),
      fields: map,
      childRelationships: this.childRelationshipsOf(name, jar, ov),
      sharingReasons: [],
      recordTypes: this.recordTypesOf(obj),
      fieldSets: this.fieldSetsOf(obj),
      eventType: undefined,
      publishBehavior: undefined,
      shareObject:
        OVERLAY[`${name}Share`] !== undefined || this.catalog.get(`${name}Share`) ? `${name}Share` : undefined,
      parentObject: undefined,
      // Without the overlay only names and Apex types are known; createable, updateable … are then placeholders.
      partial: ov === undefined,
      docs: ov?.docs ?? ['sobject-types-65.0.0.jar (field names and Apex types only)'],
    };
  }

  /** Task.WhatId / Event.WhatId: the standard objects modelled here and every custom object with activities. */
  private whatIdTargets(): string[] {
    const custom = [...this.projectObjects.values()]
      .filter((o) => o.kind === 'custom' && o.definition?.enableActivities === true)
      .map((o) => o.name)
      .sort();
    return [...WHAT_ID_STANDARD_TARGETS, ...custom];
  }

  /**
   * Child relationships of `name`: the overlay's (with their fields), the jar's others (partial: the jar does not
   * say which field), and one per project reference field that targets `name`, plus the standard relationships
   * of the project's own objects (Owner, CreatedBy, LastModifiedBy → User; share and history objects).
   */
  private childRelationshipsOf(name: string, jar: CatalogObject | undefined, ov?: OverlayObject): ChildRelationship[] {
    const out: ChildRelationship[] = [];
    const seen = new Set<string>();
    const push = (c: ChildRelationship) => {
      const k = lower(`${c.childSObject}.${c.field ?? ''}.${c.relationshipName ?? ''}`);
      if (c.relationshipName !== undefined && seen.has(lower(c.relationshipName))) return;
      if (seen.has(k)) return;
      seen.add(k);
      if (c.relationshipName !== undefined) seen.add(lower(c.relationshipName));
      out.push(c);
    };
    for (const [rel, c] of Object.entries(ov?.children ?? {}))
      push({
        childSObject: c.childSObject,
        field: c.field,
        relationshipName: rel,
        cascadeDelete: c.cascadeDelete,
        restrictedDelete: c.restrictedDelete ?? false,
        partial: false,
      });
    for (const [rel, child] of Object.entries(jar?.children ?? {}))
      push({
        childSObject: child,
        field: undefined,
        relationshipName: rel,
        cascadeDelete: false,
        restrictedDelete: false,
        partial: true,
      });
    const target = lower(name);
    for (const o of this.projectObjects.values()) {
      for (const f of o.fields) {
        const refs = f.type === 'Hierarchy' ? 'user' : lower(f.referenceTo ?? '');
        if (refs !== target) continue;
        const constraint =
          f.type === 'MasterDetail' ? 'Cascade' : (f.deleteConstraint ?? (f.required ? 'Restrict' : 'SetNull'));
        push({
          childSObject: o.name,
          field: f.fullName,
          relationshipName: f.relationshipName !== undefined ? `${f.relationshipName}__r` : undefined,
          cascadeDelete: constraint === 'Cascade',
          restrictedDelete: constraint === 'Restrict',
          partial: false,
        });
      }
      if (o.definition === undefined || o.kind !== 'custom') continue;
      if (target === 'user') {
        for (const field of ['CreatedById', 'LastModifiedById'])
          push({
            childSObject: o.name,
            field,
            relationshipName: undefined,
            cascadeDelete: false,
            restrictedDelete: false,
            partial: false,
          });
      }
      if (
        (target === 'user' || target === 'group') &&
        o.definition.customSettingsType === undefined &&
        !isDetailObject(o)
      )
        push({
          childSObject: o.name,
          field: 'OwnerId',
          relationshipName: undefined,
          cascadeDelete: false,
          restrictedDelete: false,
          partial: false,
        });
    }
    for (const d of this.derived.values()) {
      if (lower(d.parent) !== target) continue;
      push({
        childSObject: d.name,
        field: 'ParentId',
        relationshipName: d.kind === 'share' ? 'Shares' : 'Histories',
        cascadeDelete: true,
        restrictedDelete: false,
        partial: false,
      });
    }
    return out;
  }

  /** Standard value sets: the defaults, replaced by the project's `standardValueSets/` files. */
  private mergeStandardValueSets(): Record<string, PicklistEntry[]> {
    const sets: Record<string, PicklistEntry[]> = { ...STANDARD_VALUE_SETS };
    for (const vs of this.project.standardValueSets) {
      sets[vs.name] = vs.values.map((v) => {
        const raw = (v.raw ?? {}) as Record<string, unknown>;
        const bool = (k: string) => (raw[k] === 'true' ? true : raw[k] === 'false' ? false : undefined);
        const facts: NonNullable<PicklistEntry['facts']> = {};
        if (typeof raw.probability === 'string') facts.probability = Number(raw.probability);
        if (typeof raw.forecastCategory === 'string') facts.forecastCategory = raw.forecastCategory;
        const closed = bool('closed');
        if (closed !== undefined) facts.isClosed = closed;
        const won = bool('won');
        if (won !== undefined) facts.isWon = won;
        const converted = bool('converted');
        if (converted !== undefined) facts.isConverted = converted;
        const high = bool('highPriority');
        if (high !== undefined) facts.isHighPriority = high;
        return {
          value: v.fullName,
          label: v.label,
          active: v.isActive,
          defaultValue: v.default,
          ...(Object.keys(facts).length > 0 ? { facts } : {}),
        };
      });
    }
    return sets;
  }
}

/** A field known only from the jar: name and Apex type; everything else is a placeholder (partial). */
/**
 * A standard field's label: the overlay's own (`label=`), else the Salesforce Field Reference's ("Field Label" column,
 * schema/standard/fieldLabels.ts), else unknown — describe getLabel() then fails loudly rather than answer the API
 * name.
 */
function withStandardLabel(object: string, f: FieldDescribe, explicit: boolean): FieldDescribe {
  if (explicit) return f;
  const label = FIELD_REFERENCE_LABELS[object]?.[f.name] ?? COMMON_FIELD_LABELS[f.name];
  return label === undefined ? { ...f, labelUnknown: true } : { ...f, label };
}

function jarField(name: string, apexType: string, jar: CatalogObject): FieldDescribe {
  const spec: FieldSpec = { name, type: 'STRING', origin: 'jar', partial: true, nillable: true };
  const byApex: Record<string, DisplayType> = {
    String: 'STRING',
    Boolean: 'BOOLEAN',
    Integer: 'INTEGER',
    Long: 'LONG',
    Decimal: 'DOUBLE',
    Date: 'DATE',
    Datetime: 'DATETIME',
    Time: 'TIME',
    Blob: 'BASE64',
  };
  if (apexType === 'Id') {
    if (name === 'Id') {
      spec.type = 'ID';
      spec.nillable = false;
    } else {
      spec.type = 'REFERENCE';
      const rel = name.endsWith('Id') ? name.slice(0, -2) : undefined;
      const target = rel !== undefined ? jar.parents[rel] : undefined;
      if (rel !== undefined && target !== undefined) {
        spec.relationshipName = rel;
        // `Name` and `SObject` are how the jar types polymorphic relationships: their targets are unknown.
        if (target !== 'Name' && target !== 'SObject') spec.referenceTo = [target];
      }
    }
  } else if (apexType === 'String[]') {
    spec.type = 'ANYTYPE';
    spec.apexType = 'List<String>';
  } else {
    const type = byApex[apexType];
    if (type === undefined) throw new Error(`catalog: ${jar.name}.${name} has an unknown Apex type ${apexType}`);
    spec.type = type;
  }
  return makeField(spec);
}
