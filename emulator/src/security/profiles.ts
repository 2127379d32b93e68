// The standard profiles an org has before anything is deployed, as far as the documentation describes them.
//
// Salesforce Help, "Standard Profiles" (platform.standard_profiles.htm):
//   - System Administrator: "Can configure and customize the application. Has access to all functionality that
//     doesn't require an additional license." Its "Modify All Data" grants every object permission on every object
//     ("Object Permissions": "Modify All Data … all objects").
//   - Standard User: "Can create and edit most major types of records, run reports, and view the organization's
//     setup. Can view, but not manage, campaigns."
//   - Minimum Access - Salesforce: the profile with the fewest permissions; access is meant to come from
//     permission sets (Help, "Minimum Access - Salesforce Profile").
// Field-level security on custom fields: a field deployed with the Metadata API is visible to no profile unless
// the deployment carries the profile's fieldPermissions (Metadata API, since API 31.0: "you must migrate the
// profile to get the FLS carried over" — forcedotcom/idecore#56); so the built-in profiles grant FLS only on
// standard fields, and the project's `profiles/*.profile-meta.xml` add the rest.
//
// What a built-in profile's rule does not say is `undefined`: the model fails loudly when a result depends on it.
import type { FieldDescribe, SObjectDescribe } from '../schema/types';
import { HELP } from './types';

/** Object permissions (Object Reference, "ObjectPermissions": PermissionsRead, …Create, …Edit, …Delete, …ViewAllRecords, …ModifyAllRecords, …ViewAllFields). */
export interface ObjectPerms {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
  viewAllFields: boolean;
}

export type PartialObjectPerms = { [K in keyof ObjectPerms]: boolean | undefined };

export const NO_OBJECT_ACCESS: ObjectPerms = Object.freeze({
  read: false,
  create: false,
  edit: false,
  delete: false,
  viewAll: false,
  modifyAll: false,
  viewAllFields: false,
});

export const CRUD: ObjectPerms = Object.freeze({
  ...NO_OBJECT_ACCESS,
  read: true,
  create: true,
  edit: true,
  delete: true,
});

export const ALL_OBJECT_ACCESS: ObjectPerms = Object.freeze({
  read: true,
  create: true,
  edit: true,
  delete: true,
  viewAll: true,
  modifyAll: true,
  viewAllFields: true,
});

export interface FieldPerms {
  read: boolean;
  edit: boolean;
}

export interface BuiltInProfile {
  /** Profile.Name. */
  name: string;
  /** The Metadata API full name of the profile's file (`profiles/<fullName>.profile-meta.xml`). */
  metadataName: string;
  /** Profile.UserType. */
  userType: 'Standard';
  /**
   * User permissions by API name without the `Permissions` prefix (ModifyAllData …): true granted, false not
   * granted. A name absent here is not known for this profile.
   */
  userPermissions: Readonly<Record<string, boolean>>;
  /** Object permissions for an object, or undefined when the docs do not say. */
  objectPermissions(describe: SObjectDescribe): ObjectPerms | undefined;
  /** FLS of a standard (non-project) permissionable field, or undefined when the docs do not say. */
  standardFieldPermissions(describe: SObjectDescribe, field: FieldDescribe): FieldPerms | undefined;
  /** Whether the profile reaches every Apex class (Author Apex). */
  allApexClasses: boolean;
  docs: string[];
}

const STANDARD_PROFILES_DOC = `${HELP}platform.standard_profiles.htm&type=5`;

/** The "major types of records" of Standard User: the CRM objects and activities (issue 13 names them). */
const STANDARD_USER_CRUD = new Set(['account', 'contact', 'opportunity', 'lead', 'case', 'task', 'event']);
/** "Can view, but not manage, campaigns." */
const STANDARD_USER_READ = new Set(['campaign']);

/** Permissions the three profiles are documented to have or lack (Help, "Standard Profiles"; "User Permissions"). */
const ADMIN_PERMISSIONS: Record<string, boolean> = {
  ModifyAllData: true,
  ViewAllData: true,
  ViewSetup: true,
  CustomizeApplication: true,
  AuthorApex: true,
  ManageUsers: true,
  ManageInternalUsers: true,
  ViewAllUsers: true,
  ManageProfilesPermissionsets: true,
  AssignPermissionSets: true,
  ManageSharing: true,
  TransferAnyEntity: true,
  ManageCustomPermissions: true,
  ApiEnabled: true,
  EditTask: true,
  EditEvent: true,
  RunReports: true,
  ViewRoles: true,
};

