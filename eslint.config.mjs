// ESLint flat config. Two worlds share this repo:
// - Node/TypeScript (src, scripts, workbench, clients, test): typescript-eslint's type-checked rules against
//   the root tsconfig.json.
// - LWC components written in TypeScript (force-app/**/lwc/**/*.ts): the Salesforce LWC recommended rules plus
//   typescript-eslint's type-checked rules against force-app/tsconfig.json. The LWC configs ship a Babel parser for
//   JavaScript; we swap in the TypeScript parser so decorators and types parse.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import tseslint from 'typescript-eslint';

const require = createRequire(import.meta.url);
const lwcRecommended = require('@salesforce/eslint-config-lwc/recommended');
const rootDir = dirname(fileURLToPath(import.meta.url));

const NODE_TS = [
  'src/**/*.ts',
  'scripts/**/*.ts',
  'workbench/**/*.ts',
  'clients/**/*.ts',
  'test/**/*.ts',
  'emulator/**/*.ts',
];
const LWC_TS = ['force-app/**/lwc/**/*.ts'];
const LWC_ALL = ['force-app/**/lwc/**/*.js', ...LWC_TS];

/** A `.js` under an `lwc` folder with a `.ts` sibling is build output (npm run build:lwc): never lint it. */
function isGeneratedLwcJs(file) {
  return /[\\/]lwc[\\/].+\.js$/.test(file) && existsSync(file.replace(/\.js$/, '.ts'));
}

export default tseslint.config(
  {
    name: 'actionplane/ignores',
    ignores: [
      '**/node_modules/**',
      'coverage/**',
      'dist/**',
      'build/**',
      'test-results/**',
      'test/fixtures/**',
      '.sf/**',
      '.sfdx/**',
      '**/*.d.ts',
    ],
  },
  // `ignores` takes globs, not predicates, so the generated files are listed once at start-up (one walk of force-app).
  {
    name: 'actionplane/ignores-generated-lwc-js',
    ignores: listGeneratedLwcJs(),
  },

  // Node / TypeScript code
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: NODE_TS })),
  {
    name: 'actionplane/node-ts',
    files: NODE_TS,
    languageOptions: {
      parserOptions: { project: join(rootDir, 'tsconfig.json'), tsconfigRootDir: rootDir },
    },
  },

  // The Apex emulator throws ApexThrow (a thrown Apex exception) without capturing a JavaScript stack, on purpose.
  {
    name: 'actionplane/emulator',
    files: ['emulator/**/*.ts'],
    rules: {
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'file', name: 'ApexThrow', path: 'emulator/src/runtime/exceptions.ts' },
            { from: 'file', name: 'NullChainSignal', path: 'emulator/src/runtime/compile/expressions.ts' },
          ],
        },
      ],
    },
  },

  // LWC components: Salesforce's recommended rules for hand-written .js and for .ts
  ...lwcRecommended.map((c) => ({ ...c, files: LWC_ALL })),
  // ...and, for .ts, the TypeScript parser and type-checked rules
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: LWC_TS })),
  {
    name: 'actionplane/lwc-ts',
    files: LWC_TS,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: join(rootDir, 'force-app', 'tsconfig.json'), tsconfigRootDir: rootDir },
    },
    rules: {
      // TypeScript resolves `c/*`, `lightning/*` and `@salesforce/*` through force-app/tsconfig.json paths.
      'import/no-unresolved': 'off',
      // `void promise;` is how typescript-eslint's no-floating-promises wants a deliberately unawaited call marked.
      'no-void': ['error', { allowAsStatement: true }],
    },
  },
  {
    name: 'actionplane/lwc-tests',
    files: ['**/lwc/**/__tests__/**'],
    rules: {
      // Guards component code against timers on the platform; a Jest test waits one setTimeout(0) turn so the
      // component's promise chains settle (the sfdx-lwc-jest idiom). Components themselves stay under the rule.
      '@lwc/lwc/no-async-operation': 'off',
    },
  },
);

/** Every `force-app/**\/lwc/**\/*.js` with a `.ts` sibling, as repo-relative paths for `ignores`. */
function listGeneratedLwcJs() {
  const found = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (isGeneratedLwcJs(full)) {
        found.push(
          full
            .slice(rootDir.length + 1)
            .split('\\')
            .join('/'),
        );
      }
    }
  };
  walk(join(rootDir, 'force-app'));
  return found;
}
