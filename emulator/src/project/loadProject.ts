// loadProject(dir): every metadata component of an sfdx project in source format.
//
// Like the sf CLI, it reads `sfdx-project.json`, walks each package directory at any folder depth (skipping what
// `.forceignore` names) and knows a file's metadata type by its suffix and, for decomposed and bundle types, by
// its parent folder (`objects/<Obj>/fields/`, `lwc/<bundle>/`, `staticresources/`). Object folders of the same
// object in several package directories are merged, as the CLI merges them on deploy. A file no reader claims is
// listed in `unknownMetadata` (never dropped); a duplicate component, a missing `-meta.xml` or malformed XML is a
// ProjectLoadError naming the file.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  readApexMeta,
  readCustomLabel,
  readCustomLabels,
  readCustomMetadataRecord,
  readGlobalValueSet,
  readNotificationType,
  readRemoteSiteSetting,
  readStandardValueSet,
  readStaticResourceMeta,
} from './components';
import { ForceIgnore } from './forceignore';
import {
  objectNameKind,
  readCompactLayout,
  readField,
  readListView,
  readObjectDefinition,
  readFieldSet,
  readRecordType,
  readSharingReason,
  readValidationRule,
} from './objects';
import { BUNDLE_FOLDERS, CONTENT_SUFFIX_TYPES, META_SUFFIX_TYPES, metaSuffix } from './registry';
import {
  readCachePartition,
  readCustomPermission,
  readGroup,
  readPermissionSet,
  readPermissionSetGroup,
  readProfile,
  readQueue,
  readRole,
  readSharingRules,
} from './security';
import type { NamedComponentMeta, ObjectMeta, PackageDirectory, ProjectMetadata, SfdxProjectConfig } from './types';
import { parseMetadataXml, ProjectLoadError, type XmlElement } from './xml';

/** Reads the sfdx project at `dir` (the folder holding `sfdx-project.json`). */
export function loadProject(dir: string): ProjectMetadata {
  const root = resolve(dir);
  const config = readSfdxProject(root);
  const ignorePath = join(root, '.forceignore');
  const loader = new Loader(
    root,
    config,
    new ForceIgnore(existsSync(ignorePath) ? readFileSync(ignorePath, 'utf8') : undefined),
  );
  for (const pkg of config.packageDirectories) loader.walkPackage(pkg);
  return loader.finish();
}

