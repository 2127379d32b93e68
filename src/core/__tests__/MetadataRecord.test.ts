import { MetadataRecord, PolicyConfigError } from '../MetadataRecord';
import { decimalText } from '../ExactDecimal';

// Twin of MetadataRecordTest.cls.
const record = (fields: Record<string, unknown>): MetadataRecord => new MetadataRecord(fields, 'ActionPolicy__mdt.P');

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PolicyConfigError) return `${e.path} | ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('MetadataRecord', () => {
  it('reads choices in any case; blank is null; an unknown value names the field', () => {
    const r = record({ Effect__c: ' block ', Risk__c: '', Other__c: 'Huge' });
    expect(r.choice('Effect__c', 'effect', ['AutoRun', 'RequireApproval', 'Block'] as const)).toBe('Block');
    expect(r.choice('Risk__c', 'risk', ['Low'] as const)).toBeNull();
    expect(messageOf(() => r.choice('Other__c', 'risk', ['Low', 'High'] as const))).toBe(
      "ActionPolicy__mdt.P.Other__c | ActionPolicy__mdt.P.Other__c: unknown risk 'Huge' (use Low, High)",
    );
  });

  it('reads numbers as JSON or text, exactly, and refuses them out of range', () => {
    const r = record({ A: '48', B: 2, C: '0.75', D: ' 1e3 ', H: 0, N: '1.5', F: '1.0000000000000000001' });
    expect(r.hours('A')).toBe(48);
    expect(r.count('B')).toBe(2);
    expect(decimalText(r.fraction('C')!)).toBe('0.75');
    expect(r.decimalOrNull('D')).toBeNull();
    expect(messageOf(() => r.hours('H'))).toContain("must be a number of hours above 0, got '0'");
    expect(messageOf(() => r.count('N'))).toContain("must be a whole number of at least 1, got '1.5'");
    expect(messageOf(() => r.fraction('F'))).toContain('must be a number from 0 to 1');
  });

  it('reads flags, names and text', () => {
    const r = record({ On: 'TRUE ', Off: false, Empty: '', Names: ' Amount, ,CloseDate ' });
    expect(r.flag('On')).toBe(true);
    expect(r.flag('Off')).toBe(false);
    expect(r.flag('Empty')).toBeNull();
    expect(r.names('Names')).toEqual(['amount', 'closedate']);
    expect(r.text('Missing')).toBe('undefined');
    expect(r.trimmed('Off')).toBeNull();
  });
});
