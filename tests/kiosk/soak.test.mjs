// soak.test.mjs - the kiosk player over many loops, many times faster than real time:
// the JS heap, the DOM node count, event listeners and live timers must stay flat.
// Run: node --test tests/kiosk/soak.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeFixture } from './make-fixture.mjs';
import { launch, tempDir, bundleUrl, open, tap } from './harness.mjs';

const CYCLES = Number(process.env.SOAK_CYCLES || 12);

// Counts the timers the page holds: every setTimeout not yet fired or cleared and every
// setInterval not cleared. Installed before the player runs.
const TIMER_COUNTER = () => {
  const live = new Set();
  const st = window.setTimeout, ct = window.clearTimeout;
  const si = window.setInterval, ci = window.clearInterval;
  window.setTimeout = (fn, ms, ...a) => {
    const id = st(() => { live.delete(id); fn(...a); }, ms);
    live.add(id);
    return id;
  };
  window.clearTimeout = (id) => { live.delete(id); ct(id); };
  window.setInterval = (fn, ms, ...a) => { const id = si(fn, ms, ...a); live.add(id); return id; };
  window.clearInterval = (id) => { live.delete(id); ci(id); };
  window.__liveTimers = () => live.size;
};

let browser;
before(async () => { browser = await launch(['--js-flags=--expose-gc']); });
after(async () => { await browser?.close(); });

async function measure(page, cdp) {
  // Blink frees DOM garbage over several collections: collect until stable.
  for (let k = 0; k < 3; k++) {
    await page.evaluate(() => window.gc && window.gc());
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(50);
  }
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const timers = await page.evaluate(() => window.__liveTimers());
  // The version.js <script> being read at that moment is transient: not counted.
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length
    - document.querySelectorAll('script[src^="version.js?"]').length);
  return { used: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners,
           documents: dom.documents, timers, elements };
}

// One cycle: the loop runs alone, someone touches and browses (keys and button clicks,
// as idle is only 90 ms at this speed), then walks away.
async function cycle(page) {
  await page.waitForTimeout(1500);               // ~150 slides at speed 1000
  await tap(page, '#stage');
  for (const key of ['ArrowRight', 'ArrowRight', 'nl', 'ArrowLeft', 'en', 'Home', ' ']) {
    if (key.length === 2)
      await page.evaluate((l) => document.querySelector(`#langs button[data-lang="${l}"]`).click(), key);
    else
      await page.keyboard.press(key);
  }
  await page.waitForFunction(() => document.body.dataset.state === 'playing'
    && document.getElementById('controls').hidden, null, { timeout: 20000 });
}

test(`memory, DOM, listeners and timers stay flat over ${CYCLES} cycles`, async (t) => {
  const dir = tempDir();
  makeFixture(dir, { broken: true });
  const { page, context, problems } = await open(browser, bundleUrl(dir, '?speed=1000'),
    { init: TIMER_COUNTER, allow: [/ERR_FILE_NOT_FOUND/] });
  try {
    const cdp = await context.newCDPSession(page);
    await page.evaluate(() => {
      window.__changes = 0;
      new MutationObserver(() => { window.__changes++; })
        .observe(document.body, { attributes: true, attributeFilter: ['data-slide'] });
    });
    await cycle(page); // warm up: pools and caches reach their size
    const first = await measure(page, cdp);
    const samples = [first];
    for (let k = 0; k < CYCLES; k++) {
      await cycle(page);
      samples.push(await measure(page, cdp));
    }
    const last = samples[samples.length - 1];
    const changes = await page.evaluate(() => window.__changes);
    t.diagnostic(`${changes} slide changes; heap ${first.used} -> ${last.used} bytes; ` +
      `nodes ${first.nodes} -> ${last.nodes}; listeners ${first.listeners} -> ${last.listeners}; ` +
      `timers ${first.timers} -> ${last.timers}`);
    assert.ok(changes > CYCLES * 40, `the loop ran (${changes} slide changes)`);
    assert.ok(samples.every((s) => s.elements === first.elements), 'element count is flat');
    assert.ok(samples.every((s) => s.documents === 1), 'one document');
    assert.ok(samples.every((s) => s.timers <= 4), `live timers: ${samples.map((s) => s.timers)}`);
    // Blink collects detached nodes and their listeners lazily, so single samples are
    // noisy: compare the halves. A leak of one per slide would add thousands.
    const half = samples.length >> 1;
    const early = samples.slice(0, half), late = samples.slice(half);
    const min = (xs, k) => Math.min(...xs.map((s) => s[k]));
    const med = (xs, k) => xs.map((s) => s[k]).sort((a, b) => a - b)[xs.length >> 1];
    assert.ok(min(late, 'nodes') <= min(early, 'nodes') + 50,
      `DOM nodes ${min(early, 'nodes')} -> ${min(late, 'nodes')}`);
    assert.ok(min(late, 'listeners') <= min(early, 'listeners') + 10,
      `listeners ${min(early, 'listeners')} -> ${min(late, 'listeners')}`);
    const growth = med(late, 'used') - med(early, 'used');
    assert.ok(growth < 256 * 1024, `heap grew ${growth} bytes`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
