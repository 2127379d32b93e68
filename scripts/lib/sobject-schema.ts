// The object schema SOQL is validated against: the project's own object metadata (`objects/<Object>/fields/*.xml`)
// merged with Salesforce's standard objects, read from the API 65 type jar that ships with the PMD engine
// (`sobject-types-65.0.0.jar`: one class per standard object, one public field per SObject field).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { javaLibDir } from './java';
import { listFiles } from './project-files';

/** What SOQL can name on one object: fields, parent relationships (→ object) and child relationships (→ object). */
export interface SObjectSchema {
  name: string;
  fields: Set<string>;
  parents: Map<string, string>;
  children: Map<string, string>;
}

const lower = (s: string): string => s.toLowerCase();

/** Fields every custom object has (the relationship ones are listed in CUSTOM_OBJECT_PARENTS). */
const CUSTOM_OBJECT_FIELDS = [
  'Id',
  'Name',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'LastViewedDate',
  'LastReferencedDate',
  'LastActivityDate',
  'RecordTypeId',
  'CurrencyIsoCode',
];
const CUSTOM_OBJECT_PARENTS: [string, string][] = [
  ['CreatedBy', 'User'],
  ['LastModifiedBy', 'User'],
  ['RecordType', 'RecordType'],
];
/** Objects on the detail side of a master-detail have no owner; the others are owned by a user or queue. */
const OWNER: [string, string][] = [['Owner', 'Name']];
/**
 * The share object of a custom object whose default is Private or Public Read Only (Object Reference, "Custom
 * Object Share": AccessLevel, ParentId, RowCause, UserOrGroupId, plus the system fields).
 */
const SHARE_FIELDS = [
  'Id',
  'ParentId',
  'UserOrGroupId',
  'AccessLevel',
  'RowCause',
  'IsDeleted',
  'LastModifiedDate',
  'LastModifiedById',
];
const CUSTOM_METADATA_FIELDS = [
  'Id',
  'DeveloperName',
  'MasterLabel',
  'Label',
  'Language',
  'NamespacePrefix',
  'QualifiedApiName',
  'SystemModstamp',
];

/**
 * The schema of one sfdx project: object metadata found under `projectDir`, and standard objects loaded on demand
 * from the type jar (in batches, one `javap` per batch). Names are case-insensitive, as in SOQL.
 */
export class ProjectSchema {
  private readonly objects = new Map<string, SObjectSchema>();
  private readonly missing = new Set<string>();

  constructor(projectDir: string) {
    this.loadProjectObjects(projectDir);
  }

  /** The object, or undefined when it is neither in the project nor a standard object (call `load` first). */
  get(name: string): SObjectSchema | undefined {
    return this.objects.get(lower(name));
  }

  /** Whether `name` is still to be looked up among the standard objects. */
  needsLoading(name: string): boolean {
    const key = lower(name);
    return !this.objects.has(key) && !this.missing.has(key) && !isCustomName(name);
  }

  /** Loads the named standard objects from the type jar; names that are not standard objects are remembered as missing. */
  loadStandard(names: string[]): void {
    const wanted = [...new Set(names.filter((n) => this.needsLoading(n) && /^[A-Za-z]\w*$/.test(n)))];
    if (wanted.length === 0) return;
    const jar = join(javaLibDir(), 'sobject-types-65.0.0.jar');
    const run = spawnSync('javap', ['-cp', jar, ...wanted.map((n) => `com.nawforce.runforce.SObjects.${n}`)], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.error)
      throw new Error(`could not run javap (part of the JDK) to read standard objects: ${run.error.message}`);
    for (const block of run.stdout.split(/^(?=(?:public )?class )|^(?=Compiled from)/m)) {
      const header = /class com\.nawforce\.runforce\.SObjects\.(\w+) /.exec(block);
      if (!header?.[1]) continue;
      const schema = this.ensure(header[1]);
      for (const match of block.matchAll(/^\s+public (com\.nawforce\.runforce\.[\w.$<>]+?)(\[\])? (\w+);$/gm)) {
        const [, type = '', array, field = ''] = match;
        const sobject = /^com\.nawforce\.runforce\.SObjects\.(\w+)$/.exec(type)?.[1];
        if (sobject && array) schema.children.set(lower(field), sobject);
        else if (sobject) schema.parents.set(lower(field), sobject);
        else schema.fields.add(lower(field));
      }
    }
    for (const name of wanted) if (!this.objects.has(lower(name))) this.missing.add(lower(name));
  }

