// harness.mjs - shared set-up for the kiosk browser tests: Debian's chromium through
// playwright-core, a page that records every network request, console error and page
// error, and helpers to read the player's state.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export function tempDir(prefix = 'relais-kiosk-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function bundleUrl(dir, query = '') {
  return pathToFileURL(join(dir, 'index.html')).href + query;
}

// Opens the bundle in a new touch-screen context of the given viewport. Returns
// { page, context, problems }: problems lists every request that is not file://,
// every console error (except those matching opts.allow) and every page error or dialog.
export async function open(browser, url, opts = {}) {
  const context = await browser.newContext({
    viewport: opts.viewport || { width: 1920, height: 1080 },
    hasTouch: true,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const problems = [];
  const allow = opts.allow || [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file://')) problems.push(`network request: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !allow.some((re) => re.test(m.text())))
      problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  if (opts.init) await page.addInitScript(opts.init);
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.slide !== undefined);
  return { page, context, problems };
}

// The player's state as the body's data attributes say it.
export function state(page) {
  return page.evaluate(() => ({ ...document.body.dataset,
    index: Number(document.body.dataset.index),
    controls: !document.getElementById('controls').hidden,
    countdown: !document.getElementById('countdown').hidden,
    text: document.getElementById('slide-text').textContent,
    lang: document.documentElement.lang }));
}

export function data(page) {
  return page.evaluate(() => window.RELAIS_SLIDES);
}

export async function center(page, selector) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

// Taps the middle of the element (a touch: pointerdown then pointerup).
export async function tap(page, selector) {
  const c = await center(page, selector);
  await page.touchscreen.tap(c.x, c.y);
}

// Waits out the player's 400 ms "ignore taps after a slide change".
export const settle = (page) => page.waitForTimeout(450);

export function waitIndex(page, pred, arg, timeout = 5000) {
  return page.waitForFunction(pred, arg, { timeout, polling: 10 });
}
