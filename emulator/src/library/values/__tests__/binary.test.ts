// Blob, EncodingUtil and Crypto through Apex: known-answer values (RFC 4648 base64, FIPS 180 / RFC 1321 digests of
// 'abc', the RFC 4231 HMAC-SHA256 test case 2) and the documented failures.
import { debugOf, errorOf } from './harness';

describe('Blob Class', () => {
  test('valueOf, size, toString; String.valueOf of a Blob is not its content', () => {
    expect(
      debugOf(`
        Blob b = Blob.valueOf('h\\u00e9llo'); System.debug(b.size()); System.debug(b.toString());
        System.debug(String.valueOf(b));`),
    ).toEqual(['6', 'héllo', 'Blob[6]']);
  });

  test('toString of bytes that are not UTF-8 is the org StringException; toPdf is unsupported', () => {
    expect(errorOf("String s = EncodingUtil.convertFromHex('ff').toString();")).toBe(
      'System.StringException: BLOB is not a valid UTF-8 string',
    );
    expect(errorOf("Blob p = Blob.toPdf('<p>x</p>');")).toContain('Blob.toPdf is not supported');
  });
});

describe('EncodingUtil Class', () => {
  test('base64 (RFC 4648 vectors), hex, URL encoding', () => {
    expect(
      debugOf(`
        System.debug(EncodingUtil.base64Encode(Blob.valueOf('foob')));
        System.debug(EncodingUtil.base64Decode('Zm9vYmFy').toString());
        System.debug(EncodingUtil.convertToHex(Blob.valueOf('AB')));
        System.debug(EncodingUtil.convertFromHex('4142').toString());
        System.debug(EncodingUtil.urlEncode('a b&c=d/\\u00e9*', 'UTF-8'));
        System.debug(EncodingUtil.urlDecode('a+b%26c%C3%A9', 'UTF-8'));`),
    ).toEqual(['Zm9vYg==', 'foobar', '4142', 'AB', 'a+b%26c%3Dd%2F%C3%A9*', 'a b&cé']);
  });

  test('a null argument is a NullPointerException', () => {
    expect(errorOf('Blob b = null; String s = EncodingUtil.base64Encode(b);')).toContain('System.NullPointerException');
  });
});

describe('Crypto Class', () => {
  test('generateDigest, generateMac, verifyHMac', () => {
    expect(
      debugOf(`
        System.debug(EncodingUtil.convertToHex(Crypto.generateDigest('SHA-512', Blob.valueOf('abc'))).left(16));
        System.debug(EncodingUtil.convertToHex(Crypto.generateDigest('MD5', Blob.valueOf('abc'))));
        Blob key = Blob.valueOf('Jefe'); Blob data = Blob.valueOf('what do ya want for nothing?');
        Blob mac = Crypto.generateMac('hmacSHA256', data, key);
        System.debug(EncodingUtil.convertToHex(mac));
        System.debug(Crypto.verifyHMac('hmacSHA256', data, key, mac));
        System.debug(Crypto.verifyHMac('hmacSHA256', Blob.valueOf('other'), key, mac));`),
    ).toEqual([
      'ddaf35a193617aba',
      '900150983cd24fb0d6963f7d28e17f72',
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
      'true',
      'false',
    ]);
  });

  test('AES encrypt / decrypt with an explicit IV and with a managed IV', () => {
    expect(
      debugOf(`
        Blob key = Crypto.generateAesKey(128); Blob iv = Blob.valueOf('0123456789abcdef');
        Blob c = Crypto.encrypt('AES128', key, iv, Blob.valueOf('sixteen bytes!!!'));
        System.debug(c.size()); System.debug(Crypto.decrypt('AES128', key, iv, c).toString());
        Blob m = Crypto.encryptWithManagedIV('AES128', key, Blob.valueOf('x'));
        System.debug(m.size()); System.debug(Crypto.decryptWithManagedIV('AES128', key, m).toString());`),
    ).toEqual(['32', 'sixteen bytes!!!', '32', 'x']);
    expect(errorOf("Blob c = Crypto.encryptWithManagedIV('AES256', Blob.valueOf('short'), Blob.valueOf('x'));")).toBe(
      'System.SecurityException: Invalid private key. Must be 32 bytes.',
    );
  });

  test('random values have their Apex types; keystore methods fail loudly', () => {
    expect(
      debugOf(`
        Object i = Crypto.getRandomInteger(); Object l = Crypto.getRandomLong();
        System.debug(i instanceof Integer); System.debug(l instanceof Long);`),
    ).toEqual(['true', 'true']);
    expect(errorOf("Blob s = Crypto.sign('RSA-SHA256', Blob.valueOf('x'), Blob.valueOf('k'));")).toContain(
      'Crypto.sign is not supported',
    );
  });
});
