/**
 * CustomLabels — the package's Custom Labels (force-app `*.labels-meta.xml`) as the workbench org reads them: the
 * twin of `System.Label.ActionPlane_X` in Apex, so the workbench's controller words are the org's words. The build
 * of the UI reads the same files for `@salesforce/label/c.*`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** Custom label texts from every `*.labels-meta.xml` under `root`. */
export function readCustomLabels(root: string): Map<string, string> {
  const labels = new Map<string, string>();
  const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.labels-meta.xml')) {
        const doc = parser.parse(readFileSync(full, 'utf8')) as {
          CustomLabels?: { labels?: { fullName?: string; value?: string }[] };
        };
        for (const l of doc.CustomLabels?.labels ?? []) {
          if (l.fullName) labels.set(l.fullName, l.value ?? '');
        }
      }
    }
  };
  walk(root);
  return labels;
}

let packageLabels: Map<string, string> | null = null;

/** `Label.<name>` of the package (read once from force-app beside this file); unknown names fail loudly. */
export function label(name: string): string {
  packageLabels ??= readCustomLabels(join(__dirname, '..', '..', 'force-app'));
  const text = packageLabels.get(name);
  if (text === undefined) throw new Error(`Custom label ${name} is not defined in any *.labels-meta.xml`);
  return text;
}

/** `String.format(template, args)` for the package's labels: {0}, {1}, … replaced in order. */
export function formatLabel(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}
