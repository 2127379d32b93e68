// Who may call into Apex from outside: REST, @AuraEnabled and invocable entry points run only for users with access
// to the Apex class (profile or permission set "Apex Class Access"; Modify All Data / Author Apex users have it).
// Salesforce Help, "Set Apex Class Access from Permission Sets".
import { EmulatorUnsupportedError } from '../errors';
import type { Org } from '../org/Org';
import { plainText } from '../runtime/stringify';

/** Undefined when the user may run the class, else the message an org answers with. */
export function checkClassAccess(org: Org, userId: string, className: string): string | undefined {
  const security = org.security;
  if (security?.canRunApexClass) {
    return security.canRunApexClass(userId, className)
      ? undefined
      : `You do not have access to the Apex class named '${className}'.`;
  }
  const user = org.db.get(userId);
  const profileId = user?.fields.get('profileid');
  const profile = profileId ? org.db.get(plainText(profileId)) : undefined;
  if (profile?.fields.get('name') === 'System Administrator') return undefined;
  throw new EmulatorUnsupportedError(
    'Apex class access for a user without Modify All Data (the security model is not loaded)',
  );
}
