/**
 * ExactDecimal — exact decimal arithmetic on native BigInt, so the TypeScript core compares numbers as Apex Decimal
 * does (0.30 → 0.33 is exactly 10%, never 10.000000000000009) without a library's cost in the policy hot path.
 * A value is `units × 10^-scale`: 12.5 is { units: 125n, scale: 1 }.
 */
export interface ExactDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/;

/**
 * Parses a JSON number (by its shortest round-trip text, which is what the JSON said) or a numeric string;
 * null for anything else.
 */
export function parseDecimal(value: unknown): ExactDecimal | null {
  let text: string;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return { units: BigInt(value), scale: 0 }; // the common case, no text round trip
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    return null;
  }
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const whole = m[2] ?? '';
  const fraction = m[3] ?? '';
  if (whole === '' && fraction === '') return null;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  let units = BigInt(`${whole}${fraction}` || '0');
  let scale = fraction.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: m[1] === '-' ? -units : units, scale };
}

export function decimalOf(n: number | bigint): ExactDecimal {
  if (typeof n === 'bigint') return { units: n, scale: 0 };
  const parsed = parseDecimal(n);
  if (!parsed) throw new RangeError(`not a finite number: ${n}`);
  return parsed;
}

function atScale(d: ExactDecimal, scale: number): bigint {
  return scale === d.scale ? d.units : d.units * 10n ** BigInt(scale - d.scale);
}

/** -1, 0 or 1. */
export function compareDecimal(a: ExactDecimal, b: ExactDecimal): number {
  const s = Math.max(a.scale, b.scale);
  const x = atScale(a, s);
  const y = atScale(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function subtract(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const s = Math.max(a.scale, b.scale);
  return { units: atScale(a, s) - atScale(b, s), scale: s };
}

export function multiply(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function abs(a: ExactDecimal): ExactDecimal {
  return a.units < 0n ? { units: -a.units, scale: a.scale } : a;
}

export function isZero(a: ExactDecimal): boolean {
  return a.units === 0n;
}

/**
 * `a / b` rounded half away from zero to `places` decimals (Apex: `a.divide(b, places, RoundingMode.HALF_UP)`).
 */
export function divideRounded(a: ExactDecimal, b: ExactDecimal, places: number): ExactDecimal {
  if (b.units === 0n) throw new RangeError('division by zero');
  // a/b × 10^places = (a.units × 10^(b.scale + places)) / (b.units × 10^a.scale)
  let num = a.units * 10n ** BigInt(b.scale + places);
  let den = b.units * 10n ** BigInt(a.scale);
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const negative = num < 0n;
  const n = negative ? -num : num;
  const q = (2n * n + den) / (2n * den);
  return { units: negative ? -q : q, scale: places };
}

/** Rounds half away from zero to `places` decimals (Apex `setScale(places, RoundingMode.HALF_UP)`). */
export function roundDecimal(a: ExactDecimal, places: number): ExactDecimal {
  if (a.scale <= places) return a;
  return divideRounded(a, { units: 1n, scale: 0 }, places);
}

/** Plain text without exponent or trailing zeros (Apex `stripTrailingZeros().toPlainString()`). */
export function decimalText(a: ExactDecimal): string {
  let { units, scale } = a;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (scale === 0) return units === 0n ? '0' : `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}
