import { EmulatorUnsupportedError } from '../../errors';
import { ApexDecimal } from '../Decimal';
import { ApexDouble } from '../Double';
import * as M from '../Math';

const d = (s: string): ApexDecimal => ApexDecimal.valueOf(s);
const x = (v: number): ApexDouble => new ApexDouble(v);

describe('Math', () => {
  it('abs/max/min keep the operand types', () => {
    expect(M.absInteger(-5)).toBe(5);
    expect(M.absLong(-5n)).toBe(5n);
    expect(M.absDecimal(d('-1.50')).toString()).toBe('1.50');
    expect(M.absDouble(x(-2.5)).value).toBe(2.5);
    expect(M.maxDecimal(d('1.0'), d('1.00')).toString()).toBe('1.0');
    expect(M.minInteger(3, -3)).toBe(-3);
    expect(M.maxLong(3n, 4n)).toBe(4n);
  });

  it('mod (Apex Reference: mod(8, 3) == 2)', () => {
    expect(M.modInteger(8, 3)).toBe(2);
    expect(M.modLong(-8n, 3n)).toBe(-2n);
    expect(() => M.modInteger(1, 0)).toThrow('Divide by 0');
  });

  it('ceil/floor of a Decimal are Decimals with scale 0', () => {
    expect(M.ceilDecimal(d('1.1')).toString()).toBe('2');
    expect(M.floorDecimal(d('-1.1')).toString()).toBe('-2');
    expect(M.ceilDouble(x(-0.5)).value).toBe(-0);
    expect(M.rintDouble(x(2.5)).value).toBe(2);
    expect(M.rintDouble(x(3.5)).value).toBe(4);
    expect(M.rintDecimal(d('2.5')).toString()).toBe('2');
  });

  it('round(Decimal) is half-even to an Integer; roundToLong likewise', () => {
    expect(M.roundDecimal(d('96.7'))).toBe(97);
    expect(M.roundDecimal(d('96.5'))).toBe(96);
    expect(M.roundDecimal(d('97.5'))).toBe(98);
    expect(M.roundToLongDecimal(d('10000000000.5'))).toBe(10000000000n);
  });

  it('round(Double) and roundToLong(Double) are Java Math.round (ties toward +∞)', () => {
    expect(M.roundDouble(x(2.5))).toBe(3);
    expect(M.roundDouble(x(-2.5))).toBe(-2);
    expect(M.roundDouble(x(0.49999999999999994))).toBe(0);
    expect(M.roundToLongDouble(x(1e19))).toBe(9223372036854775807n);
    expect(M.roundToLongDouble(x(NaN))).toBe(0n);
    expect(() => M.roundDouble(x(3e9))).toThrow(EmulatorUnsupportedError);
  });

  it('signum, pow, sqrt, transcendental Decimal overloads return Decimals', () => {
    expect(M.signumDecimal(d('-3.2')).toString()).toBe('-1');
    expect(M.signumDouble(x(0)).value).toBe(0);
    expect(M.powDouble(x(2), x(10)).value).toBe(1024);
    expect(Number.isNaN(M.powDouble(x(1), x(Infinity)).value)).toBe(true);
    expect(M.sqrtDecimal(d('2')).toString()).toBe('1.4142135623730951');
    expect(M.sqrtDouble(x(16)).value).toBe(4);
    expect(M.expDecimal(d('0')).toString()).toBe('1.0');
    expect(M.log10Double(x(1000)).value).toBe(3);
    expect(M.cbrtDouble(x(27)).value).toBe(3);
    expect(() => M.logDecimal(d('0'))).toThrow(EmulatorUnsupportedError);
  });

  it('random uses the injected generator', () => {
    expect(M.random(() => 0.25).value).toBe(0.25);
    expect(M.MATH_PI.value).toBe(Math.PI);
  });
});
