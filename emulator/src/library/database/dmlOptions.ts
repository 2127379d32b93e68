// Database.DMLOptions (Apex Reference, "DMLOptions Class": allowFieldTruncation, assignmentRuleHeader,
// duplicateRuleHeader, emailHeader, localeOptions, optAllOrNone) and SObject.setOptions. The headers exist on a new
// DMLOptions ("dml.DuplicateRuleHeader.AllowSave = true" needs no constructor call). What the emulator does with
// them: optAllOrNone is the allOrNone of Database DML; a duplicate rule header changes nothing while the project
// has no duplicate rules (none run); the e-mail header changes nothing (DML sends no e-mail here); field truncation,
// assignment rules, locale options and duplicate rules themselves are not modelled and fail loudly when asked for.
import { EmulatorUnsupportedError } from '../../errors';
import type { ClassInfo, NativeProperty } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexObject } from '../../runtime/values';
import { defineBuiltin } from '../define';

function field(name: string): NativeProperty {
  const key = name.toLowerCase();
  return {
    get: (_t, s) => (s as ApexObject).fields[key] ?? null,
    set: (_t, s, v) => {
      (s as ApexObject).fields[key] = v;
    },
  };
}

function properties(names: string[]): Record<string, NativeProperty> {
  return Object.fromEntries(names.map((n) => [n, field(n)]));
}

const HEADERS = {
  duplicateruleheader: ['allowSave', 'includeRecordDetails', 'runAsCurrentUser'],
  emailheader: ['triggerAutoResponseEmail', 'triggerOtherEmail', 'triggerUserEmail'],
  assignmentruleheader: ['assignmentRuleId', 'useDefaultRule'],
} as const;

/** Whether the project ships duplicate rules (which the emulator does not run). */
function hasDuplicateRules(txn: Txn): boolean {
  return txn.org.project.unknownMetadata.some((m) => m.typeGuess === 'DuplicateRule');
}

/**
 * The options a DML statement runs with: optAllOrNone (null when not set), after refusing those the emulator
 * does not model.
 */
export function checkDmlOptions(txn: Txn, options: ApexObject): { allOrNone: boolean | null } {
  const f = options.fields;
  if (f.allowfieldtruncation === true)
    throw new EmulatorUnsupportedError('DMLOptions.allowFieldTruncation (string truncation on save)');
  if ((f.localeoptions ?? null) !== null) throw new EmulatorUnsupportedError('DMLOptions.localeOptions');
  const assignment = f.assignmentruleheader;
  if (assignment instanceof ApexObject) {
    if (assignment.fields.usedefaultrule === true || (assignment.fields.assignmentruleid ?? null) !== null)
      throw new EmulatorUnsupportedError('DMLOptions.AssignmentRuleHeader (assignment rules)');
  }
  const duplicates = f.duplicateruleheader;
  if (duplicates instanceof ApexObject && Object.values(duplicates.fields).some((v) => v !== null && v !== undefined))
    if (hasDuplicateRules(txn)) throw new EmulatorUnsupportedError('DMLOptions.DuplicateRuleHeader (duplicate rules)');
  const opt = f.optallornone;
  return { allOrNone: typeof opt === 'boolean' ? opt : null };
}

export function registerDmlOptions(program: Program): ClassInfo {
  const headers = new Map<string, ClassInfo>();
  const names: Record<keyof typeof HEADERS, string> = {
    duplicateruleheader: 'DuplicateRuleHeader',
    emailheader: 'EmailHeader',
    assignmentruleheader: 'AssignmentRuleHeader',
  };
  for (const [key, props] of Object.entries(HEADERS) as [keyof typeof HEADERS, readonly string[]][]) {
    headers.set(
      key,
      defineBuiltin(program, {
        name: names[key],
        namespace: 'Database.DMLOptions',
        construct: (_t, _a, cls) => new ApexObject(cls),
        properties: properties([...props]),
      }),
    );
  }
  const options = defineBuiltin(program, {
    name: 'DMLOptions',
    namespace: 'Database',
    construct: (_t, _a, cls) => {
      const o = new ApexObject(cls);
      for (const [key, c] of headers) o.fields[key] = new ApexObject(c);
      return o;
    },
    properties: {
      ...properties(['optAllOrNone', 'allowFieldTruncation', 'localeOptions']),
      DuplicateRuleHeader: field('duplicateRuleHeader'),
      EmailHeader: field('emailHeader'),
      AssignmentRuleHeader: field('assignmentRuleHeader'),
    },
  });
  for (const [key, c] of headers) options.inner.set(key, c);
  return options;
}
