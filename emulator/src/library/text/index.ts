// The Apex String class, Pattern and Matcher: bindings of the pure modules in this folder (ApexString.ts,
// PatternMatcher.ts, JavaRegex.ts, MessageFormat.ts) to Apex methods.
import type { Program } from '../../runtime/program';
import { registerPatternMatcher } from './patternBindings';
import { registerString } from './stringBindings';

export function registerTextBindings(program: Program): void {
  registerString(program);
  registerPatternMatcher(program);
}
