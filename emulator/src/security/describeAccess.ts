// Describe results per running user: DescribeSObjectResult.isAccessible / isCreateable / isUpdateable /
// isDeletable / isUndeletable and DescribeFieldResult.isAccessible / isCreateable / isUpdateable.
//
// Apex Reference, "DescribeSObjectResult Class": isAccessible() "Returns true if the current user can see this
// object"; isCreateable() "… if the object can be created by the current user"; isUpdateable(), isDeletable(),
// isUndeletable() likewise. "DescribeFieldResult Class": isAccessible() "Returns true if the current user can see
// this field"; isCreateable() "… if the field can be created by the current user"; isUpdateable() "… if the field
// can be edited by the current user". These answer for the running user whatever the sharing or access mode of the
// calling code (Apex Developer Guide, "Enforcing Object and Field Permissions": describe checks are how Apex code
// checks CRUD and FLS itself). A user sees a field only through its object, and the platform's own limits
// (formula fields are never createable, Id never updateable …) hold for every user.
import { EmulatorUnsupportedError } from '../errors';
import { attributeKnown } from '../schema/fieldFactory';
import type { FieldDescribe, SObjectDescribe } from '../schema/types';
import type { UserAccessView } from './permissions';

export interface ObjectDescribeAccess {
  accessible: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  undeletable: boolean;
}

export interface FieldDescribeAccess {
  accessible: boolean;
  createable: boolean;
  updateable: boolean;
}

function known(describe: SObjectDescribe, what: string): void {
  if (describe.partial)
    throw new EmulatorUnsupportedError(
      `${describe.name}.${what} (the emulator knows only names and types of this object)`,
    );
}

export function objectAccessible(view: UserAccessView, d: SObjectDescribe): boolean {
  return d.queryable && view.can(d, 'read');
}

export function objectCreateable(view: UserAccessView, d: SObjectDescribe): boolean {
  known(d, 'isCreateable()');
  return d.createable && view.can(d, 'create');
}

export function objectUpdateable(view: UserAccessView, d: SObjectDescribe): boolean {
  known(d, 'isUpdateable()');
  return d.updateable && view.can(d, 'edit');
}

export function objectDeletable(view: UserAccessView, d: SObjectDescribe): boolean {
  known(d, 'isDeletable()');
  return d.deletable && view.can(d, 'delete');
}

export function objectDescribeAccess(view: UserAccessView, d: SObjectDescribe): ObjectDescribeAccess {
  return {
    accessible: objectAccessible(view, d),
    createable: objectCreateable(view, d),
    updateable: objectUpdateable(view, d),
    deletable: objectDeletable(view, d),
    undeletable: d.undeletable && objectDeletable(view, d),
  };
}

/**
 * `check` names what asks (DescribeFieldResult.isAccessible() unless a query mode or Security.stripInaccessible):
 * the loud failure for a field whose permissionable is not known names it (UserAccessView.fieldPermission).
 */
export function fieldAccessible(
  view: UserAccessView,
  d: SObjectDescribe,
  f: FieldDescribe,
  check = 'DescribeFieldResult.isAccessible()',
): boolean {
  if (!view.can(d, 'read')) return false;
  return view.fieldPermission(d, f, 'read', check);
}

/**
 * Fails loudly when a field's attribute is not known: a jar-only standard field, or a partially documented one
 * (schema/standard/fieldProperties.ts) whose documented attributes do not include it.
 */
function fieldKnown(d: SObjectDescribe, f: FieldDescribe, what: string, attribute: keyof FieldDescribe): void {
  if (attributeKnown(f, attribute)) return;
  throw new EmulatorUnsupportedError(
    f.knownAttributes === undefined
      ? `${d.name}.${f.name} ${what} (attributes not known)`
      : `${d.name}.${f.name} ${what} (its ${attribute} is not documented)`,
  );
}

export function fieldCreateable(
  view: UserAccessView,
  d: SObjectDescribe,
  f: FieldDescribe,
  check = 'DescribeFieldResult.isCreateable()',
): boolean {
  fieldKnown(d, f, 'isCreateable()', 'createable');
  if (!f.createable || !view.can(d, 'create')) return false;
  return view.fieldPermission(d, f, 'edit', check);
}

export function fieldUpdateable(
  view: UserAccessView,
  d: SObjectDescribe,
  f: FieldDescribe,
  check = 'DescribeFieldResult.isUpdateable()',
): boolean {
  fieldKnown(d, f, 'isUpdateable()', 'updateable');
  if (!f.updateable || !view.can(d, 'edit')) return false;
  return view.fieldPermission(d, f, 'edit', check);
}

export function fieldDescribeAccess(view: UserAccessView, d: SObjectDescribe, f: FieldDescribe): FieldDescribeAccess {
  return {
    accessible: fieldAccessible(view, d, f),
    createable: fieldCreateable(view, d, f),
    updateable: fieldUpdateable(view, d, f),
  };
}
