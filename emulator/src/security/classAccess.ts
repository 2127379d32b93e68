// What an org answers a caller without access to the Apex class of an entry point (Help, "Set Apex Class Access from
// Permission Sets"). The docs give no text; these are the org's answers as reported:
// - Apex REST: HTTP 403 `[{"errorCode":"FORBIDDEN","message":"You do not have access to the Apex class named:
//   UserRestResource"}]` (forcedotcom/SalesforceMobileSDK-Android issue #2690, the response body of an org);
//   restforce/restforce issue #599 "FORBIDDEN: You do not have access to the Apex class named: LeanDataAPI".
// - Lightning (@AuraEnabled): "You do not have access to the Apex class named 'HH_Container_LCTRL'."
//   (SalesforceFoundation/EDA issue #1079).
// - Invocable actions: no report found; the Lightning text is used (not verified).

export type EntryPointKind = 'rest' | 'aura' | 'invocable';

/** The message an org refuses an entry point with when the user has no access to `className`. */
export function classAccessRefusalMessage(className: string, kind: EntryPointKind): string {
  return kind === 'rest'
    ? `You do not have access to the Apex class named: ${className}`
    : `You do not have access to the Apex class named '${className}'.`;
}
