// System.Crypto as pure functions over Blobs, on node:crypto (Apex Reference, "Crypto Class").

import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { ApexBlob } from './Blob';

/** A source of random bytes (node:crypto by default; tests inject a deterministic one). */
export type RandomBytes = (n: number) => Uint8Array;
export const secureRandomBytes: RandomBytes = (n) => new Uint8Array(randomBytes(n));

// generateDigest(algorithmName, input): "Valid values for algorithmName are: MD5, SHA1, SHA3-256, SHA3-384,
// SHA3-512, SHA-256, SHA-512". Names are matched as the doc spells them; any other spelling fails loudly (the org's
// exception for an unknown algorithm is not documented).
const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA1: 'sha1',
  'SHA-256': 'sha256',
  'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256',
  'SHA3-384': 'sha3-384',
  'SHA3-512': 'sha3-512',
};

// generateMac(algorithmName, input, privateKey): "Valid values for algorithmName are: hmacMD5, hmacSHA1, hmacSHA256,
// hmacSHA512".
const MACS: Record<string, string> = {
  hmacMD5: 'md5',
  hmacSHA1: 'sha1',
  hmacSHA256: 'sha256',
  hmacSHA512: 'sha512',
};

function view(b: ApexBlob): Buffer {
  return Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength);
}

/** Crypto.generateDigest(algorithmName, input) */
export function generateDigest(algorithmName: string, input: ApexBlob): ApexBlob {
  const alg = DIGESTS[algorithmName];
  if (alg === undefined) throw new EmulatorUnsupportedError(`Crypto.generateDigest algorithm '${algorithmName}'`);
  return new ApexBlob(new Uint8Array(createHash(alg).update(view(input)).digest()));
}

/** Crypto.generateMac(algorithmName, input, privateKey) */
export function generateMac(algorithmName: string, input: ApexBlob, privateKey: ApexBlob): ApexBlob {
  const alg = MACS[algorithmName];
  if (alg === undefined) throw new EmulatorUnsupportedError(`Crypto.generateMac algorithm '${algorithmName}'`);
  return new ApexBlob(new Uint8Array(createHmac(alg, view(privateKey)).update(view(input)).digest()));
}

/**
 * Crypto.verifyHMac(algorithmName, data, privateKey, hmacToVerify): true when the MAC of `data` equals `hmacToVerify`
 * (same algorithm names as generateMac).
 */
export function verifyHMac(
  algorithmName: string,
  data: ApexBlob,
  privateKey: ApexBlob,
  hmacToVerify: ApexBlob,
): boolean {
  return generateMac(algorithmName, data, privateKey).equals(hmacToVerify);
}

/** Crypto.getRandomInteger(): "Returns a random Integer." */
export function getRandomInteger(rand: RandomBytes = secureRandomBytes): number {
  const b = rand(4);
  return new DataView(b.buffer, b.byteOffset, 4).getInt32(0);
}

/** Crypto.getRandomLong(): "Returns a random Long." */
export function getRandomLong(rand: RandomBytes = secureRandomBytes): bigint {
  const b = rand(8);
  return new DataView(b.buffer, b.byteOffset, 8).getBigInt64(0);
}

/** Crypto.generateAesKey(size): "Generates an Advanced Encryption Standard (AES) key." size is 128, 192 or 256. */
export function generateAesKey(size: number, rand: RandomBytes = secureRandomBytes): ApexBlob {
  if (size !== 128 && size !== 192 && size !== 256) {
    throw new EmulatorUnsupportedError(`Crypto.generateAesKey(${size}) (valid sizes: 128, 192, 256)`);
  }
  return new ApexBlob(rand(size / 8));
}

const AES: Record<string, { bytes: number; cipher: string }> = {
  AES128: { bytes: 16, cipher: 'aes-128-cbc' },
  AES192: { bytes: 24, cipher: 'aes-192-cbc' },
  AES256: { bytes: 32, cipher: 'aes-256-cbc' },
};

