// Describe knowledge per attribute: a standard field whose Object Reference Properties are documented but whose size
// is not (schema/standard/fieldProperties.ts: Task.WhatCount, Contact.MailingStateCode …) answers the describe methods
// of its documented attributes and fails loudly, naming the field and the method, for the others; a field whose
// type has no Schema.DisplayType (Task.TaskWhoIds) or that the Object Reference does not list (Contact.HasPrivacyHold)
// fails loudly in every attribute.
import { join } from 'node:path';
import { runAnonymous } from '../../../entry/anonymous';
import { Org } from '../../../org/Org';
import { loadProject } from '../../../project';

const project = loadProject(join(__dirname, '..', '..', '..', 'entry', '__tests__', 'fixtures', 'gaps'));

function run(body: string): { debug: string[]; error: string | undefined } {
  const out = runAnonymous(new Org(project), body);
  return { debug: out.debug.map((d) => d.message), error: out.error?.message };
}

describe('describe of a partially documented standard field', () => {
  it('answers Task.WhatCount from its Properties line (Filter, Group, Nillable, Sort)', () => {
    const out = run(`
      Schema.DescribeFieldResult f = Task.WhatCount.getDescribe();
      System.debug(f.isCreateable() + ' ' + f.isUpdateable() + ' ' + f.isNillable() + ' ' + f.isDefaultedOnCreate());
      System.debug(f.isFilterable() + ' ' + f.isGroupable() + ' ' + f.isSortable() + ' ' + f.isRestrictedPicklist());
      System.debug(f.isCalculated() + ' ' + f.isAutoNumber() + ' ' + f.isIdLookup() + ' ' + f.getType());
      System.debug(f.isAccessible());
    `);
    expect(out.error).toBeUndefined();
    expect(out.debug).toEqual(['false false true false', 'true true true false', 'false false false INTEGER', 'true']);
  });

  it.each([
    ['Task.WhatCount', 'getDigits', 'digits'],
    ['Task.WhoCount', 'getDigits', 'digits'],
    ['Task.WhatCount', 'isExternalId', 'externalId'],
    ['Contact.MailingStateCode', 'getLength', 'length'],
    ['Contact.MailingStateCode', 'isDependentPicklist', 'dependentPicklist'],
    ['Contact.MailingStateCode', 'getPicklistValues', 'picklistValues'],
    ['Lead.CountryCode', 'getByteLength', 'byteLength'],
  ])('fails loudly in %s %s() (its %s is not documented)', (field, method, attribute) => {
    const out = run(`System.debug(${field}.getDescribe().${method}());`);
    expect(out.debug).toEqual([]);
    expect(out.error).toBe(
      `EmulatorUnsupportedException: DescribeFieldResult.${method}() of ${field} (its ${attribute} is not documented)` +
        ' is not supported by the emulator (anonymous.apex:1)',
    );
  });

  it('answers the documented Properties of a state code picklist', () => {
    const out = run(`
      Schema.DescribeFieldResult f = Contact.MailingStateCode.getDescribe();
      System.debug(f.isCreateable() + ' ' + f.isUpdateable() + ' ' + f.isNillable() + ' ' + f.isDefaultedOnCreate());
      System.debug(f.getType());
    `);
    expect(out.error).toBeUndefined();
    expect(out.debug).toEqual(['true true true false', 'PICKLIST']);
  });
});

describe('describe of a standard field whose existence or Properties are not documented', () => {
  it.each([
    ['Task.TaskWhoIds', 'isCreateable', 'Task.TaskWhoIds isCreateable() (attributes not known)'],
    [
      'Task.TaskWhoIds',
      'isNillable',
      'DescribeFieldResult.isNillable() of Task.TaskWhoIds (only its name and type are known)',
    ],
    ['Contact.HasPrivacyHold', 'isCreateable', 'Contact.HasPrivacyHold isCreateable() (attributes not known)'],
    [
      'Contact.HasPrivacyHold',
      'isDefaultedOnCreate',
      'DescribeFieldResult.isDefaultedOnCreate() of Contact.HasPrivacyHold (only its name and type are known)',
    ],
  ])('fails loudly in %s %s()', (field, method, message) => {
    const out = run(`System.debug(${field}.getDescribe().${method}());`);
    expect(out.error).toBe(
      `EmulatorUnsupportedException: ${message} is not supported by the emulator (anonymous.apex:1)`,
    );
  });
});
