// Group membership: public groups and queues with nested membership, and the All Internal Users group.
//
// Object Reference, "Group": Type Regular is a public group, Queue a queue, Organization the "All Internal Users"
// group; Role, RoleAndSubordinates, RoleAndSubordinatesInternal, Manager, ManagerAndSubordinatesInternal,
// Territory, TerritoryAndSubordinates groups are maintained by the platform from the role hierarchy, managers and
// territories. Object Reference, "GroupMember": UserOrGroupId is "the ID of the User or Group that is a direct
// member of the group" — a member group's members are members too (Salesforce Help, "Public Groups": "groups can
// contain … other public groups"). Queue members are GroupMember rows of the queue (Salesforce Help, "Queues").
import { EmulatorUnsupportedError } from '../errors';
import { GROUP_PREFIX, idOf, live, text, type SecurityOrg } from './types';

/** Group types whose members the platform derives from roles, managers or territories (not modelled). */
const DERIVED_TYPES = new Set([
  'role',
  'roleandsubordinates',
  'roleandsubordinatesinternal',
  'manager',
  'managerandsubordinatesinternal',
  'territory',
  'territoryandsubordinates',
  'allcustomerportal',
  'prmorganization',
  'collaborationgroup',
]);

export interface Membership {
  /** Every group (public group, queue, All Internal Users) the user belongs to, directly or through nesting. */
  readonly groupIds: ReadonlySet<string>;
}

/** The type of group `groupId` (Group.Type), or undefined when no such group exists. */
export function groupType(org: SecurityOrg, groupId: string): string | undefined {
  const g = org.db.get(groupId);
  if (!g || g.isDeleted || g.describe.name !== 'Group') return undefined;
  return text(g, 'Type') ?? 'Regular';
}

/**
 * The groups `userId` is a member of. A user is in the Organization group when internal (User.UserType Standard);
 * in a public group or queue through GroupMember rows, transitively. Role-derived groups: a user without a role is
 * in none of them; for a user with a role the membership is not modelled and asking for it fails loudly.
 */
export function membershipOf(org: SecurityOrg, userId: string): Membership {
  const user = org.db.get(userId);
  const groups = new Set<string>();
  // UserOrGroupId → the groups it is a direct member of.
  const parentsOf = new Map<string, string[]>();
  for (const gm of live(org.db, 'GroupMember')) {
    const member = idOf(gm.fields.get('userorgroupid'));
    const group = idOf(gm.fields.get('groupid'));
    if (!member || !group) continue;
    let list = parentsOf.get(member);
    if (!list) {
      list = [];
      parentsOf.set(member, list);
    }
    list.push(group);
  }
  const frontier: string[] = [userId];
  const userType = user ? (text(user, 'UserType') ?? 'Standard') : 'Standard';
  const hasRole = user ? idOf(user.fields.get('userroleid')) !== null : false;
  for (const g of live(org.db, 'Group')) {
    const type = (text(g, 'Type') ?? 'Regular').toLowerCase();
    if (type === 'organization' && userType === 'Standard') {
      groups.add(g.id);
      frontier.push(g.id);
    } else if (DERIVED_TYPES.has(type) && hasRole) {
      // A role-derived group could contain this user; whether it does depends on the role hierarchy.
      if (parentsOf.has(g.id) || referencedByShares(org, g.id))
        throw new EmulatorUnsupportedError(
          `membership of ${text(g, 'Type') ?? 'role'} group ${text(g, 'DeveloperName') ?? g.id} for a user with a role (role hierarchy)`,
        );
    }
  }
  while (frontier.length > 0) {
    const member = frontier.pop() as string;
    for (const parent of parentsOf.get(member) ?? []) {
      if (groups.has(parent)) continue;
      groups.add(parent);
      frontier.push(parent);
    }
  }
  return { groupIds: groups };
}

/** Whether any share row grants access to `groupId`. */
function referencedByShares(org: SecurityOrg, groupId: string): boolean {
  for (const name of org.db.objectNames()) {
    const d = org.schema.get(name);
    if (d?.kind !== 'share') continue;
    for (const r of live(org.db, name)) if (idOf(r.fields.get('userorgroupid')) === groupId) return true;
  }
  return false;
}

/** Whether an id names a group (public group, queue …) rather than a user. */
export function isGroupId(id: string): boolean {
  return id.startsWith(GROUP_PREFIX);
}

/**
 * The users in a group or queue, transitively (for notification targets and tests); role-derived groups and the
 * Organization group fail loudly here because their members are not GroupMember rows.
 */
export function membersOf(org: SecurityOrg, groupId: string): Set<string> {
  const users = new Set<string>();
  const seen = new Set<string>();
  const walk = (g: string): void => {
    if (seen.has(g)) return;
    seen.add(g);
    const type = (groupType(org, g) ?? 'Regular').toLowerCase();
    if (type !== 'regular' && type !== 'queue')
      throw new EmulatorUnsupportedError(`the members of a ${groupType(org, g)} group`);
    for (const gm of live(org.db, 'GroupMember')) {
      if (idOf(gm.fields.get('groupid')) !== g) continue;
      const member = idOf(gm.fields.get('userorgroupid'));
      if (!member) continue;
      if (isGroupId(member)) walk(member);
      else users.add(member);
    }
  };
  walk(groupId);
  return users;
}
