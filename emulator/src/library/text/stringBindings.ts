// System.String (Apex Reference, "String Class",
// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_string.htm): the
// static and instance methods, bound to the pure functions of ApexString.ts. Instance methods receive the
// receiver as a JS string (the interpreter raises NullPointerException for a null receiver before calling them);
// each method resolves its overloads by argument count (every overload pair of the page differs in count). An Id passed where a
// String parameter is declared is read as its 18-character String (Apex converts Id to String implicitly).
//
// Doc-silent decisions (see the report):
// - String.valueOf(null) returns null, not 'null' (what orgs do; the page does not say).
// - String.join converts each element as String.valueOf does, and a null element as the text 'null'.
// - String.format and template(valueMap): the page says non-String values "are implicitly converted to strings,
//   respecting the toString() method overrides"; the emulator converts them as String.valueOf does, except Dates
//   and Datetimes, whose implicit conversion the page leaves open (String.valueOf gives 'yyyy-MM-dd' and the user's
//   local time, concatenation 'yyyy-MM-dd 00:00:00' and GMT): those fail loudly. A null format argument is 'null'
//   (java.text.MessageFormat).
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { NativeMethod } from '../../runtime/classes';
import { iterate } from '../../runtime/collections';
import { callInstance } from '../../runtime/invoke';
import type { Program } from '../../runtime/program';
import { apexToString, concatString } from '../../runtime/stringify';
import type { Txn } from '../../runtime/transaction';
import { runtimeTypeOf } from '../../runtime/conversion';
import { INTEGER_TYPE, STRING_TYPE, typeName } from '../../runtime/types';
import { ApexList, ApexMap, type Value } from '../../runtime/values';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexId } from '../../values/Id';
import { defineBuiltin, integerArg, noOverload, nullArgument } from '../define';
import * as S from './ApexString';

/** A String parameter: a String, an Id (as its 18-character text) or null; anything else is a TypeException. */
export function stringParam(args: Value[], i: number): string | null {
  const v = args[i] ?? null;
  if (v === null || typeof v === 'string') return v;
  if (v instanceof ApexId) return v.value;
  throw new ApexPlatformError(
    'System.TypeException',
    `Invalid conversion from runtime type ${typeName(runtimeTypeOf(v))} to String`,
  );
}

/** The elements of a List (null stays null, so that the pure function reports it). */
function listParam(args: Value[], i: number, method: string): Value[] | null {
  const v = args[i] ?? null;
  if (v === null) return null;
  if (v instanceof ApexList) return v.items;
  throw new EmulatorUnsupportedError(`${method} with an argument that is not a List`);
}

/**
 * String.valueOf(x) for a non-null x: "yyyy-MM-dd" for a Date, "yyyy-MM-dd HH:mm:ss" in the context user's time
 * zone for a Datetime (String Class, valueOf(datetimeToConvert)), otherwise the value's String form (Integer,
 * Long, Double, Decimal, Boolean, Id, Time, Blob → 'Blob[n]', collections, sObjects, objects and their toString()).
 */
export function valueOfText(txn: Txn, v: Value): string {
  return apexToString(txn, v);
}

type InstanceImpl = (self: string, args: Value[], txn: Txn) => Value;

/** An instance method accepting the given argument counts; any other count fails loudly. */
function method(name: string, arities: readonly number[], impl: InstanceImpl): NativeMethod {
  return (txn, self, args) => {
    if (!arities.includes(args.length)) noOverload(`String.${name}`, args);
    return impl(self as string, args, txn);
  };
}

const str = stringParam;
const int = integerArg;
const strings = (items: string[]): ApexList => new ApexList(STRING_TYPE, items);

