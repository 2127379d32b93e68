// The records every org has before any code runs and that tests see even with SeeAllData=false (Apex Developer
// Guide, "Isolation of Test Data from Organization Data in Unit Tests": users, profiles, organization, record
// types and other setup metadata stay visible): the Organization, the standard profiles, the admin user that runs
// tests, the Automated Process user, and the project's metadata that Apex reads as records — custom metadata
// records, static resources, custom notification types. The security model adds permission sets, groups and
// queues (security/seedSecurity.ts).
import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import type { Value } from '../runtime/values';
import { ApexBlob } from '../values/Blob';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble } from '../values/Double';
import type { SObjectDescribe } from '../schema/types';
import type { Org } from './Org';
import { seedSecurity } from '../security/seedSecurity';

export interface OrgSeed {
  organizationId: string;
  profiles: Map<string, string>;
  adminUserId: string;
  automatedProcessUserId: string;
}

/** Inserts a record straight into the database (setup data: no triggers, no validation). */
export function seedRecord(org: Org, objectName: string, values: Record<string, Value>): string {
  const describe = org.describe(objectName);
  const id = org.newId(describe).value;
  const now = new ApexDatetime(org.clock());
  const fields = new Map<string, Value>([['id', org.newIdValue(id)]]);
  for (const [k, v] of Object.entries(values)) {
    const field = describe.fields.get(k);
    if (!field) throw new Error(`seed: ${objectName}.${k} does not exist`);
    fields.set(field.name.toLowerCase(), v);
  }
  for (const audit of ['createddate', 'lastmodifieddate', 'systemmodstamp']) {
    if (describe.fields.has(audit) && !fields.has(audit)) fields.set(audit, now);
  }
  org.db.add(describe, id, fields);
  return id;
}

export function seedOrg(org: Org): OrgSeed {
  const organizationId = seedRecord(org, 'Organization', {
    Name: 'Emulated Org',
    TimeZoneSidKey: 'America/Los_Angeles',
    LanguageLocaleKey: 'en_US',
    DefaultLocaleSidKey: 'en_US',
    IsSandbox: false,
    OrganizationType: 'Developer Edition',
    NamespacePrefix: org.project.config.namespace || null,
    FiscalYearStartMonth: 1,
  });
  const profiles = new Map<string, string>();
  for (const name of ['System Administrator', 'Standard User', 'Read Only', 'Minimum Access - Salesforce']) {
    profiles.set(name, seedRecord(org, 'Profile', { Name: name, UserType: 'Standard' }));
  }
  const user = (first: string, last: string, username: string, profile: string): string =>
    seedRecord(org, 'User', {
      FirstName: first,
      LastName: last,
      Name: `${first} ${last}`.trim(),
      Username: username,
      Email: username,
      Alias: (first.slice(0, 1) + last).slice(0, 8).toLowerCase(),
      CommunityNickname: username.split('@')[0] ?? username,
      TimeZoneSidKey: 'America/Los_Angeles',
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      ProfileId: org.newIdValue(profiles.get(profile) as string),
      IsActive: true,
      UserType: 'Standard',
    });
  const adminUserId = user('Admin', 'User', 'admin@emulator.actionplane.dev', 'System Administrator');
  const automatedProcessUserId = user(
    '',
    'Automated Process',
    'autoproc@emulator.actionplane.dev',
    'System Administrator',
  );
  seedMetadataRecords(org);
  // Every org has its standard price book (Object Reference, "Pricebook2": IsStandard); Apex tests reach it through
  // Test.getStandardPricebookId().
  seedRecord(org, 'Pricebook2', { Name: 'Standard Price Book', IsStandard: true, IsActive: true, IsArchived: false });
  const seed: OrgSeed = { organizationId, profiles, adminUserId, automatedProcessUserId };
  org.seed = seed;
  seedSecurity(org, profiles);
  return seed;
}

