// Readers for access metadata (Metadata API Developer Guide: PermissionSet, Profile, PermissionSetGroup,
// CustomPermission, Group, Queue, Role, SharingRules, PlatformCachePartition).
import type {
  CachePartitionMeta,
  CustomPermissionMeta,
  GroupMeta,
  PermissionSetGroupMeta,
  PermissionSetMeta,
  PermissionsMeta,
  ProfileMeta,
  QueueMeta,
  RoleMeta,
  SharingRuleMeta,
  SharingRulesMeta,
} from './types';
import type { XmlElement } from './xml';

const flag = (el: XmlElement, key: string): boolean => el.bool(key) ?? false;

function readPermissions(el: XmlElement, name: string, path: string): PermissionsMeta {
  return {
    path,
    name,
    description: el.text('description'),
    objectPermissions: el.children('objectPermissions').map((p) => ({
      object: p.requiredText('object'),
      allowCreate: flag(p, 'allowCreate'),
      allowRead: flag(p, 'allowRead'),
      allowEdit: flag(p, 'allowEdit'),
      allowDelete: flag(p, 'allowDelete'),
      viewAllRecords: flag(p, 'viewAllRecords'),
      modifyAllRecords: flag(p, 'modifyAllRecords'),
      viewAllFields: p.bool('viewAllFields'),
    })),
    fieldPermissions: el.children('fieldPermissions').map((p) => ({
      field: p.requiredText('field'),
      readable: flag(p, 'readable'),
      editable: flag(p, 'editable'),
    })),
    classAccesses: el
      .children('classAccesses')
      .map((p) => ({ apexClass: p.requiredText('apexClass'), enabled: flag(p, 'enabled') })),
    customPermissions: el
      .children('customPermissions')
      .map((p) => ({ name: p.requiredText('name'), enabled: flag(p, 'enabled') })),
    customMetadataTypeAccesses: el
      .children('customMetadataTypeAccesses')
      .map((p) => ({ name: p.requiredText('name'), enabled: flag(p, 'enabled') })),
    customSettingAccesses: el
      .children('customSettingAccesses')
      .map((p) => ({ name: p.requiredText('name'), enabled: flag(p, 'enabled') })),
    pageAccesses: el
      .children('pageAccesses')
      .map((p) => ({ apexPage: p.requiredText('apexPage'), enabled: flag(p, 'enabled') })),
    tabSettings: el
      .children('tabSettings')
      .map((p) => ({ tab: p.requiredText('tab'), visibility: p.requiredText('visibility') })),
    applicationVisibilities: el.children('applicationVisibilities').map((p) => ({
      application: p.requiredText('application'),
      visible: flag(p, 'visible'),
      default: p.bool('default'),
    })),
    recordTypeVisibilities: el.children('recordTypeVisibilities').map((p) => ({
      recordType: p.requiredText('recordType'),
      visible: flag(p, 'visible'),
      default: p.bool('default'),
    })),
    userPermissions: el
      .children('userPermissions')
      .map((p) => ({ name: p.requiredText('name'), enabled: flag(p, 'enabled') })),
    raw: el.raw(),
  };
}

export function readPermissionSet(el: XmlElement, name: string, path: string): PermissionSetMeta {
  return {
    ...readPermissions(el, name, path),
    // PermissionSet.label is required by the Metadata API; the file name stands in when a source file omits it.
    label: el.text('label') ?? name,
    license: el.text('license'),
    hasActivationRequired: el.bool('hasActivationRequired'),
  };
}

export function readProfile(el: XmlElement, name: string, path: string): ProfileMeta {
  return { ...readPermissions(el, name, path), custom: el.bool('custom'), userLicense: el.text('userLicense') };
}

export function readPermissionSetGroup(el: XmlElement, name: string, path: string): PermissionSetGroupMeta {
  return {
    path,
    name,
    label: el.text('label') ?? name,
    description: el.text('description'),
    permissionSets: el.texts('permissionSets'),
    mutingPermissionSets: el.texts('mutingPermissionSets'),
    hasActivationRequired: el.bool('hasActivationRequired'),
    status: el.text('status'),
  };
}

/** Metadata API, "PlatformCachePartition": isDefaultPartition, masterLabel, platformCachePartitionTypes. */
export function readCachePartition(el: XmlElement, name: string, path: string): CachePartitionMeta {
  const capacity: CachePartitionMeta['capacity'] = { organization: undefined, session: undefined };
  for (const t of el.children('platformCachePartitionTypes')) {
    const type = (t.text('cacheType') ?? '').toLowerCase();
    if (type === 'organization' || type === 'session') capacity[type] = t.int('allocatedCapacity');
  }
  return {
    path,
    name,
    masterLabel: el.text('masterLabel'),
    isDefaultPartition: el.bool('isDefaultPartition') ?? false,
    capacity,
  };
}

export function readCustomPermission(el: XmlElement, name: string, path: string): CustomPermissionMeta {
  return {
    path,
    name,
    label: el.text('label'),
    description: el.text('description'),
    isLicensed: el.bool('isLicensed'),
    connectedApp: el.text('connectedApp'),
    requiredPermissions: el.children('requiredPermission').map((p) => ({
      customPermission: p.requiredText('customPermission'),
      dependency: flag(p, 'dependency'),
    })),
  };
}

export function readGroup(el: XmlElement, developerName: string, path: string): GroupMeta {
  return {
    path,
    developerName,
    label: el.requiredText('name'),
    description: el.text('description'),
    doesIncludeBosses: el.bool('doesIncludeBosses'),
  };
}

export function readQueue(el: XmlElement, developerName: string, path: string): QueueMeta {
  return {
    path,
    developerName,
    label: el.requiredText('name'),
    email: el.text('email'),
    doesSendEmailToMembers: el.bool('doesSendEmailToMembers'),
    queueSobjects: el.children('queueSobject').map((q) => q.requiredText('sobjectType')),
    queueMembers: el.child('queueMembers')?.raw(),
  };
}

export function readRole(el: XmlElement, developerName: string, path: string): RoleMeta {
  return {
    path,
    developerName,
    label: el.requiredText('name'),
    parentRole: el.text('parentRole'),
    description: el.text('description'),
    caseAccessLevel: el.text('caseAccessLevel'),
    contactAccessLevel: el.text('contactAccessLevel'),
    opportunityAccessLevel: el.text('opportunityAccessLevel'),
    mayForecastManagerShare: el.bool('mayForecastManagerShare'),
  };
}

function readSharingRule(el: XmlElement): SharingRuleMeta {
  return {
    fullName: el.requiredText('fullName'),
    label: el.text('label'),
    accessLevel: el.text('accessLevel'),
    sharedTo: el.child('sharedTo')?.raw(),
    raw: el.raw(),
  };
}

export function readSharingRules(el: XmlElement, object: string, path: string): SharingRulesMeta {
  return {
    path,
    object,
    criteriaRules: el.children('sharingCriteriaRules').map(readSharingRule),
    ownerRules: el.children('sharingOwnerRules').map(readSharingRule),
    guestRules: el.children('sharingGuestRules').map(readSharingRule),
    territoryRules: el.children('sharingTerritoryRules').map(readSharingRule),
  };
}