/**
 * The AES algorithm and a checked key. Apex Reference, Crypto Class, encrypt: "Valid values for algorithmName are
 * AES128, AES192, AES256 … The length of privateKey must match the specified algorithm: 128 bits, 192 bits, or 256
 * bits, which is 16 bytes, 24 bytes, or 32 bytes" — "uses cipher block chaining (CBC) and PKCS5 padding". A wrong
 * key length throws `System.SecurityException: Invalid private key. Must be <n> bytes.` (the org's message).
 */
function aes(algorithmName: string, key: ApexBlob): { cipher: string } {
  const a = AES[algorithmName];
  if (a === undefined) throw new EmulatorUnsupportedError(`Crypto encryption algorithm '${algorithmName}'`);
  if (key.bytes.length !== a.bytes) {
    throw new ApexPlatformError('System.SecurityException', `Invalid private key. Must be ${a.bytes} bytes.`);
  }
  return a;
}

function checkIv(iv: ApexBlob): void {
  if (iv.bytes.length !== 16) {
    throw new ApexPlatformError('System.SecurityException', 'Invalid initialization vector. Must be 16 bytes.');
  }
}

/** Crypto.encrypt(algorithmName, privateKey, initializationVector, clearText): AES-CBC with PKCS5 padding. */
export function encrypt(algorithmName: string, privateKey: ApexBlob, iv: ApexBlob, clearText: ApexBlob): ApexBlob {
  const { cipher } = aes(algorithmName, privateKey);
  checkIv(iv);
  const c = createCipheriv(cipher, view(privateKey), view(iv));
  return new ApexBlob(new Uint8Array(Buffer.concat([c.update(view(clearText)), c.final()])));
}

/**
 * Crypto.decrypt(algorithmName, privateKey, initializationVector, cipherText). Bad padding (a wrong key or IV, or a
 * corrupt ciphertext) is reported as Java's javax.crypto.BadPaddingException text in a System.SecurityException; that
 * exception mapping is not documented.
 */
export function decrypt(algorithmName: string, privateKey: ApexBlob, iv: ApexBlob, cipherText: ApexBlob): ApexBlob {
  const { cipher } = aes(algorithmName, privateKey);
  checkIv(iv);
  try {
    const d = createDecipheriv(cipher, view(privateKey), view(iv));
    return new ApexBlob(new Uint8Array(Buffer.concat([d.update(view(cipherText)), d.final()])));
  } catch {
    throw new ApexPlatformError('System.SecurityException', 'Given final block not properly padded');
  }
}

/**
 * Crypto.encryptWithManagedIV(algorithmName, privateKey, clearText): "The initialization vector is stored as the first
 * 128 bits (16 bytes) of the encrypted Blob." A fresh random IV each call.
 */
export function encryptWithManagedIV(
  algorithmName: string,
  privateKey: ApexBlob,
  clearText: ApexBlob,
  rand: RandomBytes = secureRandomBytes,
): ApexBlob {
  const iv = new ApexBlob(rand(16));
  const body = encrypt(algorithmName, privateKey, iv, clearText);
  const out = new Uint8Array(16 + body.bytes.length);
  out.set(iv.bytes, 0);
  out.set(body.bytes, 16);
  return new ApexBlob(out);
}

/** Crypto.decryptWithManagedIV(algorithmName, privateKey, IVAndCipherText): the first 16 bytes are the IV. */
export function decryptWithManagedIV(algorithmName: string, privateKey: ApexBlob, ivAndCipherText: ApexBlob): ApexBlob {
  aes(algorithmName, privateKey);
  if (ivAndCipherText.bytes.length < 16) {
    throw new ApexPlatformError('System.SecurityException', 'Invalid initialization vector. Must be 16 bytes.');
  }
  const iv = new ApexBlob(ivAndCipherText.bytes.slice(0, 16));
  return decrypt(algorithmName, privateKey, iv, new ApexBlob(ivAndCipherText.bytes.slice(16)));
}

/** Crypto.sign / verify / signWithCertificate / signXML / verifyMac…: not implemented (no keystore in the emulator). */
export function unsupportedCrypto(method: string): never {
  throw new EmulatorUnsupportedError(`Crypto.${method}`);
}
