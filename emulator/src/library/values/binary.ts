// System.Blob, System.EncodingUtil and System.Crypto, bound to emulator/src/values (Blob.ts, Encoding.ts, Crypto.ts).
//
// Apex Reference pages (developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/):
// - "Blob Class" (apex_methods_system_blob.htm): size(), toPdf(stringToConvert) (static), toString(),
//   valueOf(stringToBlob) (static).
// - "EncodingUtil Class" (apex_classes_restful_encodingUtil.htm): base64Decode, base64Encode, convertFromHex,
//   convertToHex, urlDecode, urlEncode.
// - "Crypto Class" (apex_classes_restful_crypto.htm): decrypt, decryptWithManagedIV, encrypt, encryptWithManagedIV,
//   generateAesKey, generateDigest, generateMac, getRandomInteger, getRandomLong, sign, signWithCertificate, signXML,
//   verify, verifyHMac. The certificate and private-key methods (sign, signWithCertificate, signXML, verify) need a
//   keystore the emulator does not have: they fail loudly.
import { EmulatorUnsupportedError } from '../../errors';
import type { NativeMethod } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import type { Value } from '../../runtime/values';
import { ApexBlob } from '../../values/Blob';
import * as C from '../../values/Crypto';
import * as E from '../../values/Encoding';
import { defineBuiltin } from '../define';
import { arity, blobParam, intParam, noArgs, stringParam } from './args';

const asBlob = (s: Value): ApexBlob => s as ApexBlob;

function unsupportedCrypto(name: string): NativeMethod {
  return () => C.unsupportedCrypto(name);
}

export function registerBinaryClasses(program: Program): void {
  defineBuiltin(program, {
    name: 'Blob',
    namespace: 'System',
    statics: {
      /** valueOf(stringToBlob): "Casts the specified String to a Blob." (UTF-8 bytes) */
      valueOf: (_t: Txn, _s: Value, a: Value[]) => {
        arity('Blob.valueOf', a, 1);
        return ApexBlob.valueOf(stringParam('Blob.valueOf', a, 0));
      },
      /** toPdf(stringToConvert): renders HTML as PDF — no PDF renderer in the emulator. */
      toPdf: () => {
        throw new EmulatorUnsupportedError('Blob.toPdf');
      },
    },
    methods: {
      /** size(): "Returns the number of characters in the Blob." (bytes) */
      size: noArgs('Blob.size', (_t, s) => asBlob(s).size()),
      /** toString(): "Casts the Blob into a String." (UTF-8; bytes that are not UTF-8 throw StringException) */
      toString: (_t: Txn, s: Value, a: Value[]) => {
        arity('Blob.toString', a, 0);
        return asBlob(s).toApexString();
      },
    },
  });

  defineBuiltin(program, {
    name: 'EncodingUtil',
    namespace: 'System',
    statics: {
      base64Decode: (_t, _s, a) => {
        arity('EncodingUtil.base64Decode', a, 1);
        return E.base64Decode(stringParam('EncodingUtil.base64Decode', a, 0));
      },
      base64Encode: (_t, _s, a) => {
        arity('EncodingUtil.base64Encode', a, 1);
        return E.base64Encode(blobParam('EncodingUtil.base64Encode', a, 0));
      },
      convertFromHex: (_t, _s, a) => {
        arity('EncodingUtil.convertFromHex', a, 1);
        return E.convertFromHex(stringParam('EncodingUtil.convertFromHex', a, 0));
      },
      convertToHex: (_t, _s, a) => {
        arity('EncodingUtil.convertToHex', a, 1);
        return E.convertToHex(blobParam('EncodingUtil.convertToHex', a, 0));
      },
      urlDecode: (_t, _s, a) => {
        const m = 'EncodingUtil.urlDecode';
        arity(m, a, 2);
        return E.urlDecode(stringParam(m, a, 0), stringParam(m, a, 1));
      },
      urlEncode: (_t, _s, a) => {
        const m = 'EncodingUtil.urlEncode';
        arity(m, a, 2);
        return E.urlEncode(stringParam(m, a, 0), stringParam(m, a, 1));
      },
    },
  });

  defineBuiltin(program, {
    name: 'Crypto',
    namespace: 'System',
    statics: {
      decrypt: (_t, _s, a) => {
        const m = 'Crypto.decrypt';
        arity(m, a, 4);
        return C.decrypt(stringParam(m, a, 0), blobParam(m, a, 1), blobParam(m, a, 2), blobParam(m, a, 3));
      },
      decryptWithManagedIV: (_t, _s, a) => {
        const m = 'Crypto.decryptWithManagedIV';
        arity(m, a, 3);
        return C.decryptWithManagedIV(stringParam(m, a, 0), blobParam(m, a, 1), blobParam(m, a, 2));
      },
      encrypt: (_t, _s, a) => {
        const m = 'Crypto.encrypt';
        arity(m, a, 4);
        return C.encrypt(stringParam(m, a, 0), blobParam(m, a, 1), blobParam(m, a, 2), blobParam(m, a, 3));
      },
      encryptWithManagedIV: (_t, _s, a) => {
        const m = 'Crypto.encryptWithManagedIV';
        arity(m, a, 3);
        return C.encryptWithManagedIV(stringParam(m, a, 0), blobParam(m, a, 1), blobParam(m, a, 2));
      },
      generateAesKey: (_t, _s, a) => {
        arity('Crypto.generateAesKey', a, 1);
        return C.generateAesKey(intParam('Crypto.generateAesKey', a, 0));
      },
      generateDigest: (_t, _s, a) => {
        const m = 'Crypto.generateDigest';
        arity(m, a, 2);
        return C.generateDigest(stringParam(m, a, 0), blobParam(m, a, 1));
      },
      generateMac: (_t, _s, a) => {
        const m = 'Crypto.generateMac';
        arity(m, a, 3);
        return C.generateMac(stringParam(m, a, 0), blobParam(m, a, 1), blobParam(m, a, 2));
      },
      getRandomInteger: noArgs('Crypto.getRandomInteger', () => C.getRandomInteger()),
      getRandomLong: noArgs('Crypto.getRandomLong', () => C.getRandomLong()),
      sign: unsupportedCrypto('sign'),
      signWithCertificate: unsupportedCrypto('signWithCertificate'),
      signXML: unsupportedCrypto('signXML'),
      verify: unsupportedCrypto('verify'),
      verifyHMac: (_t, _s, a) => {
        const m = 'Crypto.verifyHMac';
        arity(m, a, 4);
        return C.verifyHMac(stringParam(m, a, 0), blobParam(m, a, 1), blobParam(m, a, 2), blobParam(m, a, 3));
      },
    },
  });
}
