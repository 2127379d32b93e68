// Setup objects for MIXED_DML_OPERATION: DML on one of these cannot be mixed with DML on other (non-setup)
// sObjects in one transaction.
//
// Source: Apex Developer Guide, "sObjects That Can't Be Used Together in DML Operations"
// (https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_dml_non_mix_sobjects.htm).
// The page says its list "is not an exhaustive list"; an object not listed here is treated as non-setup.

export interface SetupObjectRule {
  name: string;
  /**
   * DML operations the page allows together with non-setup sObjects, with the condition it states:
   * - Group: "You can only insert and update a group in a transaction with other sObjects."
   * - User (API 15.0 and later): insert when UserRoleId is null; update when none of `userFieldsBlockingUpdate`
   *   changes.
   */
  allowedWithNonSetup: ('insert' | 'update')[];
  note: string | undefined;
}

/** Fields whose change on a User record makes its update a setup operation (same page, User entry). */
export const USER_FIELDS_BLOCKING_UPDATE = [
  'UserRoleId',
  'IsActive',
  'ForecastEnabled',
  'IsPortalEnabled',
  'Username',
  'ProfileId',
] as const;

const rule = (name: string, allowed: ('insert' | 'update')[] = [], note?: string): SetupObjectRule => ({
  name,
  allowedWithNonSetup: allowed,
  note,
});

export const SETUP_OBJECTS: readonly SetupObjectRule[] = [
  rule('AuthSession'),
  rule('ContentWorkspace'),
  rule('FieldPermissions'),
  rule('ForecastingShare'),
  rule('Group', ['insert', 'update'], 'Only insert and update of a group can be mixed with other sObjects.'),
  rule('GroupMember', [], 'API 14.0 and earlier could insert and update group members with other sObjects.'),
  rule('ObjectPermissions'),
  rule('ObjectTerritory2AssignmentRule'),
  rule('ObjectTerritory2AssignmentRuleItem'),
  rule('PermissionSet'),
  rule('PermissionSetAssignment'),
  rule('QueueSobject'),
  rule('RuleTerritory2Association'),
  rule('SetupEntityAccess'),
  rule('Territory'),
  rule('Territory2'),
  rule('Territory2Model'),
  rule(
    'User',
    ['insert', 'update'],
    'Insert only when UserRoleId is null; update only when none of UserRoleId, IsActive, ForecastEnabled, ' +
      'IsPortalEnabled, Username, ProfileId changes (API 15.0 and later).',
  ),
  rule('UserPackageLicense'),
  rule('UserRole'),
  rule('UserTerritory'),
  rule('UserTerritory2Association'),
];

const BY_NAME = new Map(SETUP_OBJECTS.map((r) => [r.name.toLowerCase(), r]));

/** The setup-object rule for `name` (case-insensitive), or undefined for a non-setup object. */
export function setupObjectRule(name: string): SetupObjectRule | undefined {
  return BY_NAME.get(name.toLowerCase());
}
