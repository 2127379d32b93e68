import { ApexTime } from '../Time';

describe('Time', () => {
  it('newInstance and components (Apex Reference: newInstance(18, 30, 2, 20))', () => {
    const t = ApexTime.newInstance(18, 30, 2, 20);
    expect([t.hour(), t.minute(), t.second(), t.millisecond()]).toEqual([18, 30, 2, 20]);
    expect(t.minute() + 5).toBe(35);
  });

  it("prints 'HH:mm:ss.SSSZ' for String.valueOf, concatenation and JSON", () => {
    expect(ApexTime.newInstance(18, 30, 2, 20).toString()).toBe('18:30:02.020Z');
    expect(ApexTime.newInstance(8, 0, 0, 0).toJson()).toBe('08:00:00.000Z');
  });

  it('add* wrap around midnight', () => {
    const t = ApexTime.newInstance(23, 30, 0, 0);
    expect(t.addHours(1).toString()).toBe('00:30:00.000Z');
    expect(t.addMinutes(-1440).toString()).toBe('23:30:00.000Z');
    expect(ApexTime.newInstance(0, 0, 0, 0).addSeconds(-1).toString()).toBe('23:59:59.000Z');
    expect(ApexTime.newInstance(1, 0, 0, 0).addMilliseconds(5).millisecond()).toBe(5);
  });
});