/** Instance methods of the String Class page, by name: [argument counts, implementation]. */
const INSTANCE: Record<string, [readonly number[], InstanceImpl]> = {
  abbreviate: [[1, 2], (s, a) => (a.length === 1 ? S.abbreviate(s, int(a, 0)) : S.abbreviate(s, int(a, 0), int(a, 1)))],
  capitalize: [[0], (s) => S.capitalize(s)],
  center: [[1, 2], (s, a) => (a.length === 1 ? S.center(s, int(a, 0)) : S.center(s, int(a, 0), str(a, 1)))],
  charAt: [[1], (s, a) => S.charAt(s, int(a, 0))],
  codePointAt: [[1], (s, a) => S.codePointAt(s, int(a, 0))],
  codePointBefore: [[1], (s, a) => S.codePointBefore(s, int(a, 0))],
  codePointCount: [[2], (s, a) => S.codePointCount(s, int(a, 0), int(a, 1))],
  compareTo: [[1], (s, a) => S.compareTo(s, str(a, 0))],
  contains: [[1], (s, a) => S.contains(s, str(a, 0))],
  containsAny: [[1], (s, a) => S.containsAny(s, str(a, 0))],
  containsIgnoreCase: [[1], (s, a) => S.containsIgnoreCase(s, str(a, 0))],
  containsNone: [[1], (s, a) => S.containsNone(s, str(a, 0))],
  containsOnly: [[1], (s, a) => S.containsOnly(s, str(a, 0))],
  containsWhitespace: [[0], (s) => S.containsWhitespace(s)],
  countMatches: [[1], (s, a) => S.countMatches(s, str(a, 0))],
  deleteWhitespace: [[0], (s) => S.deleteWhitespace(s)],
  difference: [[1], (s, a) => S.difference(s, str(a, 0))],
  endsWith: [[1], (s, a) => S.endsWith(s, str(a, 0))],
  endsWithIgnoreCase: [[1], (s, a) => S.endsWithIgnoreCase(s, str(a, 0))],
  // equals(secondString) / equals(stringOrId): case-sensitive; an Id compares as an Id; anything else is false
  equals: [[1], (s, a) => S.equals(s, a[0] ?? null)],
  equalsIgnoreCase: [[1], (s, a) => S.equalsIgnoreCase(s, str(a, 0))],
  escapeCsv: [[0], (s) => S.escapeCsv(s)],
  escapeEcmaScript: [[0], (s) => S.escapeEcmaScript(s)],
  escapeHtml3: [[0], (s) => S.escapeHtml3(s)],
  escapeHtml4: [[0], (s) => S.escapeHtml4(s)],
  escapeJava: [[0], (s) => S.escapeJava(s)],
  escapeUnicode: [[0], (s) => S.escapeUnicode(s)],
  escapeXml: [[0], (s) => S.escapeXml(s)],
  getChars: [[0], (s) => new ApexList(INTEGER_TYPE, S.getChars(s))],
  getLevenshteinDistance: [
    [1, 2],
    (s, a) =>
      a.length === 1 ? S.getLevenshteinDistance(s, str(a, 0)) : S.getLevenshteinDistance(s, str(a, 0), int(a, 1)),
  ],
  hashCode: [[0], (s) => S.hashCode(s)],
  indexOf: [[1, 2], (s, a) => (a.length === 1 ? S.indexOf(s, str(a, 0)) : S.indexOf(s, str(a, 0), int(a, 1)))],
  indexOfAny: [[1], (s, a) => S.indexOfAny(s, str(a, 0))],
  indexOfAnyBut: [[1], (s, a) => S.indexOfAnyBut(s, str(a, 0))],
  indexOfChar: [
    [1, 2],
    (s, a) => (a.length === 1 ? S.indexOfChar(s, int(a, 0)) : S.indexOfChar(s, int(a, 0), int(a, 1))),
  ],
  indexOfDifference: [[1], (s, a) => S.indexOfDifference(s, str(a, 0))],
  indexOfIgnoreCase: [
    [1, 2],
    (s, a) => (a.length === 1 ? S.indexOfIgnoreCase(s, str(a, 0)) : S.indexOfIgnoreCase(s, str(a, 0), int(a, 1))),
  ],
  isAllLowerCase: [[0], (s) => S.isAllLowerCase(s)],
  isAllUpperCase: [[0], (s) => S.isAllUpperCase(s)],
  isAlpha: [[0], (s) => S.isAlpha(s)],
  isAlphaSpace: [[0], (s) => S.isAlphaSpace(s)],
  isAlphanumeric: [[0], (s) => S.isAlphanumeric(s)],
  isAlphanumericSpace: [[0], (s) => S.isAlphanumericSpace(s)],
  isAsciiPrintable: [[0], (s) => S.isAsciiPrintable(s)],
  isNumeric: [[0], (s) => S.isNumeric(s)],
  isNumericSpace: [[0], (s) => S.isNumericSpace(s)],
  isWhitespace: [[0], (s) => S.isWhitespace(s)],
  lastIndexOf: [
    [1, 2],
    (s, a) => (a.length === 1 ? S.lastIndexOf(s, str(a, 0)) : S.lastIndexOf(s, str(a, 0), int(a, 1))),
  ],
  lastIndexOfChar: [
    [1, 2],
    (s, a) => (a.length === 1 ? S.lastIndexOfChar(s, int(a, 0)) : S.lastIndexOfChar(s, int(a, 0), int(a, 1))),
  ],
  lastIndexOfIgnoreCase: [
    [1, 2],
    (s, a) =>
      a.length === 1 ? S.lastIndexOfIgnoreCase(s, str(a, 0)) : S.lastIndexOfIgnoreCase(s, str(a, 0), int(a, 1)),
  ],
  left: [[1], (s, a) => S.left(s, int(a, 0))],
  leftPad: [[1, 2], (s, a) => (a.length === 1 ? S.leftPad(s, int(a, 0)) : S.leftPad(s, int(a, 0), str(a, 1)))],
  length: [[0], (s) => S.length(s)],
  mid: [[2], (s, a) => S.mid(s, int(a, 0), int(a, 1))],
  normalizeSpace: [[0], (s) => S.normalizeSpace(s)],
  offsetByCodePoints: [[2], (s, a) => S.offsetByCodePoints(s, int(a, 0), int(a, 1))],
  remove: [[1], (s, a) => S.remove(s, str(a, 0))],
  removeEnd: [[1], (s, a) => S.removeEnd(s, str(a, 0))],
  removeEndIgnoreCase: [[1], (s, a) => S.removeEndIgnoreCase(s, str(a, 0))],
  removeStart: [[1], (s, a) => S.removeStart(s, str(a, 0))],
  removeStartIgnoreCase: [[1], (s, a) => S.removeStartIgnoreCase(s, str(a, 0))],
  // repeat(numberOfTimes) / repeat(separator, numberOfTimes)
  repeat: [[1, 2], (s, a) => (a.length === 1 ? S.repeat(s, int(a, 0)) : S.repeat(s, str(a, 0), int(a, 1)))],
  replace: [[2], (s, a) => S.replace(s, str(a, 0), str(a, 1))],
  replaceAll: [[2], (s, a) => S.replaceAll(s, str(a, 0), str(a, 1))],
  replaceFirst: [[2], (s, a) => S.replaceFirst(s, str(a, 0), str(a, 1))],
  reverse: [[0], (s) => S.reverse(s)],
  right: [[1], (s, a) => S.right(s, int(a, 0))],
  rightPad: [[1, 2], (s, a) => (a.length === 1 ? S.rightPad(s, int(a, 0)) : S.rightPad(s, int(a, 0), str(a, 1)))],
  split: [[1, 2], (s, a) => strings(a.length === 1 ? S.split(s, str(a, 0)) : S.split(s, str(a, 0), int(a, 1)))],
  splitByCharacterType: [[0], (s) => strings(S.splitByCharacterType(s))],
  splitByCharacterTypeCamelCase: [[0], (s) => strings(S.splitByCharacterTypeCamelCase(s))],
  startsWith: [[1], (s, a) => S.startsWith(s, str(a, 0))],
  startsWithIgnoreCase: [[1], (s, a) => S.startsWithIgnoreCase(s, str(a, 0))],
  stripHtmlTags: [[0], (s) => S.stripHtmlTags(s)],
  substring: [[1, 2], (s, a) => (a.length === 1 ? S.substring(s, int(a, 0)) : S.substring(s, int(a, 0), int(a, 1)))],
  substringAfter: [[1], (s, a) => S.substringAfter(s, str(a, 0))],
  substringAfterLast: [[1], (s, a) => S.substringAfterLast(s, str(a, 0))],
  substringBefore: [[1], (s, a) => S.substringBefore(s, str(a, 0))],
  substringBeforeLast: [[1], (s, a) => S.substringBeforeLast(s, str(a, 0))],
  substringBetween: [
    [1, 2],
    (s, a) => (a.length === 1 ? S.substringBetween(s, str(a, 0)) : S.substringBetween(s, str(a, 0), str(a, 1))),
  ],
  swapCase: [[0], (s) => S.swapCase(s)],
  template: [[1], (s, a, t) => template(t, s, a[0] ?? null)],
  toLowerCase: [[0, 1], (s, a) => (a.length === 0 ? S.toLowerCase(s) : S.toLowerCase(s, str(a, 0)))],
  toUpperCase: [[0, 1], (s, a) => (a.length === 0 ? S.toUpperCase(s) : S.toUpperCase(s, str(a, 0)))],
  trim: [[0], (s) => S.trim(s)],
  uncapitalize: [[0], (s) => S.uncapitalize(s)],
  unescapeCsv: [[0], (s) => S.unescapeCsv(s)],
  unescapeEcmaScript: [[0], (s) => S.unescapeEcmaScript(s)],
  unescapeHtml3: [[0], (s) => S.unescapeHtml3(s)],
  unescapeHtml4: [[0], (s) => S.unescapeHtml4(s)],
  unescapeJava: [[0], (s) => S.unescapeJava(s)],
  unescapeUnicode: [[0], (s) => S.unescapeUnicode(s)],
  unescapeXml: [[0], (s) => S.unescapeXml(s)],
};

