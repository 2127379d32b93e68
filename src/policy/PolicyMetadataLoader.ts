/**
 * Reads the policy Custom Metadata records from a Salesforce project's source (`*.md-meta.xml` under any
 * `customMetadata/` folder), so the offline CLI decides with exactly what an admin will deploy. Twin of
 * force-app/main/policy/classes/PolicyMetadata.cls, which turns the org's records (getAll()) into the same shape:
 * records keyed by field API name, a condition's Policy__c its policy's DeveloperName (qualified names accepted).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ActionPolicyRecord, PolicyMetadata } from '../core/PolicyEngine';

type FieldValue = string | number | boolean | null;

export interface LoadedPolicyMetadata extends PolicyMetadata {
  /** `<Type>.<DeveloperName>` → the file it came from, to point admins at the right file. */
  sources: Record<string, string>;
}

export class MetadataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'MetadataFileError';
  }
}

const POLICY_TYPES = ['ActionPolicy', 'PolicyCondition', 'FieldSensitivity', 'ActionPlaneSetting'] as const;

function findRecordFiles(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) findRecordFiles(full, out);
    else if (entry.endsWith('.md-meta.xml') && basename(dir) === 'customMetadata') out.push(full);
  }
  return out;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'values',
});

interface RawValue {
  '#text'?: string;
  '@_xsi:type'?: string;
  '@_xsi:nil'?: string;
}

function readValue(raw: unknown): FieldValue {
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw === 'string') return raw;
  const v = raw as RawValue;
  if (v['@_xsi:nil'] === 'true') return null;
  const text = v['#text'] ?? '';
  const type = v['@_xsi:type'] ?? 'xsd:string';
  if (type === 'xsd:boolean') return text.trim() === 'true';
  if (type === 'xsd:double' || type === 'xsd:int' || type === 'xsd:long' || type === 'xsd:decimal') {
    return text.trim() === '' ? null : Number(text);
  }
  return text;
}

/** Parses one CMDT record file into `{ DeveloperName, Label, <Field__c>: value }`. */
export function parseRecordFile(file: string): { type: string; record: Record<string, FieldValue> } {
  const xml = readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new MetadataFileError(file, `malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  const name = basename(file, '.md-meta.xml');
  const dot = name.indexOf('.');
  if (dot < 1) throw new MetadataFileError(file, 'file name must be <Type>.<DeveloperName>.md-meta.xml');
  const type = name.slice(0, dot);
  const doc = parser.parse(xml) as {
    CustomMetadata?: { label?: string; values?: { field?: string; value?: unknown }[] };
  };
  const body = doc.CustomMetadata;
  if (!body) throw new MetadataFileError(file, 'root element must be <CustomMetadata>');
  const record: Record<string, FieldValue> = { DeveloperName: name.slice(dot + 1), Label: body.label ?? null };
  (body.values ?? []).forEach((entry, i) => {
    if (typeof entry.field !== 'string' || entry.field.trim() === '') {
      throw new MetadataFileError(file, `<values> #${i + 1} has no <field>`);
    }
    record[entry.field.trim()] = readValue(entry.value);
  });
  return { type, record };
}

/** Loads every policy record under `projectDir` (default: the current folder). */
export function loadPolicyMetadata(projectDir = process.cwd()): LoadedPolicyMetadata {
  const files = findRecordFiles(projectDir, []).sort();
  const result: LoadedPolicyMetadata = { policies: [], conditions: [], sensitivities: [], settings: null, sources: {} };
  for (const file of files) {
    const { type, record } = parseRecordFile(file);
    if (!(POLICY_TYPES as readonly string[]).includes(type)) continue;
    result.sources[`${type}.${String(record.DeveloperName)}`] = relative(projectDir, file);
    if (type === 'ActionPolicy') result.policies.push(record as unknown as ActionPolicyRecord);
    if (type === 'PolicyCondition') {
      // A metadata relationship holds the related record's DeveloperName (qualified names are accepted too).
      const ref = record.Policy__c;
      if (typeof ref === 'string' && ref.includes('.')) record.Policy__c = ref.slice(ref.lastIndexOf('.') + 1);
      result.conditions?.push(record);
    }
    if (type === 'FieldSensitivity') result.sensitivities?.push(record);
    if (type === 'ActionPlaneSetting' && record.DeveloperName === 'Default') {
      result.settings = record;
    }
  }
  return result;
}
