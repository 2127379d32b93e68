/**
 * The demo org's state on disk (`.actionplane/workbench-state.json`, gitignored): loaded on start, saved a moment
 * after each change and when the server closes, removed by a reset. A state made by another version of the package
 * (the project's files changed) is set aside, not loaded: the org starts from the demo set-up and says why.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoOrg } from './demoOrg';

export const STATE_FILE = 'workbench-state.json';
/** A change is saved this long after the last one (a burst of requests is written once). */
const SAVE_DELAY_MS = 500;

export class StateFile {
  readonly path: string;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(
    readonly dir: string,
    private readonly demo: DemoOrg,
    private readonly log: (line: string) => void,
  ) {
    this.path = join(dir, STATE_FILE);
    demo.onChange(() => this.scheduleSave());
  }

  /** Loads the saved state if there is one; answers whether it did. */
  load(): boolean {
    if (!existsSync(this.path)) return false;
    let reason: string | null;
    try {
      reason = this.demo.importState(JSON.parse(readFileSync(this.path, 'utf8')));
    } catch (e) {
      reason = `it could not be read (${e instanceof Error ? e.message : String(e)})`;
    }
    if (reason === null) {
      this.log(`Loaded the saved demo org from ${this.path}`);
      return true;
    }
    const aside = join(this.dir, `workbench-state.set-aside-${Date.now()}.json`);
    renameSync(this.path, aside);
    this.log(`Not loading ${this.path}: ${reason}. Moved it to ${aside}; starting from the demo set-up.`);
    return false;
  }

  private scheduleSave(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow();
    }, SAVE_DELAY_MS);
    this.timer.unref();
  }

  /** Writes the state now if anything changed (atomically: a temporary file, then a rename). */
  saveNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.demo.exportState()));
    renameSync(tmp, this.path);
  }

  /** Forgets the saved state (a reset): the next change saves the new one. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    rmSync(this.path, { force: true });
  }
}
