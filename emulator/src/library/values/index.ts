// Apex classes of the primitive value types (Integer, Long, Double, Decimal, Boolean, Date, Datetime, Time, Blob)
// and Math, EncodingUtil, Crypto: bindings of the pure value modules in emulator/src/values to Apex methods.
// (System.Id is in library/schema/sobject.ts, System.TimeZone in library/system/timeZone.ts.)
import type { Program } from '../../runtime/program';
import { registerTextBindings } from '../text';
import { registerBinaryClasses } from './binary';
import { registerDateClasses } from './dates';
import { registerMath } from './math';
import { registerNumberClasses } from './numbers';

export function registerValueBindings(program: Program): void {
  registerNumberClasses(program);
  registerMath(program);
  registerDateClasses(program);
  registerBinaryClasses(program);
  registerTextBindings(program);
}
