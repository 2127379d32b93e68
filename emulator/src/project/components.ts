// Readers for the other metadata types the emulator reads (Metadata API Developer Guide: ApexClass, ApexTrigger,
// CustomMetadata, CustomLabels, StaticResource, CustomNotificationType, GlobalValueSet, StandardValueSet,
// RemoteSiteSetting).
import { readPicklistValue } from './objects';
import type {
  CustomLabelMeta,
  CustomMetadataRecordMeta,
  CustomMetadataValueMeta,
  CustomNotificationTypeMeta,
  GlobalValueSetMeta,
  RemoteSiteSettingMeta,
  StandardValueSetMeta,
} from './types';
import { ProjectLoadError, type XmlElement } from './xml';

/** `<apiVersion>` and `<status>` of an ApexClass / ApexTrigger `-meta.xml`. */
export function readApexMeta(el: XmlElement): { apiVersion: string; status: string } {
  const apiVersion = el.requiredText('apiVersion');
  if (!/^\d+\.0$/.test(apiVersion)) el.fail('apiVersion', `must look like 65.0, got '${apiVersion}'`);
  return { apiVersion, status: el.text('status') ?? 'Active' };
}

/** The xsi:type values a CustomMetadataValue may carry (Metadata API: CustomMetadata, "CustomMetadataValue"). */
const CMDT_XSI_TYPES = new Set(['xsd:string', 'xsd:boolean', 'xsd:double', 'xsd:int', 'xsd:date', 'xsd:dateTime']);

/** `customMetadata/<Type>.<Record>.md-meta.xml`; `fileName` is `<Type>.<Record>`. */
export function readCustomMetadataRecord(el: XmlElement, fileName: string, path: string): CustomMetadataRecordMeta {
  const dot = fileName.indexOf('.');
  if (dot <= 0 || dot === fileName.length - 1)
    throw new ProjectLoadError(el.file, 'a custom metadata record file is named <Type>.<Record>.md-meta.xml');
  const values: CustomMetadataValueMeta[] = el.children('values').map((v) => {
    const field = v.requiredText('field');
    const valueEl = v.child('value');
    if (valueEl === undefined) return { field, xsiType: undefined, value: null };
    const nil = valueEl.attr('xsi:nil');
    const xsiType = valueEl.attr('xsi:type');
    if (nil === 'true') return { field, xsiType, value: null };
    if (xsiType !== undefined && !CMDT_XSI_TYPES.has(xsiType))
      throw new ProjectLoadError(el.file, `<values> for ${field} has an unknown xsi:type '${xsiType}'`);
    return { field, xsiType, value: valueEl.ownText() };
  });
  return {
    path,
    type: `${fileName.slice(0, dot)}__mdt`,
    developerName: fileName.slice(dot + 1),
    label: el.requiredText('label'),
    protected: el.bool('protected') ?? false,
    values,
  };
}

function readLabel(l: XmlElement, path: string): CustomLabelMeta {
  return {
    path,
    fullName: l.requiredText('fullName'),
    value: l.requiredText('value'),
    language: l.text('language'),
    protected: l.bool('protected'),
    shortDescription: l.text('shortDescription'),
    categories: l.text('categories'),
  };
}

/** `labels/CustomLabels.labels-meta.xml`: many `<labels>` in one file. */
export function readCustomLabels(el: XmlElement, path: string): CustomLabelMeta[] {
  return el.children('labels').map((l) => readLabel(l, path));
}

/** `labels/<Name>.label-meta.xml`: one label per file (the CLI's decomposed custom-labels format). */
export function readCustomLabel(el: XmlElement, name: string, path: string): CustomLabelMeta {
  const label = readLabel(el, path);
  if (label.fullName !== name) throw new ProjectLoadError(el.file, `<fullName> does not match the file name (${name})`);
  return label;
}

export function readStaticResourceMeta(el: XmlElement): {
  contentType: string;
  cacheControl: string | undefined;
  description: string | undefined;
} {
  return {
    contentType: el.requiredText('contentType'),
    cacheControl: el.text('cacheControl'),
    description: el.text('description'),
  };
}

export function readNotificationType(el: XmlElement, name: string, path: string): CustomNotificationTypeMeta {
  return {
    path,
    name,
    customNotifTypeName: el.requiredText('customNotifTypeName'),
    masterLabel: el.text('masterLabel'),
    description: el.text('description'),
    desktop: el.bool('desktop'),
    mobile: el.bool('mobile'),
  };
}

export function readGlobalValueSet(el: XmlElement, name: string, path: string): GlobalValueSetMeta {
  return {
    path,
    name,
    masterLabel: el.text('masterLabel'),
    sorted: el.bool('sorted'),
    values: el.children('customValue').map(readPicklistValue),
  };
}

export function readStandardValueSet(el: XmlElement, name: string, path: string): StandardValueSetMeta {
  return {
    path,
    name,
    sorted: el.bool('sorted'),
    values: el.children('standardValue').map((v) => ({ ...readPicklistValue(v), raw: v.raw() })),
  };
}

export function readRemoteSiteSetting(el: XmlElement, name: string, path: string): RemoteSiteSettingMeta {
  return {
    path,
    name,
    url: el.text('url'),
    isActive: el.bool('isActive'),
    disableProtocolSecurity: el.bool('disableProtocolSecurity'),
    description: el.text('description'),
  };
}