type StaticImpl = (txn: Txn, args: Value[]) => Value;

function staticMethod(name: string, arity: number, impl: StaticImpl): NativeMethod {
  return (txn, _self, args) => {
    if (args.length !== arity) noOverload(`String.${name}`, args);
    return impl(txn, args);
  };
}

/**
 * A non-null String.format / template value as text: "implicitly converted to strings, respecting the toString()
 * method overrides that exist on the type" (see the file comment for Dates and Datetimes).
 */
function implicitText(txn: Txn, v: Value, method: string): string {
  if (v instanceof ApexDate || v instanceof ApexDatetime) {
    throw new EmulatorUnsupportedError(
      `${method} with a ${typeName(runtimeTypeOf(v))} value (the String Class page does not say how it is converted; pass String.valueOf(x) or x.format())`,
    );
  }
  return valueOfText(txn, v);
}

/**
 * template(valueMap): `${name}` is replaced by valueMap.get(name); `$${` is a literal `${`. "If a variable is present
 * in the string but not as a key in the valueMap, a StringException is thrown" (the page gives no message; the
 * emulator's names the variable). A placeholder that is not closed or whose name is no identifier, and a null value,
 * are doc-silent and fail loudly.
 */
function template(txn: Txn, s: string, valueMap: Value): string {
  if (valueMap === null) throw nullArgument();
  if (!(valueMap instanceof ApexMap)) noOverload('String.template', [valueMap]);
  let out = '';
  let i = 0;
  while (i < s.length) {
    const at = s.indexOf('$', i);
    if (at === -1) {
      out += s.slice(i);
      break;
    }
    out += s.slice(i, at);
    if (s.startsWith('$${', at)) {
      out += '${';
      i = at + 3;
      continue;
    }
    if (s[at + 1] !== '{') {
      out += '$';
      i = at + 1;
      continue;
    }
    const close = s.indexOf('}', at + 2);
    const name = close === -1 ? null : s.slice(at + 2, close);
    if (name === null || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new EmulatorUnsupportedError(
        `String.template with the placeholder '${s.slice(at, close === -1 ? at + 20 : close + 1)}' (the page defines only \${variableName})`,
      );
    }
    if (callInstance(txn, valueMap, 'containsKey', [name]) !== true) {
      throw new ApexPlatformError('System.StringException', `No value for the variable \${${name}} in the valueMap`);
    }
    const value = callInstance(txn, valueMap, 'get', [name]);
    if (value === null) {
      throw new EmulatorUnsupportedError(`String.template with a null value for \${${name}} (the page is silent)`);
    }
    out += typeof value === 'string' ? value : implicitText(txn, value, 'String.template');
    i = close + 1;
  }
  return out;
}

