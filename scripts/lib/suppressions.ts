// Part of layer (c): a rule may be silenced only where a comment says why. PMD and Code Analyzer honour
// `@SuppressWarnings('PMD…')`, `// NOPMD` and `code-analyzer-suppress` blindly; this check makes the reason mandatory.
import { readFileSync } from 'node:fs';
import type { Finding } from './findings';

const MARKERS: { name: string; pattern: RegExp }[] = [
  { name: '@SuppressWarnings', pattern: /@SuppressWarnings\s*\(\s*'[^']*PMD[^']*'\s*\)/i },
  { name: 'NOPMD', pattern: /\/\/.*\bNOPMD\b/ },
  { name: 'code-analyzer-suppress', pattern: /code-analyzer-suppress/i },
];

/** At least this many words of prose make a reason ("Debug output is the feature here" passes; "ok" does not). */
const MIN_REASON_WORDS = 3;

/**
 * Suppressions in `files` that carry no reason. A reason is a `//` comment of at least three words, either on the
 * same line after the marker (`// NOPMD - the reason`) or on the line directly above it.
 */
export function checkSuppressions(files: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    lines.forEach((text, index) => {
      for (const marker of MARKERS) {
        const match = marker.pattern.exec(text);
        if (!match) continue;
        const sameLine = reasonWords(commentAfter(text, match.index));
        const lineAbove = index > 0 ? reasonWords(lineComment(lines[index - 1] ?? '')) : 0;
        if (sameLine < MIN_REASON_WORDS && lineAbove < MIN_REASON_WORDS) {
          findings.push({
            layer: 'rules',
            file,
            line: index + 1,
            column: match.index + 1,
            rule: 'UnjustifiedSuppression',
            message: `${marker.name} needs a "// why" comment (${MIN_REASON_WORDS}+ words) on this line or the line above`,
          });
        }
      }
    });
  }
  return findings;
}

/** The text of the `//` comment on `text` that starts at or after `from`, without the marker words. */
function commentAfter(text: string, from: number): string {
  const start = text.indexOf('//', from);
  return start < 0 ? '' : text.slice(start + 2);
}

/** The text of a line that is only a `//` comment (or a `*` line of a block comment); '' otherwise. */
function lineComment(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('//')) return trimmed.slice(2);
  return '';
}

/** Words of prose in a comment, not counting the suppression markers themselves. */
function reasonWords(comment: string): number {
  const prose = comment.replace(/\bNOPMD\b|code-analyzer-suppress(\([^)]*\))?|PMD\.\w+/gi, ' ');
  return (prose.match(/[A-Za-z]{2,}/g) ?? []).length;
}
