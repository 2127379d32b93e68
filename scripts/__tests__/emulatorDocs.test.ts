// docs/emulator.md lists exactly the built-in classes the emulator registers (the script formats with prettier,
// which Jest cannot load, so the check runs as a child process).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

it('docs/emulator.md has the current generated list of the library', () => {
  const root = join(__dirname, '..', '..');
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const run = spawnSync(tsx, ['scripts/emulator-docs.ts', '--check'], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}, 60000);
