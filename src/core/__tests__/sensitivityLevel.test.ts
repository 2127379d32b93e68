import { sensitivityLevel } from '../PolicyEngine';

// Twin of PolicyEngine.sensitivityLevel in Apex (PolicyEngineTest.sensitivityLevelIsTheStrictestRecordOfTheField).
const metadata = {
  sensitivities: [
    { DeveloperName: 'Contact_Email', Object__c: 'Contact', Field__c: 'Email', Level__c: 'Confidential' },
    { DeveloperName: 'Any_Email', Object__c: '*', Field__c: 'Email', Level__c: 'Internal' },
    { DeveloperName: 'Contact_Birthdate', Object__c: 'Contact', Field__c: 'Birthdate', Level__c: 'restricted' },
    { DeveloperName: 'Lead_Phone', Object__c: 'Lead', Field__c: 'Phone', Level__c: 'Public' },
  ],
};

describe('sensitivityLevel', () => {
  it('is the strictest level among the records naming the object or * and the field, in any case', () => {
    expect(sensitivityLevel(metadata, 'contact', 'EMAIL')).toBe('Confidential');
    expect(sensitivityLevel(metadata, 'Lead', 'Email')).toBe('Internal');
    expect(sensitivityLevel(metadata, 'Contact', 'Birthdate')).toBe('Restricted');
  });

  it('counts Public and Internal too (they decide nothing but are stamped)', () => {
    expect(sensitivityLevel(metadata, 'Lead', 'Phone')).toBe('Public');
  });

  it('is null for a field no record names', () => {
    expect(sensitivityLevel(metadata, 'Opportunity', 'Amount')).toBeNull();
    expect(sensitivityLevel({}, 'Contact', 'Email')).toBeNull();
  });
});
