// The generated list of what the emulator's library implements: every built-in class with its static and instance
// methods and properties, as registered (emulator/src/library). docs/emulator.md embeds it between markers; a test
// keeps it current.
import type { Program } from './runtime/program';

export function supportedLibraryMarkdown(program: Program): string {
  const lines: string[] = [];
  const classes = program
    .allBuiltins()
    .filter((c) => !c.name.endsWith('Impl'))
    .sort((a, b) => a.apexName.localeCompare(b.apexName));
  for (const c of classes) {
    const kind = c.kind === 'class' ? '' : ` (${c.kind})`;
    const parts: string[] = [];
    const names = (m: Map<string, unknown>): string => [...m.keys()].sort().join(', ');
    if (c.enumValues.length > 0) parts.push(`values ${c.enumValues.map((v) => v.name).join(', ')}`);
    if (c.nativeStatics.size > 0) parts.push(`static ${names(c.nativeStatics)}`);
    if (c.nativeStaticProperties.size > 0) parts.push(`static properties ${names(c.nativeStaticProperties)}`);
    if (c.nativeMethods.size > 0) parts.push(`methods ${names(c.nativeMethods)}`);
    if (c.nativeProperties.size > 0) parts.push(`properties ${names(c.nativeProperties)}`);
    if (c.nativeConstruct) parts.push('constructor');
    if (c.superclass) parts.push(`extends ${c.superclass.apexName}`);
    lines.push(`- \`${c.apexName}\`${kind}${parts.length > 0 ? ': ' + parts.join('; ') : ''}`);
  }
  return lines.join('\n');
}
