import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { ApexBlob } from '../Blob';
import {
  decrypt,
  decryptWithManagedIV,
  encrypt,
  encryptWithManagedIV,
  generateAesKey,
  generateDigest,
  generateMac,
  getRandomInteger,
  getRandomLong,
  verifyHMac,
} from '../Crypto';
import { convertToHex } from '../Encoding';

const b = (s: string): ApexBlob => ApexBlob.valueOf(s);
const hex = (x: ApexBlob): string => convertToHex(x);
const fixed =
  (byte: number) =>
  (n: number): Uint8Array =>
    new Uint8Array(n).fill(byte);

describe('Crypto', () => {
  it('generateDigest with the documented algorithm names (standard test vectors)', () => {
    expect(hex(generateDigest('MD5', b('')))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hex(generateDigest('SHA1', b('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(generateDigest('SHA-256', b('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(generateDigest('SHA3-256', b('')))).toBe(
      'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a',
    );
    expect(generateDigest('SHA-512', b('abc')).size()).toBe(64);
    expect(() => generateDigest('sha-256', b('abc'))).toThrow(EmulatorUnsupportedError);
    expect(() => generateDigest('SHA256', b('abc'))).toThrow(EmulatorUnsupportedError);
  });

  it('generateMac / verifyHMac', () => {
    const mac = generateMac('hmacSHA256', b('The quick brown fox jumps over the lazy dog'), b('key'));
    expect(hex(mac)).toBe('f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8');
    expect(hex(generateMac('hmacMD5', b('The quick brown fox jumps over the lazy dog'), b('key')))).toBe(
      '80070713463e7749b90c2dc24911e275',
    );
    expect(verifyHMac('hmacSHA256', b('The quick brown fox jumps over the lazy dog'), b('key'), mac)).toBe(true);
    expect(() => generateMac('HmacSHA256', b('x'), b('k'))).toThrow(EmulatorUnsupportedError);
  });

  it('random numbers come from the byte source', () => {
    expect(getRandomInteger(fixed(0xff))).toBe(-1);
    expect(getRandomLong(fixed(0x01))).toBe(0x0101010101010101n);
    expect(generateAesKey(256, fixed(7)).size()).toBe(32);
    expect(() => generateAesKey(512)).toThrow(EmulatorUnsupportedError);
  });

  it('AES-CBC PKCS5 round-trips; managed IV is prepended', () => {
    const key = generateAesKey(128, fixed(1));
    const iv = new ApexBlob(new Uint8Array(16).fill(2));
    const c = encrypt('AES128', key, iv, b('Test data'));
    expect(c.size()).toBe(16);
    expect(decrypt('AES128', key, iv, c).toApexString()).toBe('Test data');
    const m = encryptWithManagedIV('AES256', generateAesKey(256, fixed(3)), b('x'.repeat(20)), fixed(9));
    expect(m.size()).toBe(48);
    expect(hex(new ApexBlob(m.bytes.slice(0, 16)))).toBe('09'.repeat(16));
    expect(decryptWithManagedIV('AES256', generateAesKey(256, fixed(3)), m).toApexString()).toBe('x'.repeat(20));
  });

  it('rejects wrong key and IV lengths with System.SecurityException', () => {
    const iv = new ApexBlob(new Uint8Array(16));
    const err = (f: () => unknown): ApexPlatformError => {
      try {
        f();
      } catch (e) {
        return e as ApexPlatformError;
      }
      throw new Error('no error');
    };
    const e1 = err(() => encrypt('AES256', generateAesKey(128, fixed(1)), iv, b('x')));
    expect(e1.apexType).toBe('System.SecurityException');
    expect(e1.message).toBe('Invalid private key. Must be 32 bytes.');
    const e2 = err(() => encrypt('AES128', generateAesKey(128, fixed(1)), new ApexBlob(new Uint8Array(8)), b('x')));
    expect(e2.message).toBe('Invalid initialization vector. Must be 16 bytes.');
    const c = encrypt('AES128', generateAesKey(128, fixed(1)), iv, b('secret'));
    expect(err(() => decrypt('AES128', generateAesKey(128, fixed(2)), iv, c)).apexType).toBe(
      'System.SecurityException',
    );
  });
});
