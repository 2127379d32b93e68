// `.forceignore`: files under a package directory the sf CLI skips. The CLI reads it with gitignore semantics
// (Salesforce DX Developer Guide, "How to Exclude Source When Syncing or Converting"); this is a small gitignore
// matcher for those patterns: `#` comments, `!` negation, trailing `/` for directories, `*`, `?`, `[…]`, `**`, and
// patterns without an inner `/` matching at any depth.

/** Patterns the CLI applies even without a `.forceignore` (dot files, `.dup` files, package2 descriptors). */
const DEFAULT_PATTERNS = ['**/*.dup', '**/.*', '**/package2-descriptor.json', '**/package2-manifest.json'];

interface Rule {
  regex: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

export class ForceIgnore {
  private readonly rules: Rule[];

  /** `text` is the `.forceignore` content (undefined when the project has none). */
  constructor(text: string | undefined) {
    const lines = [...DEFAULT_PATTERNS, ...(text ?? '').split(/\r?\n/)];
    this.rules = lines.flatMap((line) => {
      const rule = parseRule(line);
      return rule ? [rule] : [];
    });
  }

  /** Whether the project-relative path (with `/` separators) is ignored, directly or through a parent folder. */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    const parts = relativePath.split('/');
    for (let i = 1; i < parts.length; i++) {
      if (this.matches(parts.slice(0, i).join('/'), true)) return true;
    }
    return this.matches(relativePath, isDirectory);
  }

  private matches(path: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.dirOnly && !isDirectory) continue;
      if (rule.regex.test(path)) ignored = !rule.negate;
    }
    return ignored;
  }
}

function parseRule(line: string): Rule | undefined {
  let pattern = line.replace(/(?<!\\)\s+$/, '');
  if (pattern === '' || pattern.startsWith('#')) return undefined;
  let negate = false;
  if (pattern.startsWith('!')) {
    negate = true;
    pattern = pattern.slice(1);
  }
  let dirOnly = false;
  if (pattern.endsWith('/')) {
    dirOnly = true;
    pattern = pattern.slice(0, -1);
  }
  const anchored = pattern.includes('/');
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  return { regex: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${globToRegex(pattern)}$`), negate, dirOnly };
}

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob.charAt(i + 1) === '*') {
      const atStart = i === 0 || glob.charAt(i - 1) === '/';
      const next = glob.charAt(i + 2);
      if (atStart && next === '/') {
        out += '(?:.*/)?';
        i += 2;
      } else if (atStart && next === '') {
        out += '.*';
        i += 1;
      } else {
        out += '[^/]*';
        i += 1;
      }
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegex(glob.charAt(i + 1));
      i += 1;
    } else out += escapeRegex(c);
  }
  return out;
}

function escapeRegex(c: string): string {
  return /[.+^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
