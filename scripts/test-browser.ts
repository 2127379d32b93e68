/**
 * `npm run test:browser`: builds the workbench UI (unless --no-build), starts the workbench on a free port,
 * runs every test in test/browser/*.e2e.ts in Debian Chromium (playwright-core; never downloads a browser) with
 * the demo org set up afresh before each test (without the seeded proposals), saves screenshots to
 * test-results/screenshots/, and prints "N passed, N failed". A test marked `knownDefect` passes while it fails
 * and fails once it passes. Exit 1 on any failure.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, TestContext, type BrowserTest } from '../test/browser/browserHarness';
import { buildWorkbenchUi } from '../workbench/build';
import { createWorkbench } from '../workbench/server';

const HELP = `Usage: npm run test:browser [-- --no-build] [-- --grep <text>]

Runs the workbench end-to-end tests in headless Debian Chromium (/usr/bin/chromium; CHROMIUM_PATH overrides).
  --no-build     reuse the last UI build of this suite (build/workbench-ui-browser-tests)
  --grep <text>  run only tests whose name contains <text>`;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(HELP);
    return 0;
  }
  const grepAt = args.indexOf('--grep');
  const grep = grepAt >= 0 ? args[grepAt + 1] : undefined;
  if (grepAt >= 0 && !grep) throw new Error('--grep needs a text');

  // A private build folder: `npm start` or the UI benchmark building at the same time cannot swap it mid-run.
  const uiDir = join(process.cwd(), 'build', 'workbench-ui-browser-tests');
  if (!args.includes('--no-build')) await buildWorkbenchUi({ outDir: uiDir, log: (line) => console.log(line) });

  const dir = join(process.cwd(), 'test', 'browser');
  const tests: BrowserTest[] = [];
  // The smoke test first: if a compiled component does not render, every flow after it would fail for that reason.
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort((a, b) => Number(b.startsWith('smoke')) - Number(a.startsWith('smoke')) || a.localeCompare(b));
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { tests?: BrowserTest[] };
    if (!Array.isArray(mod.tests)) throw new Error(`${file} must export "tests: BrowserTest[]"`);
    tests.push(...mod.tests);
  }
  const selected = grep ? tests.filter((t) => t.name.includes(grep)) : tests;

  // Each test starts from the demo org without the seeded proposals and builds what it needs (the seed has its own).
  const app = createWorkbench({ uiDir, seedRuns: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchChromium();
  let passed = 0;
  let failed = 0;
  try {
    for (const test of selected) {
      app.demo.reset();
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const consoleErrors: string[] = [];
      page.on('pageerror', (e) => consoleErrors.push(e.message));
      const t = new TestContext(page, baseUrl, test.name);
      const started = Date.now();
      try {
        await test.run(t);
        if (consoleErrors.length > 0) throw new Error(`uncaught errors in the page: ${consoleErrors.join(' | ')}`);
        if (test.knownDefect) {
          failed += 1;
          console.log(`  ✗ ${test.name} now passes: the defect is fixed, remove its knownDefect (${test.knownDefect})`);
        } else {
          passed += 1;
          console.log(`  ✓ ${test.name} (${Date.now() - started} ms)`);
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (test.knownDefect) {
          passed += 1;
          console.log(`  ✓ ${test.name} fails as known (${test.knownDefect}): ${message.split('\n')[0] ?? ''}`);
        } else {
          failed += 1;
          await t.screenshot('failure').catch(() => undefined);
          console.log(`  ✗ ${test.name} (${Date.now() - started} ms)\n      ${message}`);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await app.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && selected.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