/** Custom metadata records, static resources and notification types, as the records Apex queries. */
function seedMetadataRecords(org: Org): void {
  const byType = new Map<string, Map<string, string>>();
  const pending: { describe: SObjectDescribe; id: string; developerName: string; values: Map<string, Value> }[] = [];
  for (const rec of org.project.customMetadataRecords) {
    const describe = org.schema.get(rec.type);
    if (!describe)
      throw new EmulatorUnsupportedError(`custom metadata record of unknown type ${rec.type} (${rec.path})`);
    const id = org.newId(describe).value;
    let names = byType.get(describe.name.toLowerCase());
    if (!names) {
      names = new Map();
      byType.set(describe.name.toLowerCase(), names);
    }
    names.set(rec.developerName.toLowerCase(), id);
    const values = new Map<string, Value>([
      ['id', org.newIdValue(id)],
      ['developername', rec.developerName],
      ['masterlabel', rec.label],
      ['label', rec.label],
      ['language', 'en_US'],
      ['namespaceprefix', org.project.config.namespace || null],
      ['qualifiedapiname', rec.developerName],
    ]);
    pending.push({ describe, id, developerName: rec.developerName, values });
    for (const v of rec.values) {
      const field = describe.fields.get(v.field);
      if (!field) throw new EmulatorUnsupportedError(`${rec.path}: field ${v.field} is not on ${describe.name}`);
      values.set(field.name.toLowerCase(), metadataValue(field.apexType, field.type, v.value, rec.path));
    }
  }
  // Metadata relationship fields hold the related record's id (resolved once every record has one).
  for (const p of pending) {
    for (const field of p.describe.fields.list()) {
      if (field.type !== 'REFERENCE' || !field.referenceTo[0]?.toLowerCase().endsWith('__mdt')) continue;
      const key = field.name.toLowerCase();
      const raw = p.values.get(key);
      if (typeof raw !== 'string') continue;
      const target = byType.get(field.referenceTo[0].toLowerCase());
      const developerName = raw.includes('.') ? (raw.split('.').pop() as string) : raw;
      const related = target?.get(developerName.toLowerCase());
      if (!related) {
        throw new ApexPlatformError(
          'System.UnexpectedException',
          `custom metadata ${p.describe.name}.${p.developerName}: ${field.name} names ${raw}, which does not exist`,
        );
      }
      p.values.set(key, field.apexType === 'String' ? related : org.newIdValue(related));
    }
    org.db.add(p.describe, p.id, p.values);
  }
  for (const cls of org.project.apexClasses) {
    seedRecord(org, 'ApexClass', {
      Name: cls.name,
      NamespacePrefix: org.project.config.namespace || null,
      Status: cls.status || 'Active',
      ApiVersion: decimalOrNull(cls.apiVersion),
      IsValid: true,
      LengthWithoutComments: cls.body.length,
    });
  }
  for (const res of org.project.staticResources) {
    seedRecord(org, 'StaticResource', {
      Name: res.name,
      ContentType: res.contentType,
      CacheControl: res.cacheControl ?? 'Private',
      Description: res.description ?? null,
      Body: res.body ? new ApexBlob(new Uint8Array(res.body)) : null,
      BodyLength: res.body ? res.body.length : 0,
      NamespacePrefix: org.project.config.namespace || null,
    });
  }
  for (const t of org.project.customNotificationTypes) {
    seedRecord(org, 'CustomNotificationType', {
      DeveloperName: t.name,
      CustomNotifTypeName: t.customNotifTypeName,
      MasterLabel: t.masterLabel ?? t.customNotifTypeName,
      Description: t.description ?? null,
      Desktop: t.desktop ?? false,
      Mobile: t.mobile ?? false,
    });
  }
}

function decimalOrNull(text: string): ApexDecimal | null {
  return text ? ApexDecimal.valueOf(text) : null;
}

/** A custom metadata value as the field's Apex type (values come from the XML as text with an xsi type). */
function metadataValue(apexType: string, displayType: string, text: string | null, path: string): Value {
  if (text === null) return null;
  switch (apexType) {
    case 'String':
      return text;
    case 'Boolean':
      return text === 'true';
    case 'Integer':
      return Number.parseInt(text, 10);
    case 'Decimal':
      return ApexDecimal.valueOf(text);
    case 'Double':
      return new ApexDouble(Number(text));
    case 'Date':
      return ApexDate.valueOf(text);
    case 'Datetime':
      return new ApexDatetime(Date.parse(text));
    case 'Id':
      // Relationship fields keep the related DeveloperName until resolved above.
      return displayType === 'REFERENCE' ? text : text;
    default:
      throw new EmulatorUnsupportedError(`custom metadata value of type ${apexType} (${path})`);
  }
}
