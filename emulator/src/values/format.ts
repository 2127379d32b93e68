// The string forms of primitive values, in one place: what String.valueOf(x) returns and what `'' + x` (string
// concatenation, also System.debug) produces. They differ for Date and Datetime only:
// - Date: String.valueOf → '2026-12-01'; concatenation → '2026-12-01 00:00:00'.
// - Datetime: String.valueOf → 'yyyy-MM-dd HH:mm:ss' in the context user's time zone; concatenation → the same
//   format in GMT (albasfdc.com, "Working with Datetimes": "Concatenating a datetime object with a string will print
//   GMT datetime, while String.valueOf function will print your time zone datetime").
// Numbers: Integer/Long in decimal; Double as Java's Double.toString ('1.0E7'); Decimal as BigDecimal.toString
// ('1.50', '1E+3'). Boolean 'true'/'false'; null 'null'; Id its 18-character form; Time 'HH:mm:ss.SSSZ'; Blob
// 'Blob[<size>]'.

import { ApexBlob } from './Blob';
import { ApexDate } from './Date';
import { ApexDatetime } from './Datetime';
import { ApexDecimal } from './Decimal';
import { ApexDouble, javaDoubleToString } from './Double';
import { ApexId } from './Id';
import type { UserContext } from './Locale';
import { ApexTime } from './Time';

/** A primitive Apex value as the emulator represents it. */
export type PrimitiveValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | ApexDouble
  | ApexDecimal
  | ApexId
  | ApexDate
  | ApexDatetime
  | ApexTime
  | ApexBlob;

/** True when `v` is one of the primitive representations above. */
export function isPrimitiveValue(v: unknown): v is PrimitiveValue {
  return (
    v === null ||
    typeof v === 'boolean' ||
    typeof v === 'number' ||
    typeof v === 'bigint' ||
    typeof v === 'string' ||
    v instanceof ApexDouble ||
    v instanceof ApexDecimal ||
    v instanceof ApexId ||
    v instanceof ApexDate ||
    v instanceof ApexDatetime ||
    v instanceof ApexTime ||
    v instanceof ApexBlob
  );
}

function common(v: PrimitiveValue): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return String(v);
    case 'bigint':
      return v.toString();
    default:
      break;
  }
  if (v instanceof ApexDouble) return javaDoubleToString(v.value);
  if (v instanceof ApexDecimal || v instanceof ApexId || v instanceof ApexTime || v instanceof ApexBlob) {
    return v.toString();
  }
  return undefined;
}

/** String.valueOf(x) for a primitive value. */
export function apexToString(v: PrimitiveValue, ctx: UserContext): string {
  const s = common(v);
  if (s !== undefined) return s;
  if (v instanceof ApexDate) return v.toString();
  if (v instanceof ApexDatetime) return v.toStringLocal(ctx);
  throw new Error(`apexToString: not a primitive value`);
}

/** `'' + x` (string concatenation, System.debug) for a primitive value. */
export function apexConcatString(v: PrimitiveValue): string {
  const s = common(v);
  if (s !== undefined) return s;
  if (v instanceof ApexDate) return v.toConcatString();
  if (v instanceof ApexDatetime) return v.toStringGmt();
  throw new Error(`apexConcatString: not a primitive value`);
}
