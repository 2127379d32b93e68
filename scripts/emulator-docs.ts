// Regenerates the list of the emulator's built-in library in docs/emulator.md (between the supported markers).
//   npx tsx scripts/emulator-docs.ts [--check]   --check: exit 1 when the docs are stale, change nothing
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { Program } from '../emulator/src/runtime/program';
import { registerLibrary } from '../emulator/src/library';
import { supportedLibraryMarkdown } from '../emulator/src/supported';

const DOC = join(__dirname, '..', 'docs', 'emulator.md');
const START = '<!-- supported:start -->';
const END = '<!-- supported:end -->';

/** The doc with its generated section replaced, formatted as prettier formats it (so format:check agrees). */
export async function expectedDoc(current: string): Promise<string> {
  const program = new Program([], [], { sobjectName: () => undefined });
  registerLibrary(program);
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/emulator.md has no ${START} … ${END} section`);
  const next = `${current.slice(0, a + START.length)}\n${supportedLibraryMarkdown(program)}\n${current.slice(b)}`;
  const options = (await resolveConfig(DOC)) ?? {};
  return format(next, { ...options, filepath: DOC });
}

async function main(): Promise<number> {
  if (process.argv.includes('--help')) {
    console.log('Usage: tsx scripts/emulator-docs.ts [--check]');
    return 0;
  }
  const current = readFileSync(DOC, 'utf8');
  const next = await expectedDoc(current);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('docs/emulator.md: the generated library list is stale (run npx tsx scripts/emulator-docs.ts)');
      return 1;
    }
    return 0;
  }
  writeFileSync(DOC, next);
  return 0;
}

if (require.main === module) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
