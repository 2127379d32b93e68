/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- response bodies are untyped JSON, asserted field by field */
/**
 * What every browser test gets: a fresh page on the running workbench (demo data reset), helpers for intake REST
 * and the demo records, and screenshots to test-results/screenshots/ (gitignored) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');
export const REST = '/services/apexrest/actionplane/v1';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of many shapes; tests check fields
export type Json = any;

export interface BrowserTest {
  name: string;
  run: (t: TestContext) => Promise<void>;
  /**
   * A package defect this test shows until the issue that fixes it (as test/apex-known-failures.json does for Apex
   * tests): the run counts the test as passed while it fails, and fails it once it passes (remove the mark then).
   */
  knownDefect?: string;
}

export class TestContext {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly testName: string,
  ) {}

  async api(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    body?: unknown,
    user?: string,
  ): Promise<{ status: number; body: Json }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user) headers['x-actionplane-user'] = user;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : JSON.parse(text) };
  }

  async records(object = 'Opportunity'): Promise<Json[]> {
    return (await this.api('GET', `/workbench/api/records/${object}`)).body.records;
  }

  async propose(
    recordId: string,
    changes: Record<string, unknown>,
    confidence = 0.9,
    key = `${this.testName}-${Date.now()}-${Math.random()}`,
    user?: string,
  ): Promise<Json> {
    const res = await this.api(
      'POST',
      `${REST}/actions`,
      {
        run: { agent: 'pipeline-agent', source: 'External', goal: 'Browser test' },
        actions: [
          {
            idempotencyKey: key,
            object: 'Opportunity',
            recordId,
            operation: 'update',
            changes,
            confidence,
            rationale: 'Browser test',
          },
        ],
      },
      user,
    );
    if (res.status !== 201) throw new Error(`propose failed ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.actions[0];
  }

  /** Opens the workbench as `user` on `tab` (inbox, runs, record). */
  async open(user: string, tab = 'inbox'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/${tab}`);
    await this.page.evaluate((u) => window.sessionStorage.setItem('actionplane.workbench.user', u), user);
    await this.page.reload();
    await this.page.locator('wb-app').waitFor();
  }

  /** Switches the acting user with the shell's user switcher, as a person would. */
  async switchUser(user: string): Promise<void> {
    // The shell reloads the page for the new user (a new session); wait for that load before going on.
    await Promise.all([this.page.waitForEvent('load'), this.page.locator('select.wb-user').selectOption(user)]);
    await this.page.locator('c-action-inbox').waitFor();
  }

  async screenshot(step: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${this.testName}--${step}.png`), fullPage: true });
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/**
 * Debian's Chromium, headless and offline. Playwright gives every launch a fresh temporary profile
 * (--user-data-dir) of its own and refuses the flag from callers, so none is passed here.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