const NOT_ADMINISTRATIVE: Record<string, boolean> = {
  ModifyAllData: false,
  ViewAllData: false,
  CustomizeApplication: false,
  AuthorApex: false,
  ManageUsers: false,
  ManageInternalUsers: false,
  ViewAllUsers: false,
  ManageProfilesPermissionsets: false,
  AssignPermissionSets: false,
  ManageSharing: false,
  TransferAnyEntity: false,
  ManageCustomPermissions: false,
};

function isProjectObject(describe: SObjectDescribe): boolean {
  return describe.custom;
}

export const SYSTEM_ADMINISTRATOR: BuiltInProfile = {
  name: 'System Administrator',
  metadataName: 'Admin',
  userType: 'Standard',
  userPermissions: ADMIN_PERMISSIONS,
  // Modify All Data: every object permission on every object.
  objectPermissions: () => ALL_OBJECT_ACCESS,
  standardFieldPermissions: () => ({ read: true, edit: true }),
  allApexClasses: true,
  docs: [STANDARD_PROFILES_DOC],
};

export const STANDARD_USER: BuiltInProfile = {
  name: 'Standard User',
  metadataName: 'Standard',
  userType: 'Standard',
  userPermissions: {
    ...NOT_ADMINISTRATIVE,
    // "run reports, and view the organization's setup"
    ViewSetup: true,
    RunReports: true,
    ApiEnabled: true,
    EditTask: true,
    EditEvent: true,
  },
  objectPermissions: (d) => {
    const key = d.name.toLowerCase();
    if (STANDARD_USER_CRUD.has(key)) return CRUD;
    if (STANDARD_USER_READ.has(key)) return { ...NO_OBJECT_ACCESS, read: true };
    // Custom objects deployed without the profile: no access (issue 13; Help, "Custom Object Security").
    if (isProjectObject(d)) return NO_OBJECT_ACCESS;
    return undefined;
  },
  standardFieldPermissions: (d) => {
    const key = d.name.toLowerCase();
    if (STANDARD_USER_CRUD.has(key)) return { read: true, edit: true };
    if (STANDARD_USER_READ.has(key)) return { read: true, edit: false };
    return undefined;
  },
  allApexClasses: false,
  docs: [STANDARD_PROFILES_DOC],
};

export const MINIMUM_ACCESS: BuiltInProfile = {
  name: 'Minimum Access - Salesforce',
  metadataName: 'Minimum Access - Salesforce',
  userType: 'Standard',
  userPermissions: {
    ...NOT_ADMINISTRATIVE,
    ViewSetup: false,
    RunReports: false,
    EditTask: false,
    EditEvent: false,
  },
  objectPermissions: (d) => {
    const key = d.name.toLowerCase();
    if (STANDARD_USER_CRUD.has(key) || STANDARD_USER_READ.has(key) || isProjectObject(d)) return NO_OBJECT_ACCESS;
    return undefined;
  },
  standardFieldPermissions: (d) => {
    const key = d.name.toLowerCase();
    if (STANDARD_USER_CRUD.has(key) || STANDARD_USER_READ.has(key)) return { read: false, edit: false };
    return undefined;
  },
  allApexClasses: false,
  docs: [`${HELP}platform.users_profiles_minimum_access.htm&type=5`, STANDARD_PROFILES_DOC],
};

/**
 * Help, "Standard Profiles": "Read Only: Can view the organization's setup, run and export reports, and view, but
 * not edit, other records" — read on the objects Standard User may change, no create, edit or delete.
 */
export const READ_ONLY: BuiltInProfile = {
  name: 'Read Only',
  metadataName: 'ReadOnly',
  userType: 'Standard',
  userPermissions: {
    ...NOT_ADMINISTRATIVE,
    ViewSetup: true,
    RunReports: true,
    ApiEnabled: true,
    EditTask: false,
    EditEvent: false,
  },
  objectPermissions: (d) => {
    const key = d.name.toLowerCase();
    if (STANDARD_USER_CRUD.has(key) || STANDARD_USER_READ.has(key)) return { ...NO_OBJECT_ACCESS, read: true };
    if (isProjectObject(d)) return NO_OBJECT_ACCESS;
    return undefined;
  },
  standardFieldPermissions: (d) => {
    const key = d.name.toLowerCase();
    if (STANDARD_USER_CRUD.has(key) || STANDARD_USER_READ.has(key)) return { read: true, edit: false };
    return undefined;
  },
  allApexClasses: false,
  docs: [STANDARD_PROFILES_DOC],
};

export const BUILT_IN_PROFILES: readonly BuiltInProfile[] = [
  SYSTEM_ADMINISTRATOR,
  STANDARD_USER,
  READ_ONLY,
  MINIMUM_ACCESS,
];

export function builtInProfile(name: string): BuiltInProfile | undefined {
  const key = name.toLowerCase();
  return BUILT_IN_PROFILES.find((p) => p.name.toLowerCase() === key || p.metadataName.toLowerCase() === key);
}