/** Static methods of the String Class page. */
const STATIC: Record<string, NativeMethod> = {
  escapeSingleQuotes: staticMethod('escapeSingleQuotes', 1, (_t, a) => S.escapeSingleQuotes(str(a, 0))),
  format: staticMethod('format', 2, (t, a) => {
    const items = listParam(a, 1, 'String.format');
    const texts = items?.map((v) => (v === null || typeof v === 'string' ? v : implicitText(t, v, 'String.format')));
    return S.format(str(a, 0), texts ?? null);
  }),
  fromCharArray: staticMethod('fromCharArray', 1, (_t, a) => {
    const items = listParam(a, 0, 'String.fromCharArray');
    return S.fromCharArray(items === null ? null : items.map((v, i) => (v === null ? null : int(items, i))));
  }),
  getCommonPrefix: staticMethod('getCommonPrefix', 1, (_t, a) => {
    const items = listParam(a, 0, 'String.getCommonPrefix');
    return S.getCommonPrefix(items === null ? null : items.map((_v, i) => str(items, i)));
  }),
  isBlank: staticMethod('isBlank', 1, (_t, a) => S.isBlank(str(a, 0))),
  isEmpty: staticMethod('isEmpty', 1, (_t, a) => S.isEmpty(str(a, 0))),
  isNotBlank: staticMethod('isNotBlank', 1, (_t, a) => S.isNotBlank(str(a, 0))),
  isNotEmpty: staticMethod('isNotEmpty', 1, (_t, a) => S.isNotEmpty(str(a, 0))),
  // join(iterableObj, separator): a List, a Set or any Iterable; each element as String.valueOf, null as 'null'
  join: staticMethod('join', 2, (t, a) => {
    const iterable = a[0] ?? null;
    if (iterable === null) throw nullArgument();
    const items: string[] = [];
    iterate(t, iterable, (item) => {
      items.push(item === null ? concatString(t, null) : valueOfText(t, item));
      return true;
    });
    return S.join(items, str(a, 1));
  }),
  // valueOf(x) for every type the page lists (Date, Datetime, Decimal, Double, Integer, Long, Object) and the
  // String itself
  valueOf: staticMethod('valueOf', 1, (t, a) => {
    const v = a[0] ?? null;
    return v === null ? null : valueOfText(t, v);
  }),
  // valueOfGmt(datetimeToConvert): "yyyy-MM-dd HH:mm:ss" in GMT
  valueOfGmt: staticMethod('valueOfGmt', 1, (_t, a) => {
    const v = a[0] ?? null;
    if (v === null) return null;
    if (!(v instanceof ApexDatetime)) noOverload('String.valueOfGmt', a);
    return v.toStringGmt();
  }),
};

export function registerString(program: Program): void {
  const methods: Record<string, NativeMethod> = {};
  for (const [name, [arities, impl]] of Object.entries(INSTANCE)) methods[name] = method(name, arities, impl);
  defineBuiltin(program, { name: 'String', namespace: 'System', statics: STATIC, methods });
}
