/**
 * The workbench's preview build: compiles the SAME LWC TypeScript sources the org deploys (tsc, as
 * `npm run build:lwc`), bundles them with the real LWC compiler (@lwc/rollup-plugin), the npm base components and
 * SLDS, and swaps the org-only modules (`@salesforce/apex/*`, `lightning/navigation`, `lightning/uiRecordApi`,
 * `lightning/platformShowToastEvent`, `lightning/empApi`, `@salesforce/label/*`, `@salesforce/schema/*`) for small
 * local shims that talk to the workbench.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup, type Plugin } from 'rollup';
import { XMLParser } from 'fast-xml-parser';

export interface BuildOptions {
  /** Repository root (default: the current folder). */
  rootDir?: string;
  /** Output folder (default: `build/workbench-ui`). */
  outDir?: string;
  /** Skip the tsc step (the `.js` next to each `.ts` is already fresh). */
  skipTsc?: boolean;
  log?: (line: string) => void;
}

export interface BuildResult {
  outDir: string;
  components: string[];
  ms: number;
}

const APEX_PREFIX = '@salesforce/apex/';
const SCHEMA_PREFIX = '@salesforce/schema/';
const LABEL_PREFIX = '@salesforce/label/c.';
const I18N_PREFIX = '@salesforce/i18n/';
/** The demo user's locale settings (`@salesforce/i18n/*` in the org). */
const I18N: Record<string, string> = {
  locale: 'en-US',
  lang: 'en-US',
  language: 'en',
  currency: 'USD',
  timeZone: 'UTC',
  dir: 'ltr',
  firstDayOfWeek: '1',
};

/** Every LWC bundle folder (`<dir>/<name>/<name>.js`) under `root`'s `lwc` folders. */
function findComponents(root: string, out: Map<string, string>): Map<string, string> {
  for (const entry of readdirSync(root)) {
    if (entry === 'node_modules' || entry.startsWith('.') || entry === '__tests__') continue;
    const full = join(root, entry);
    if (!statSync(full).isDirectory()) continue;
    if (basename(root) === 'lwc') {
      if (existsSync(join(full, `${entry}.js`))) out.set(entry, join(full, `${entry}.js`));
    } else findComponents(full, out);
  }
  return out;
}

/** Custom label texts from every `*.labels-meta.xml` under `root`, for the `@salesforce/label/c.*` modules. */
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

/** Resolves the org-only modules to the workbench shims (virtual modules for Apex methods and labels). */
function orgShims(uiDir: string, labels: Map<string, string>): Plugin {
  const shim = (name: string) => join(uiDir, 'shims', name);
  const fixed: Record<string, string> = {
    'lightning/navigation': shim('navigation.js'),
    'lightning/uiRecordApi': shim('uiRecordApi.js'),
    'lightning/platformShowToastEvent': shim('platformShowToastEvent.js'),
    'lightning/empApi': shim('empApi.js'),
  };
  return {
    name: 'actionplane-org-shims',
    resolveId(source) {
      if (source in fixed) return fixed[source];
      if (source.startsWith(APEX_PREFIX) || source.startsWith(LABEL_PREFIX) || source.startsWith(SCHEMA_PREFIX))
        return `\0${source}`;
      // The base components bring the other i18n values; these few the org components import directly.
      if (source.startsWith(I18N_PREFIX) && source.slice(I18N_PREFIX.length) in I18N) return `\0${source}`;
      return null;
    },
    load(id) {
      if (id.startsWith(`\0${APEX_PREFIX}`)) {
        const [cls, method] = id.slice(APEX_PREFIX.length + 1).split('.');
        if (cls !== 'ActionInboxController' || !method) {
          this.error(`The workbench serves only ActionInboxController methods, not ${id.slice(1)}`);
        }
        return `import { callController } from ${JSON.stringify(shim('apex.js'))};\nexport default function ${method}(params) { return callController(${JSON.stringify(method)}, params); }\n`;
      }
      if (id.startsWith(`\0${SCHEMA_PREFIX}`)) {
        // The workbench org has no namespace: the names are the source's, as in an unpackaged org.
        const [objectApiName, fieldApiName] = id.slice(SCHEMA_PREFIX.length + 1).split('.');
        return `export default ${JSON.stringify(fieldApiName ? { objectApiName, fieldApiName } : { objectApiName })};\n`;
      }
      if (id.startsWith(`\0${LABEL_PREFIX}`)) {
        const name = id.slice(LABEL_PREFIX.length + 1);
        const text = labels.get(name);
        if (text === undefined) this.error(`Custom label ${name} is not defined in any *.labels-meta.xml`);
        return `export default ${JSON.stringify(text)};\n`;
      }
      if (id.startsWith(`\0${I18N_PREFIX}`)) {
        const name = id.slice(I18N_PREFIX.length + 1);
        const value = I18N[name];
        if (value === undefined) this.error(`The workbench has no value for @salesforce/i18n/${name}`);
        return `export default ${JSON.stringify(value)};\n`;
      }
      return null;
    },
  };
}

/** Builds the workbench UI into `outDir`; throws with the compiler's message when anything fails. */
export async function buildWorkbenchUi(options: BuildOptions = {}): Promise<BuildResult> {
  const started = Date.now();
  const root = resolve(options.rootDir ?? process.cwd());
  const outDir = resolve(options.outDir ?? join(root, 'build', 'workbench-ui'));
  const uiDir = join(root, 'workbench', 'ui');
  const log = options.log ?? (() => undefined);

  if (!options.skipTsc) {
    log('Compiling LWC TypeScript (tsc -p force-app/tsconfig.build.json)…');
    try {
      execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(root, 'force-app', 'tsconfig.build.json')], {
        cwd: root,
        stdio: 'pipe',
      });
    } catch (e) {
      // tsc still emits on type errors; the bundle step below fails if the emitted code cannot be compiled.
      const out = (e as { stdout?: Buffer }).stdout?.toString() ?? String(e);
      log(`tsc reported type errors (continuing with the emitted .js):\n${out.split('\n').slice(0, 15).join('\n')}`);
    }
  }

  const components = findComponents(join(root, 'force-app'), new Map());
  const shell = findComponents(join(uiDir), new Map());
  const modules = [
    ...[...components].map(([name, path]) => ({ name: `c/${name}`, path })),
    ...[...shell].map(([name, path]) => ({ name: `wb/${name}`, path })),
    { npm: 'lightning-base-components' },
  ];
  const labels = readCustomLabels(join(root, 'force-app'));

  // Build beside the target and swap at the end, so a server (or a concurrent build) never sees a half-written UI.
  const stagingDir = `${outDir}.staging-${process.pid}`;
  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  log('Bundling with the LWC compiler…');
  const bundle = await rollup({
    input: join(uiDir, 'main.js'),
    plugins: [
      orgShims(uiDir, labels),
      replace({
        preventAssignment: true,
        values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' },
      }),
      lwc({ rootDir: uiDir, modules, enableDynamicComponents: true }),
      nodeResolve(),
    ],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      warn(warning);
    },
  });
  await bundle.write({ file: join(stagingDir, 'app.js'), format: 'esm', sourcemap: false, inlineDynamicImports: true });
  await bundle.close();

  writeFileSync(join(stagingDir, 'index.html'), readFileSync(join(uiDir, 'index.html'), 'utf8'));
  rmSync(outDir, { recursive: true, force: true });
  renameSync(stagingDir, outDir);
  const result = { outDir, components: [...components.keys()].sort(), ms: Date.now() - started };
  log(`UI built in ${result.ms} ms (${result.components.length} org components: ${result.components.join(', ')})`);
  return result;
}
