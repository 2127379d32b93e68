// System.Math through Apex: each overload family returns the type the Apex Reference gives it, the overload is the
// lowest one the run-time argument types widen to, and the doc examples hold.
import { debugOf, errorOf } from './harness';

/** `Object r = <expr>;` then the instanceof checks and the value, as debug lines. */
function typeAndValue(expr: string): string[] {
  return debugOf(`
    Object r = ${expr};
    System.debug(r instanceof Integer ? 'Integer' : r instanceof Long ? 'Long' : r instanceof Double ? 'Double'
      : r instanceof Decimal ? 'Decimal' : 'other');
    System.debug(r);`);
}

describe('Math Class overloads and return types', () => {
  test.each([
    ['Math.abs(-5)', 'Integer', '5'],
    ['Math.abs(-5L)', 'Long', '5'],
    ["Math.abs(Double.valueOf('-2.5'))", 'Double', '2.5'],
    ['Math.abs(-2.50)', 'Decimal', '2.50'],
    ['Math.max(3, 7)', 'Integer', '7'],
    ['Math.max(3, 7L)', 'Long', '7'],
    ['Math.max(2, 2.5)', 'Decimal', '2.5'],
    ["Math.min(2, Double.valueOf('0.5'))", 'Double', '0.5'],
    ['Math.mod(8, 3)', 'Integer', '2'],
    ['Math.mod(-7, 3)', 'Integer', '-1'],
    ['Math.mod(8L, 3)', 'Long', '2'],
    ['Math.pow(2, 10)', 'Double', '1024.0'],
    ['Math.sqrt(16)', 'Double', '4.0'],
    ['Math.sqrt(16.0)', 'Decimal', '4.0'],
    ['Math.ceil(1.2)', 'Decimal', '2'],
    ['Math.floor(-1.2)', 'Decimal', '-2'],
    ["Math.ceil(Double.valueOf('1.2'))", 'Double', '2.0'],
    ['Math.round(2.5)', 'Integer', '2'],
    ['Math.round(3.5)', 'Integer', '4'],
    ["Math.round(Double.valueOf('2.5'))", 'Integer', '3'],
    ['Math.roundToLong(2.6)', 'Long', '3'],
    ['Math.rint(2.5)', 'Decimal', '2'],
    ['Math.signum(-3.2)', 'Decimal', '-1'],
    ["Math.signum(Double.valueOf('-3.2'))", 'Double', '-1.0'],
    ['Math.log10(1000)', 'Double', '3.0'],
    ['Math.exp(0)', 'Double', '1.0'],
    ['Math.atan2(1.0, 1.0)', 'Decimal', '0.7853981633974483'],
    ['Math.PI', 'Double', '3.141592653589793'],
    ['Math.E', 'Double', '2.718281828459045'],
  ])('%s is a %s equal to %s', (expr, type, value) => {
    expect(typeAndValue(expr)).toEqual([type, value]);
  });

  test('random() is a Double in [0, 1)', () => {
    expect(
      debugOf(`
        Boolean ok = true;
        for (Integer i = 0; i < 50; i++) { Double r = Math.random(); ok = ok && r >= 0 && r < 1; }
        Object o = Math.random(); System.debug(ok && o instanceof Double);`),
    ).toEqual(['true']);
  });

  test('Math.mod by zero is a MathException; Math.mod of Decimals does not exist', () => {
    expect(errorOf('Integer z = 0; Integer m = Math.mod(5, z);')).toBe('System.MathException: Divide by 0');
    expect(errorOf('Object m = Math.mod(5.5, 2);')).toContain('Math.mod with Decimal arguments');
  });

  test('a null argument is a NullPointerException', () => {
    expect(errorOf('Integer n = null; Integer a = Math.abs(n);')).toContain('System.NullPointerException');
  });
});
