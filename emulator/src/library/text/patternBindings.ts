// System.Pattern and System.Matcher (Apex Reference, "Pattern Class"
// https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_pattern_and_matcher_pattern_methods.htm
// and "Matcher Class" .../apex_classes_pattern_and_matcher_matcher_methods.htm): built-in classes whose instances
// are ApexObjects holding an ApexPattern / ApexMatcher (PatternMatcher.ts) as `native`. Neither class has a public
// constructor: Patterns come from Pattern.compile, Matchers from Pattern.matcher. Methods that return the Matcher
// (region, reset, useAnchoringBounds, usePattern, useTransparentBounds) return the same object, and
// Matcher.pattern() returns the Pattern object the Matcher was made from (or last given to usePattern), as in Java.
import { ApexPlatformError } from '../../errors';
import type { ClassInfo, NativeMethod } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { STRING_TYPE } from '../../runtime/types';
import { ApexList, ApexObject, type Value } from '../../runtime/values';
import { booleanArg, defineBuiltin, integerArg, noOverload, nullArgument } from '../define';
import { ApexMatcher, ApexPattern } from './PatternMatcher';
import { stringParam } from './stringBindings';

/** The Apex objects of the Patterns created, so that Matcher.pattern() returns the very object. */
const patternObjects = new WeakMap<ApexPattern, ApexObject>();

function patternOf(v: Value): ApexPattern {
  if (v instanceof ApexObject && v.native instanceof ApexPattern) return v.native;
  throw new ApexPlatformError('System.TypeException', 'Expected a System.Pattern');
}

function matcherOf(v: Value): ApexMatcher {
  if (v instanceof ApexObject && v.native instanceof ApexMatcher) return v.native;
  throw new ApexPlatformError('System.TypeException', 'Expected a System.Matcher');
}

type Impl = (txn: Txn, self: Value, args: Value[]) => Value;

function overloads(name: string, arities: readonly number[], impl: Impl): NativeMethod {
  return (txn, self, args) => {
    if (!arities.includes(args.length)) noOverload(name, args);
    return impl(txn, self, args);
  };
}

