import { EmulatorUnsupportedError } from '../../errors';
import { ApexBlob } from '../Blob';
import { base64Decode, base64Encode, convertFromHex, convertToHex, urlDecode, urlEncode } from '../Encoding';

describe('EncodingUtil', () => {
  it('base64 round-trips', () => {
    expect(base64Encode(ApexBlob.valueOf('Hello World!'))).toBe('SGVsbG8gV29ybGQh');
    expect(base64Encode(ApexBlob.valueOf('ab'))).toBe('YWI=');
    expect(base64Decode('SGVsbG8gV29ybGQh').toApexString()).toBe('Hello World!');
    expect(base64Decode('YWI=').toApexString()).toBe('ab');
    expect(() => base64Decode('a b')).toThrow(EmulatorUnsupportedError);
  });

  it('hex is lowercase and round-trips', () => {
    expect(convertToHex(ApexBlob.valueOf('Az'))).toBe('417a');
    expect(convertFromHex('417A').toApexString()).toBe('Az');
    expect(() => convertFromHex('abc')).toThrow(EmulatorUnsupportedError);
  });

  it('urlEncode follows java.net.URLEncoder', () => {
    expect(urlEncode('Hello World!', 'UTF-8')).toBe('Hello+World%21');
    expect(urlEncode('a.b-c*d_e~f', 'UTF-8')).toBe('a.b-c*d_e%7Ef');
    expect(urlEncode('日本 é', 'UTF-8')).toBe('%E6%97%A5%E6%9C%AC+%C3%A9');
    expect(urlEncode('é€', 'ISO-8859-1')).toBe('%E9%3F');
    expect(urlEncode('x=1&y=2', 'utf-8')).toBe('x%3D1%26y%3D2');
    expect(() => urlEncode('x', 'EBCDIC')).toThrow(EmulatorUnsupportedError);
  });

  it('urlDecode follows java.net.URLDecoder', () => {
    expect(urlDecode('Hello+World%21', 'UTF-8')).toBe('Hello World!');
    expect(urlDecode('%E6%97%A5%E6%9C%AC', 'UTF-8')).toBe('日本');
    expect(urlDecode('%e9', 'ISO-8859-1')).toBe('é');
    expect(() => urlDecode('100%', 'UTF-8')).toThrow(EmulatorUnsupportedError);
  });
});
