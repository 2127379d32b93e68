import { ApexBlob } from '../Blob';
import { ApexDate } from '../Date';
import { ApexDatetime } from '../Datetime';
import { ApexDecimal } from '../Decimal';
import { ApexDouble } from '../Double';
import { apexConcatString, apexToString } from '../format';
import { ApexId } from '../Id';
import { DEFAULT_USER_CONTEXT } from '../Locale';
import { ApexTime } from '../Time';

const ctx = DEFAULT_USER_CONTEXT;

describe('String.valueOf and concatenation of primitives', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    [-42, '-42'],
    [9223372036854775807n, '9223372036854775807'],
    ['s', 's'],
    [new ApexDouble(1e7), '1.0E7'],
    [new ApexDouble(0.1), '0.1'],
    [ApexDecimal.valueOf('1.50'), '1.50'],
    [ApexDecimal.valueOf('1E+3'), '1E+3'],
    [ApexId.valueOf('001xx000003DGb2'), '001xx000003DGb2AAG'],
    [ApexTime.newInstance(8, 0, 0, 0), '08:00:00.000Z'],
    [ApexBlob.valueOf('abc'), 'Blob[3]'],
  ])('%p → %s in both', (v, s) => {
    expect(apexToString(v, ctx)).toBe(s);
    expect(apexConcatString(v)).toBe(s);
  });

  it('Date and Datetime differ between String.valueOf and concatenation', () => {
    const date = ApexDate.newInstance(2026, 12, 1);
    expect(apexToString(date, ctx)).toBe('2026-12-01');
    expect(apexConcatString(date)).toBe('2026-12-01 00:00:00');
    const dt = ApexDatetime.newInstanceGmt(2015, 12, 9, 20, 22, 13);
    expect(apexToString(dt, ctx)).toBe('2015-12-09 12:22:13');
    expect(apexConcatString(dt)).toBe('2015-12-09 20:22:13');
  });
});
