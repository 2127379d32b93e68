// Who may call into Apex from outside: REST, @AuraEnabled and invocable entry points run only for users with access
// to the Apex class (profile or permission set "Apex Class Access"; Modify All Data / Author Apex users have it).
// Salesforce Help, "Set Apex Class Access from Permission Sets".
import { EmulatorUnsupportedError } from '../errors';
import type { Org } from '../org/Org';
import { plainText } from '../runtime/stringify';
import { classAccessRefusalMessage, type EntryPointKind } from '../security/classAccess';

/**
 * Undefined when the user may run the class, else the message an org answers this entry point with (the security
 * model's own text, security/classAccess.ts).
 */
export function checkClassAccess(
  org: Org,
  userId: string,
  className: string,
  kind: EntryPointKind,
): string | undefined {
  const security = org.security;
  if (security?.canRunApexClass) {
    return security.canRunApexClass(userId, className) ? undefined : classAccessRefusalMessage(className, kind);
  }
  const user = org.db.get(userId);
  const profileId = user?.fields.get('profileid');
  const profile = profileId ? org.db.get(plainText(profileId)) : undefined;
  if (profile?.fields.get('name') === 'System Administrator') return undefined;
  throw new EmulatorUnsupportedError(
    'Apex class access for a user without Modify All Data (the security model is not loaded)',
  );
}