export function registerPatternMatcher(program: Program): void {
  // the classes are declared below; these run only when Apex code calls a method
  const wrapPattern = (p: ApexPattern): ApexObject => {
    let obj = patternObjects.get(p);
    if (!obj) {
      obj = new ApexObject(patternClass, p);
      patternObjects.set(p, obj);
    }
    return obj;
  };
  const wrapMatcher = (m: ApexMatcher): ApexObject => new ApexObject(matcherClass, m);

  const patternClass: ClassInfo = defineBuiltin(program, {
    name: 'Pattern',
    namespace: 'System',
    statics: {
      // compile(regExp): an invalid expression is a System.StringException "Invalid regex: …"
      compile: overloads('Pattern.compile', [1], (_t, _s, a) => wrapPattern(ApexPattern.compile(stringParam(a, 0)))),
      // matches(regExp, stringtoMatch): compile(regExp).matcher(stringtoMatch).matches()
      matches: overloads('Pattern.matches', [2], (_t, _s, a) =>
        ApexPattern.matches(stringParam(a, 0), stringParam(a, 1)),
      ),
      // quote(yourString): a pattern that matches yourString literally
      quote: overloads('Pattern.quote', [1], (_t, _s, a) => ApexPattern.quote(stringParam(a, 0))),
    },
    methods: {
      matcher: overloads('Pattern.matcher', [1], (_t, s, a) => wrapMatcher(patternOf(s).matcher(stringParam(a, 0)))),
      pattern: overloads('Pattern.pattern', [0], (_t, s) => patternOf(s).pattern()),
      // split(regExp) / split(regExp, limit): the argument is the input split around this pattern
      split: overloads('Pattern.split', [1, 2], (_t, s, a) => {
        const p = patternOf(s);
        const parts = a.length === 1 ? p.split(stringParam(a, 0)) : p.split(stringParam(a, 0), integerArg(a, 1));
        return new ApexList(STRING_TYPE, parts);
      }),
    },
  });

  /** A Matcher method that returns the Matcher itself. */
  const chain =
    (fn: (m: ApexMatcher, a: Value[]) => void): Impl =>
    (_t, s, a) => {
      fn(matcherOf(s), a);
      return s;
    };

  const matcherClass: ClassInfo = defineBuiltin(program, {
    name: 'Matcher',
    namespace: 'System',
    statics: {
      // quoteReplacement(inputString): a replacement String in which \ and $ are literal
      quoteReplacement: overloads('Matcher.quoteReplacement', [1], (_t, _s, a) =>
        ApexMatcher.quoteReplacement(stringParam(a, 0)),
      ),
    },
    methods: {
      end: overloads('Matcher.end', [0, 1], (_t, s, a) =>
        a.length === 0 ? matcherOf(s).end() : matcherOf(s).end(integerArg(a, 0)),
      ),
      // find() / find(group): find(group) resets and searches from that index
      find: overloads('Matcher.find', [0, 1], (_t, s, a) =>
        a.length === 0 ? matcherOf(s).find() : matcherOf(s).find(integerArg(a, 0)),
      ),
      group: overloads('Matcher.group', [0, 1], (_t, s, a) =>
        a.length === 0 ? matcherOf(s).group() : matcherOf(s).group(integerArg(a, 0)),
      ),
      groupCount: overloads('Matcher.groupCount', [0], (_t, s) => matcherOf(s).groupCount()),
      hasAnchoringBounds: overloads('Matcher.hasAnchoringBounds', [0], (_t, s) => matcherOf(s).hasAnchoringBounds()),
      hasTransparentBounds: overloads('Matcher.hasTransparentBounds', [0], (_t, s) =>
        matcherOf(s).hasTransparentBounds(),
      ),
      hitEnd: overloads('Matcher.hitEnd', [0], (_t, s) => matcherOf(s).hitEnd()),
      lookingAt: overloads('Matcher.lookingAt', [0], (_t, s) => matcherOf(s).lookingAt()),
      matches: overloads('Matcher.matches', [0], (_t, s) => matcherOf(s).matches()),
      pattern: overloads('Matcher.pattern', [0], (_t, s) => wrapPattern(matcherOf(s).pattern())),
      region: overloads(
        'Matcher.region',
        [2],
        chain((m, a) => m.region(integerArg(a, 0), integerArg(a, 1))),
      ),
      regionEnd: overloads('Matcher.regionEnd', [0], (_t, s) => matcherOf(s).regionEnd()),
      regionStart: overloads('Matcher.regionStart', [0], (_t, s) => matcherOf(s).regionStart()),
      replaceAll: overloads('Matcher.replaceAll', [1], (_t, s, a) => matcherOf(s).replaceAll(stringParam(a, 0))),
      replaceFirst: overloads('Matcher.replaceFirst', [1], (_t, s, a) => matcherOf(s).replaceFirst(stringParam(a, 0))),
      requireEnd: overloads('Matcher.requireEnd', [0], (_t, s) => matcherOf(s).requireEnd()),
      // reset() / reset(inputSequence)
      reset: overloads(
        'Matcher.reset',
        [0, 1],
        chain((m, a) => (a.length === 0 ? m.reset() : m.reset(stringParam(a, 0)))),
      ),
      start: overloads('Matcher.start', [0, 1], (_t, s, a) =>
        a.length === 0 ? matcherOf(s).start() : matcherOf(s).start(integerArg(a, 0)),
      ),
      useAnchoringBounds: overloads(
        'Matcher.useAnchoringBounds',
        [1],
        chain((m, a) => m.useAnchoringBounds(booleanArg(a, 0))),
      ),
      usePattern: overloads(
        'Matcher.usePattern',
        [1],
        chain((m, a) => {
          const p = a[0] ?? null;
          if (p === null) throw nullArgument();
          m.usePattern(patternOf(p));
        }),
      ),
      useTransparentBounds: overloads(
        'Matcher.useTransparentBounds',
        [1],
        chain((m, a) => m.useTransparentBounds(booleanArg(a, 0))),
      ),
    },
  });
}
