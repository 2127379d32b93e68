// Record Id key prefixes: the first three characters of an Id name its object.
//
// Standard prefixes follow Salesforce Help, "Standard Field Record ID Prefix Decoder" (knowledge article
// 000385203) and the objects' Object Reference pages. Custom objects get prefixes the org assigns at creation;
// the emulator makes them stable and deterministic instead: per kind, the kind's first prefix character pair
// followed by a base-62 sequence in alphabetical order of the API names (a00, a01 … a0z, a10 …), skipping every
// prefix of this table. Several objects share one prefix (all custom __Share objects use 02c, all history
// objects 017): `byKeyPrefix` then names none of them.

/** Standard object → key prefix (objects the overlay does not describe, or describes without a prefix). */
export const STANDARD_KEY_PREFIXES: Readonly<Record<string, string>> = {
  Account: '001',
  Note: '002',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  Activity: '007',
  Organization: '00D',
  UserRole: '00E',
  Group: '00G',
  Partner: '00I',
  OpportunityCompetitor: '00J',
  OpportunityContactRole: '00K',
  Report: '00O',
  Attachment: '00P',
  Lead: '00Q',
  Task: '00T',
  Event: '00U',
  EmailTemplate: '00X',
  CaseComment: '00a',
  Profile: '00e',
  OpportunityLineItem: '00k',
  Folder: '00l',
  AccountShare: '00r',
  OpportunityShare: '00t',
  GroupMember: '011',
  RecordType: '012',
  Document: '015',
  EmailStatus: '018',
  BusinessProcess: '019',
  Dashboard: '01Z',
  FieldPermissions: '01k',
  BusinessHours: '01m',
  CaseShare: '01n',
  LeadShare: '01o',
  ApexClass: '01p',
  ApexTrigger: '01q',
  Pricebook2: '01s',
  Product2: '01t',
  PricebookEntry: '01u',
  Asset: '02i',
  EmailMessage: '02s',
  CaseContactRole: '03j',
  ContactShare: '03s',
  QueueSobject: '03g',
  ApexPage: '066',
  ContentVersion: '068',
  ContentDocument: '069',
  ContentDocumentLink: '06A',
  StaticResource: '081',
  CronJobDetail: '08a',
  CronTrigger: '08e',
  ObjectPermissions: '110',
  Case: '500',
  Campaign: '701',
  AsyncApexJob: '707',
  ApexTestQueueItem: '709',
  Contract: '800',
  Order: '801',
  CustomPermission: '0CP',
  FeedItem: '0D5',
  SetupEntityAccess: '0J0',
  CustomNotificationType: '0ML',
  PermissionSetGroup: '0PG',
  PermissionSetLicense: '0PL',
  PermissionSet: '0PS',
  PermissionSetAssignment: '0Pa',
};

/** Prefix shared by every custom object's __Share object (custom object share rows are 02c… Ids). */
export const CUSTOM_SHARE_KEY_PREFIX = '02c';
/** Prefix shared by every field history object (AccountHistory, Obj__History …). */
export const HISTORY_KEY_PREFIX = '017';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Deterministic prefixes for `names` (sorted case-insensitively), starting at `<first>00`: custom objects and
 * custom settings use 'a', platform events 'e', custom metadata types 'm' (the first characters these kinds'
 * Ids carry in orgs). Throws when the kind's 3,844 prefixes run out.
 */
export function assignKeyPrefixes(first: string, names: string[], taken: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  const sorted = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  let seq = 0;
  for (const name of sorted) {
    let prefix: string;
    do {
      if (seq >= 62 * 62) throw new Error(`no key prefix left for ${name} (kind ${first})`);
      prefix = `${first}${BASE62.charAt(Math.floor(seq / 62))}${BASE62.charAt(seq % 62)}`;
      seq++;
    } while (taken.has(prefix));
    out.set(name, prefix);
  }
  return out;
}