  private ensure(name: string): SObjectSchema {
    const key = lower(name);
    let schema = this.objects.get(key);
    if (!schema) {
      schema = { name, fields: new Set(), parents: new Map(), children: new Map() };
      this.objects.set(key, schema);
    }
    return schema;
  }

  private loadProjectObjects(projectDir: string): void {
    const xml = new XMLParser({ ignoreAttributes: true });
    const objectFiles = listFiles(projectDir, (n) => n.endsWith('.object-meta.xml'));
    const fieldFiles = listFiles(projectDir, (n) => n.endsWith('.field-meta.xml'));
    const detailObjects = new Set<string>();
    const custom = new Set<string>();
    const shared = new Set<string>();
    for (const file of objectFiles) {
      const name = basename(file, '.object-meta.xml');
      if (isCustomName(name)) custom.add(name);
      const parsed = xml.parse(readFileSync(file, 'utf8')) as { CustomObject?: { sharingModel?: unknown } };
      const model = parsed.CustomObject?.sharingModel;
      if (/__c$/i.test(name) && (model === 'Private' || model === 'Read')) shared.add(name);
    }
    for (const name of shared) {
      const share = this.ensure(name.replace(/__c$/i, '__Share'));
      SHARE_FIELDS.forEach((f) => share.fields.add(lower(f)));
      share.parents.set('parent', name);
      share.parents.set('lastmodifiedby', 'User');
    }
    const fields: { object: string; field: Record<string, unknown> }[] = [];
    for (const file of fieldFiles) {
      // objects/<Object>/fields/<Field>.field-meta.xml
      const object = basename(dirname(dirname(file)));
      const parsed = xml.parse(readFileSync(file, 'utf8')) as { CustomField?: Record<string, unknown> };
      const field: Record<string, unknown> = {
        fullName: basename(file, '.field-meta.xml'),
        ...(parsed.CustomField ?? {}),
      };
      fields.push({ object, field });
      if (field.type === 'MasterDetail') detailObjects.add(lower(object));
      if (isCustomName(object)) custom.add(object);
    }
    for (const name of custom) {
      const schema = this.ensure(name);
      if (name.endsWith('__mdt')) {
        CUSTOM_METADATA_FIELDS.forEach((f) => schema.fields.add(lower(f)));
      } else {
        CUSTOM_OBJECT_FIELDS.forEach((f) => schema.fields.add(lower(f)));
        for (const [rel, target] of CUSTOM_OBJECT_PARENTS) schema.parents.set(lower(rel), target);
        if (!detailObjects.has(lower(name))) {
          schema.fields.add('ownerid');
          for (const [rel, target] of OWNER) schema.parents.set(lower(rel), target);
        }
      }
    }
    for (const { object, field } of fields) {
      // Custom fields on standard objects are merged once the standard object is loaded; keep them aside.
      this.pendingFields.push({ object, field });
    }
    this.applyPendingFields();
  }

  private readonly pendingFields: { object: string; field: Record<string, unknown> }[] = [];

  /** Adds the project's field metadata to whatever objects are loaded (called again after each standard load). */
  applyPendingFields(): void {
    for (const { object, field } of this.pendingFields) {
      const owner = this.objects.get(lower(object));
      if (!owner) continue;
      const name = String(field.fullName);
      owner.fields.add(lower(name));
      const target = typeof field.referenceTo === 'string' ? field.referenceTo : undefined;
      if (target && /^(Lookup|MasterDetail|MetadataRelationship|Hierarchy)$/.test(String(field.type))) {
        owner.parents.set(lower(name.replace(/__c$/i, '__r')), target);
        const relationshipName = typeof field.relationshipName === 'string' ? field.relationshipName : undefined;
        const parent = this.objects.get(lower(target));
        if (relationshipName && parent) parent.children.set(lower(`${relationshipName}__r`), owner.name);
      }
    }
  }

  /** Standard objects the project's fields point at or extend: loading them lets relationships resolve. */
  standardObjectsReferenced(): string[] {
    return this.pendingFields
      .flatMap(({ object, field }) => [object, typeof field.referenceTo === 'string' ? field.referenceTo : ''])
      .filter((n) => n && !isCustomName(n));
  }
}

/** Custom objects, custom metadata types, platform events, big objects… all carry a `__x` suffix. */
function isCustomName(name: string): boolean {
  return /__(c|mdt|e|b|x|kav|share|history|feed)$/i.test(name);
}
