import { ApexPlatformError } from '../../errors';
import { ApexBlob, utf8Encode } from '../Blob';

describe('Blob', () => {
  it('valueOf encodes UTF-8 and size counts bytes', () => {
    const b = ApexBlob.valueOf('héllo €𝄞');
    expect(b.size()).toBe(14);
    expect(b.toApexString()).toBe('héllo €𝄞');
  });

  it('encodes an unpaired surrogate as ? like Java', () => {
    expect(Array.from(utf8Encode('a\ud800b'))).toEqual([0x61, 0x3f, 0x62]);
  });

  it('toString of invalid UTF-8 throws StringException: BLOB is not a valid UTF-8 string', () => {
    const bad = new ApexBlob(new Uint8Array([0xff, 0xfe]));
    let e: unknown;
    try {
      bad.toApexString();
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ApexPlatformError);
    expect((e as ApexPlatformError).apexType).toBe('System.StringException');
    expect((e as ApexPlatformError).message).toBe('BLOB is not a valid UTF-8 string');
  });

  it("prints as 'Blob[size]' in String.valueOf and concatenation", () => {
    expect(String(ApexBlob.valueOf('Hello World!'))).toBe('Blob[12]');
  });

  it('compares by content', () => {
    expect(ApexBlob.valueOf('x').equals(ApexBlob.valueOf('x'))).toBe(true);
    expect(ApexBlob.valueOf('x').equals(ApexBlob.valueOf('y'))).toBe(false);
  });
});
