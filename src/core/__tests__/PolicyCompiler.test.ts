import { canonicalOperation, compilePolicies } from '../PolicyCompiler';
import { PolicyConfigError } from '../MetadataRecord';

// Twin of the Operations__c tests in PolicyCompilerTest.cls.
describe('PolicyCompiler operations', () => {
  it('reads Operations__c separated by semicolons or commas, in any case; blank is Update only', () => {
    const compiled = compilePolicies({
      policies: [
        { DeveloperName: 'Blank', Effect__c: 'Block' },
        { DeveloperName: 'Two', Effect__c: 'Block', Operations__c: ' create ; DELETE ' },
        { DeveloperName: 'Comma', Effect__c: 'Block', Operations__c: 'Update,Create,,update' },
      ],
    });
    expect([...(compiled.policies[0]?.operations ?? [])]).toEqual(['Update']);
    expect([...(compiled.policies[1]?.operations ?? [])]).toEqual(['Create', 'Delete']);
    expect([...(compiled.policies[2]?.operations ?? [])]).toEqual(['Update', 'Create']);
  });

  it('names the record and field of an unknown operation', () => {
    expect(() =>
      compilePolicies({ policies: [{ DeveloperName: 'P', Effect__c: 'Block', Operations__c: 'Create;Upsert' }] }),
    ).toThrow(
      new PolicyConfigError(
        'ActionPolicy__mdt.P.Operations__c',
        "unknown operation 'Upsert' (use Create, Update, Delete)",
      ),
    );
  });

  it('spells an operation canonically; absent or blank is Update; another word is none', () => {
    expect(canonicalOperation('create')).toBe('Create');
    expect(canonicalOperation(' DELETE ')).toBe('Delete');
    expect(canonicalOperation(undefined)).toBe('Update');
    expect(canonicalOperation('')).toBe('Update');
    expect(canonicalOperation('merge')).toBeNull();
  });
});