/** `sfdx-project.json` (Salesforce DX Developer Guide: "Salesforce DX Project Configuration"). */
export function readSfdxProject(root: string): SfdxProjectConfig {
  const file = join(root, 'sfdx-project.json');
  if (!existsSync(file)) throw new ProjectLoadError(file, 'no sfdx-project.json: not an sfdx project');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ProjectLoadError(file, `not valid JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null) throw new ProjectLoadError(file, 'expected a JSON object');
  const o = json as Record<string, unknown>;
  const dirs = o.packageDirectories;
  if (!Array.isArray(dirs) || dirs.length === 0)
    throw new ProjectLoadError(file, 'packageDirectories must be a non-empty array');
  const packageDirectories: PackageDirectory[] = dirs.map((d: unknown, i) => {
    const entry = (typeof d === 'object' && d !== null ? d : {}) as Record<string, unknown>;
    if (typeof entry.path !== 'string' || entry.path === '')
      throw new ProjectLoadError(file, `packageDirectories[${i}].path must be a string`);
    return {
      path: entry.path.replace(/\\/g, '/').replace(/\/+$/, ''),
      default: entry.default === true,
      package: typeof entry.package === 'string' ? entry.package : undefined,
    };
  });
  const stringOrUndefined = (key: string): string | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw new ProjectLoadError(file, `${key} must be a string`);
    return v;
  };
  return {
    name: stringOrUndefined('name'),
    namespace: stringOrUndefined('namespace') ?? '',
    sourceApiVersion: stringOrUndefined('sourceApiVersion'),
    packageDirectories,
  };
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** The component name of a `-meta.xml` file: the file name without `.<suffix>-meta.xml`. */
const metaName = (fileName: string, suffix: string): string => fileName.slice(0, -`.${suffix}-meta.xml`.length);

interface ApexPair {
  content?: string;
  meta?: string;
}

class Loader {
  private readonly project: ProjectMetadata;
  /** Metadata type → lower-case name → path, to refuse a component defined twice. */
  private readonly seen = new Map<string, Map<string, string>>();
  private readonly classes = new Map<string, ApexPair>();
  private readonly triggers = new Map<string, ApexPair>();
  /** Static resource name → its `-meta.xml`; and name → content entries (files or folders). */
  private readonly resourceMetas = new Map<string, string>();
  private readonly resourceContents = new Map<string, { path: string; isDirectory: boolean }[]>();
  private readonly bundles = new Set<string>();
  private readonly objectsByLowerName = new Map<string, ObjectMeta>();

  constructor(
    private readonly root: string,
    config: SfdxProjectConfig,
    private readonly ignore: ForceIgnore,
  ) {
    this.project = {
      root,
      config,
      apexClasses: [],
      apexTriggers: [],
      objects: new Map<string, ObjectMeta>(),
      customMetadataRecords: [],
      customLabels: [],
      permissionSets: [],
      permissionSetGroups: [],
      profiles: [],
      customPermissions: [],
      cachePartitions: [],
      groups: [],
      queues: [],
      roles: [],
      sharingRules: [],
      staticResources: [],
      customNotificationTypes: [],
      globalValueSets: [],
      standardValueSets: [],
      remoteSiteSettings: [],
      applications: [],
      tabs: [],
      flexipages: [],
      lwcBundles: [],
      auraBundles: [],
      genAiFunctions: [],
      genAiPlugins: [],
      namedCredentials: [],
      unknownMetadata: [],
    };
  }

  walkPackage(pkg: PackageDirectory): void {
    const abs = resolve(this.root, pkg.path);
    if (!existsSync(abs) || !statSync(abs).isDirectory())
      throw new ProjectLoadError(join(this.root, 'sfdx-project.json'), `package directory ${pkg.path} does not exist`);
    this.walk(abs);
  }

  private walk(dir: string): void {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      const rel = toPosix(relative(this.root, abs));
      if (this.ignore.ignores(rel, entry.isDirectory())) continue;
      if (entry.isDirectory()) this.walk(abs);
      else if (entry.isFile()) this.addFile(rel);
      else this.unknown(rel, 'not a regular file (symbolic link or special file)');
    }
  }

  private unknown(path: string, typeGuess: string): void {
    this.project.unknownMetadata.push({ path, typeGuess });
  }

  private claim(type: string, name: string, path: string): void {
    let names = this.seen.get(type);
    if (!names) this.seen.set(type, (names = new Map<string, string>()));
    const key = name.toLowerCase();
    const previous = names.get(key);
    if (previous !== undefined)
      throw new ProjectLoadError(this.abs(path), `${type} ${name} is already defined by ${previous}`);
    names.set(key, path);
  }

  private abs(rel: string): string {
    return join(this.root, rel);
  }

  private xml(rel: string, expectedRoot: string): XmlElement {
    return parseMetadataXml(this.abs(rel), readFileSync(this.abs(rel), 'utf8'), expectedRoot);
  }

  private addFile(rel: string): void {
    const parts = rel.split('/');
    const fileName = parts[parts.length - 1] ?? '';

    // Bundles: lwc/<bundle>/…, aura/<bundle>/…, genAiFunctions/<function>/…
    for (let i = 0; i < parts.length - 2; i++) {
      const bundleType = BUNDLE_FOLDERS[parts[i] ?? ''];
      if (bundleType === undefined) continue;
      const name = parts[i + 1] ?? '';
      const key = `${bundleType}:${name}`;
      if (!this.bundles.has(key)) {
        this.bundles.add(key);
        const dirPath = parts.slice(0, i + 2).join('/');
        this.claim(bundleType, name, dirPath);
        this.addBundle(bundleType, { name, type: bundleType, path: dirPath });
      }
      return;
    }

    // Static resources: staticresources/<Name>.resource-meta.xml and its content (a file or a folder).
    const sr = parts.lastIndexOf('staticresources');
    if (sr >= 0 && sr < parts.length - 1) {
      const first = parts[sr + 1] ?? '';
      if (sr === parts.length - 2 && fileName.endsWith('.resource-meta.xml')) {
        const name = metaName(fileName, 'resource');
        this.claim('StaticResource', name, rel);
        this.resourceMetas.set(name, rel);
      } else {
        const isDirectory = sr < parts.length - 2;
        const name = isDirectory ? first : first.replace(/\..*$/, '');
        const path = parts.slice(0, sr + 2).join('/');
        const list = this.resourceContents.get(name) ?? [];
        if (!list.some((c) => c.path === path)) list.push({ path, isDirectory });
        this.resourceContents.set(name, list);
      }
      return;
    }

    // Objects: objects/<Obj>/<Obj>.object-meta.xml and objects/<Obj>/<childFolder>/<Child>.<suffix>-meta.xml
    const ob = parts.lastIndexOf('objects');
    if (ob >= 0 && (ob === parts.length - 3 || ob === parts.length - 4)) {
      const objectName = parts[ob + 1] ?? '';
      if (this.addObjectFile(objectName, rel, fileName, ob === parts.length - 3)) return;
    }

    const suffix = metaSuffix(fileName);
    if (suffix === undefined) {
      const ext = /\.([^.]+)$/.exec(fileName)?.[1] ?? '';
      const name = fileName.slice(0, -(ext.length + 1));
      if (ext === 'cls') this.apexPart(this.classes, name, 'content', rel);
      else if (ext === 'trigger') this.apexPart(this.triggers, name, 'content', rel);
      else {
        const type = CONTENT_SUFFIX_TYPES[ext];
        this.unknown(rel, type ?? 'not a metadata file (no metadata type for this file)');
      }
      return;
    }
    const name = metaName(fileName, suffix);
    this.addMetaFile(suffix, name, rel);
  }

  private addBundle(type: string, component: NamedComponentMeta): void {
    if (type === 'LightningComponentBundle') this.project.lwcBundles.push(component);
    else if (type === 'AuraDefinitionBundle') this.project.auraBundles.push(component);
    else if (type === 'GenAiFunction') this.project.genAiFunctions.push(component);
    else this.unknown(component.path, type);
  }

  private apexPart(map: Map<string, ApexPair>, name: string, part: 'content' | 'meta', rel: string): void {
    const pair = map.get(name) ?? {};
    if (pair[part] !== undefined)
      throw new ProjectLoadError(this.abs(rel), `Apex ${name} is already defined by ${pair[part]}`);
    pair[part] = rel;
    map.set(name, pair);
  }

  private object(name: string): ObjectMeta {
    const existing = this.objectsByLowerName.get(name.toLowerCase());
    if (existing) return existing;
    const created: ObjectMeta = {
      name,
      kind: objectNameKind(name),
      definition: undefined,
      fields: [],
      listViews: [],
      compactLayouts: [],
      validationRules: [],
      recordTypes: [],
      sharingReasons: [],
      fieldSets: [],
      otherChildren: [],
    };
    this.project.objects.set(name, created);
    this.objectsByLowerName.set(name.toLowerCase(), created);
    return created;
  }

  /** Returns false when the file is not an object file after all (so it is classified by suffix). */
  private addObjectFile(objectName: string, rel: string, fileName: string, topLevel: boolean): boolean {
    if (topLevel) {
      if (fileName !== `${objectName}.object-meta.xml`) return false;
      this.claim('CustomObject', objectName, rel);
      this.object(objectName).definition = readObjectDefinition(this.xml(rel, 'CustomObject'), rel);
      return true;
    }
    const suffix = metaSuffix(fileName);
    if (suffix === undefined) return false;
    const name = metaName(fileName, suffix);
    const type = META_SUFFIX_TYPES[suffix];
    if (type === undefined) return false;
    const obj = () => this.object(objectName);
    const claimChild = () => this.claim(type, `${objectName}.${name}`, rel);
    switch (suffix) {
      case 'field':
        claimChild();
        obj().fields.push(readField(this.xml(rel, 'CustomField'), objectName, name, rel));
        return true;
      case 'listView':
        claimChild();
        obj().listViews.push(readListView(this.xml(rel, 'ListView'), name, rel));
        return true;
      case 'compactLayout':
        claimChild();
        obj().compactLayouts.push(readCompactLayout(this.xml(rel, 'CompactLayout'), name, rel));
        return true;
      case 'validationRule':
        claimChild();
        obj().validationRules.push(readValidationRule(this.xml(rel, 'ValidationRule'), name, rel));
        return true;
      case 'recordType':
        claimChild();
        obj().recordTypes.push(readRecordType(this.xml(rel, 'RecordType'), name, rel));
        return true;
      case 'sharingReason':
        claimChild();
        obj().sharingReasons.push(readSharingReason(this.xml(rel, 'SharingReason'), name, rel));
        return true;
      case 'fieldSet':
        claimChild();
        obj().fieldSets.push(readFieldSet(this.xml(rel, 'FieldSet'), name, rel));
        return true;
      case 'webLink':
      case 'businessProcess':
      case 'index':
        claimChild();
        this.xml(rel, type);
        obj().otherChildren.push({ fullName: name, type, path: rel });
        return true;
      default:
        return false;
    }
  }

  private addMetaFile(suffix: string, name: string, rel: string): void {
    const p = this.project;
    const type = META_SUFFIX_TYPES[suffix];
    const named = (list: NamedComponentMeta[], t: string): void => {
      this.claim(t, name, rel);
      this.xml(rel, t);
      list.push({ name, type: t, path: rel });
    };
    switch (suffix) {
      case 'cls':
        this.apexPart(this.classes, name, 'meta', rel);
        return;
      case 'trigger':
        this.apexPart(this.triggers, name, 'meta', rel);
        return;
      case 'md':
        this.claim('CustomMetadata', name, rel);
        p.customMetadataRecords.push(readCustomMetadataRecord(this.xml(rel, 'CustomMetadata'), name, rel));
        return;
      case 'labels':
        for (const label of readCustomLabels(this.xml(rel, 'CustomLabels'), rel)) {
          this.claim('CustomLabel', label.fullName, rel);
          p.customLabels.push(label);
        }
        return;
      case 'label':
        this.claim('CustomLabel', name, rel);
        p.customLabels.push(readCustomLabel(this.xml(rel, 'CustomLabel'), name, rel));
        return;
      case 'permissionset':
        this.claim('PermissionSet', name, rel);
        p.permissionSets.push(readPermissionSet(this.xml(rel, 'PermissionSet'), name, rel));
        return;
      case 'permissionsetgroup':
        this.claim('PermissionSetGroup', name, rel);
        p.permissionSetGroups.push(readPermissionSetGroup(this.xml(rel, 'PermissionSetGroup'), name, rel));
        return;
      case 'profile':
        this.claim('Profile', name, rel);
        p.profiles.push(readProfile(this.xml(rel, 'Profile'), name, rel));
        return;
      case 'customPermission':
        this.claim('CustomPermission', name, rel);
        p.customPermissions.push(readCustomPermission(this.xml(rel, 'CustomPermission'), name, rel));
        return;
      case 'group':
        this.claim('Group', name, rel);
        p.groups.push(readGroup(this.xml(rel, 'Group'), name, rel));
        return;
      case 'queue':
        this.claim('Queue', name, rel);
        p.queues.push(readQueue(this.xml(rel, 'Queue'), name, rel));
        return;
      case 'role':
        this.claim('Role', name, rel);
        p.roles.push(readRole(this.xml(rel, 'Role'), name, rel));
        return;
      case 'sharingRules':
        this.claim('SharingRules', name, rel);
        p.sharingRules.push(readSharingRules(this.xml(rel, 'SharingRules'), name, rel));
        return;
      case 'notiftype':
        this.claim('CustomNotificationType', name, rel);
        p.customNotificationTypes.push(readNotificationType(this.xml(rel, 'CustomNotificationType'), name, rel));
        return;
      case 'globalValueSet':
        this.claim('GlobalValueSet', name, rel);
        p.globalValueSets.push(readGlobalValueSet(this.xml(rel, 'GlobalValueSet'), name, rel));
        return;
      case 'standardValueSet':
        this.claim('StandardValueSet', name, rel);
        p.standardValueSets.push(readStandardValueSet(this.xml(rel, 'StandardValueSet'), name, rel));
        return;
      case 'cachePartition':
        this.claim('PlatformCachePartition', name, rel);
        (p.cachePartitions ??= []).push(readCachePartition(this.xml(rel, 'PlatformCachePartition'), name, rel));
        return;
      case 'remoteSite':
        this.claim('RemoteSiteSetting', name, rel);
        p.remoteSiteSettings.push(readRemoteSiteSetting(this.xml(rel, 'RemoteSiteSetting'), name, rel));
        return;
      case 'app':
        named(p.applications, 'CustomApplication');
        return;
      case 'tab':
        named(p.tabs, 'CustomTab');
        return;
      case 'flexipage':
        named(p.flexipages, 'FlexiPage');
        return;
      case 'genAiPlugin':
        named(p.genAiPlugins, 'GenAiPlugin');
        return;
      case 'namedCredential':
        named(p.namedCredentials, 'NamedCredential');
        return;
      default:
        this.unknown(rel, type ?? `unrecognised metadata suffix .${suffix}-meta.xml`);
    }
  }

  finish(): ProjectMetadata {
    const p = this.project;
    for (const [name, pair] of this.classes) {
      const { body, metaPath, meta } = this.apexFiles('ApexClass', name, pair, 'cls');
      p.apexClasses.push({ name, path: pair.content ?? '', body, metaPath, ...readApexMeta(meta) });
    }
    for (const [name, pair] of this.triggers) {
      const { body, metaPath, meta } = this.apexFiles('ApexTrigger', name, pair, 'trigger');
      p.apexTriggers.push({ name, path: pair.content ?? '', body, metaPath, ...readApexMeta(meta) });
    }
    for (const [name, metaPath] of this.resourceMetas) {
      const meta = readStaticResourceMeta(this.xml(metaPath, 'StaticResource'));
      const contents = this.resourceContents.get(name) ?? [];
      this.resourceContents.delete(name);
      const [content, extra] = contents;
      if (content === undefined)
        throw new ProjectLoadError(this.abs(metaPath), `static resource ${name} has no content file or folder`);
      if (extra !== undefined)
        throw new ProjectLoadError(
          this.abs(metaPath),
          `static resource ${name} has two contents: ${content.path}, ${extra.path}`,
        );
      p.staticResources.push({
        name,
        path: metaPath,
        ...meta,
        contentPath: content.path,
        body: content.isDirectory ? undefined : readFileSync(this.abs(content.path)),
        unsupported: content.isDirectory
          ? `static resource ${name} is a folder (an expanded ${meta.contentType} archive); the emulator does not build its archive`
          : undefined,
      });
    }
    for (const contents of this.resourceContents.values())
      for (const c of contents) this.unknown(c.path, 'StaticResource content without a .resource-meta.xml');
    return p;
  }

  private apexFiles(
    type: string,
    name: string,
    pair: ApexPair,
    ext: string,
  ): { body: string; metaPath: string; meta: XmlElement } {
    if (pair.content === undefined)
      throw new ProjectLoadError(this.abs(pair.meta ?? name), `${type} ${name} has a -meta.xml but no .${ext} file`);
    if (pair.meta === undefined)
      throw new ProjectLoadError(this.abs(pair.content), `${type} ${name} has no ${name}.${ext}-meta.xml`);
    this.claim(type, name, pair.content);
    return {
      body: readFileSync(this.abs(pair.content), 'utf8'),
      metaPath: pair.meta,
      meta: this.xml(pair.meta, type),
    };
  }
}
