import { ApexPlatformError } from '../../errors';
import { ApexId, IdGenerator, canonicalId, idChecksum, isValidId } from '../Id';

describe('Id checksum (15 → 18)', () => {
  it.each([
    // Salesforce docs' sample id
    ['001xx000003DGb2', 'AAG'],
    // SFSE "Id is different after JSON deserialization": a186D000000EYJ2 debugs as a186D000000EYJ2QAO
    ['a186D000000EYJ2', 'QAO'],
    // Spring '21 to15() release note example: 0D5B000001DVM9t ↔ 0D5B000001DVM9tkAh (distorted case of KAH)
    ['0D5B000001DVM9t', 'KAH'],
    ['000000000000000', 'AAA'],
    ['AAAAAAAAAAAAAAA', '555'],
  ])('%s → %s', (id15, suffix) => {
    expect(idChecksum(id15)).toBe(suffix);
  });
});

describe('ApexId', () => {
  it('converts a 15-character id to its 18-character form', () => {
    const id = ApexId.valueOf('a186D000000EYJ2');
    expect(id.value).toBe('a186D000000EYJ2QAO');
    expect(id.toString()).toBe('a186D000000EYJ2QAO');
    expect(id.to15()).toBe('a186D000000EYJ2');
    expect(id.keyPrefix).toBe('a18');
  });

  it('treats 15- and 18-character forms as equal', () => {
    expect(ApexId.valueOf('001xx000003DGb2').equals(ApexId.valueOf('001xx000003DGb2AAG'))).toBe(true);
    expect(ApexId.valueOf('001xx000003DGb2').equals(ApexId.valueOf('001xx000003DGb3'))).toBe(false);
  });

  it('to15() corrects distorted casing from the checksum (Apex Reference example)', () => {
    const testId = ApexId.valueOf('0D5B000001DVM9tkAh');
    expect(testId.to15()).toBe('0D5B000001DVM9t');
    expect(ApexId.valueOf('001XX000003DGB2AAG').to15()).toBe('001xx000003DGb2');
    expect(ApexId.valueOf('001xx000003dgb2aag').value).toBe('001xx000003DGb2AAG');
  });

  it.each([
    'bad',
    '',
    '001xx000003DGb',
    '001xx000003DGb2A',
    '001xx000003DGb2AA',
    '001xx-00003DGb2',
    '001xx000003DGb2AA6',
  ])('rejects %j with System.StringException: Invalid id', (s) => {
    let error: unknown;
    try {
      ApexId.valueOf(s);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApexPlatformError);
    expect((error as ApexPlatformError).apexType).toBe('System.StringException');
    expect((error as ApexPlatformError).message).toBe(`Invalid id: ${s}`);
    expect(isValidId(s)).toBe(false);
    expect(ApexId.tryValueOf(s)).toBeNull();
  });

  it('rejects a checksum that marks a digit as uppercase', () => {
    // '555' says every character is uppercase, but '0' is a digit
    expect(canonicalId('000000000000000555')).toBeNull();
  });
});

describe('IdGenerator', () => {
  it('mints valid, unique, deterministic ids per prefix', () => {
    const g = new IdGenerator();
    const a1 = g.next('001');
    const a2 = g.next('001');
    const c1 = g.next('003');
    expect(a1.value).toBe('001xx0000000001AAA');
    expect(a2.value).toBe('001xx0000000002AAA');
    expect(c1.value).toBe('003xx0000000001AAA');
    expect(isValidId(a1.value)).toBe(true);
    expect(g.count('001')).toBe(2);
    expect(new IdGenerator().next('001').value).toBe(a1.value);
  });

  it('uses base 62 and keeps ids unique over many', () => {
    const g = new IdGenerator('5g');
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(g.next('a0B').value);
    expect(seen.size).toBe(5000);
    const g2 = new IdGenerator();
    let last = '';
    for (let i = 0; i < 62; i++) last = g2.next('001').to15();
    expect(last).toBe('001xx0000000010');
  });
});
