// kiosk.test.mjs - the kiosk player in a real browser (Debian chromium, headless, touch).
// Runs every behaviour of docs kiosk.md against a fake bundle from make-fixture.mjs and,
// when KIOSK_BUNDLE names the kiosk-bundle helper (meson sets it), against bundles relais
// renders from the bundled data and from tests/data-kiosk (a hostile group name).
// KIOSK_SCREENSHOTS=DIR also saves the README's screenshots there.
// Run: node --test tests/kiosk/kiosk.test.mjs
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeFixture, HOSTILE } from './make-fixture.mjs';
import { launch, tempDir, bundleUrl, open, state, data, tap, center, settle,
         waitIndex } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Opens the page, runs fn, then checks nothing went to the network and nothing failed.
async function withPage(dir, query, fn, opts = {}) {
  const { page, context, problems } = await open(browser, bundleUrl(dir, query), opts);
  try {
    await fn(page);
    assert.deepEqual(problems, [], 'no network request, console error or dialog');
  } finally {
    await context.close();
  }
}

// First touch on the middle of the slide: pauses and shows the controls.
async function wake(page) {
  await tap(page, '#stage');
  await page.waitForFunction(() => document.body.dataset.state === 'paused');
  await settle(page);
}

const SRCDIR = process.env.SRCDIR || join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Renders a bundle with relais's kiosk renderer (tests/kiosk-bundle.c) into a new folder.
function relaisBundle(data, layouts = '') {
  const dir = tempDir();
  execFileSync(process.env.KIOSK_BUNDLE, [join(SRCDIR, data), dir, layouts && join(SRCDIR, layouts)],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

// Saves a screenshot a third of its size (for the README), scaled by chromium itself.
async function saveSmall(png, path, viewport) {
  const w = Math.round(viewport.width / 3), h = Math.round(viewport.height / 3);
  const context = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await context.newPage();
  await page.setContent(`<body style="margin:0"><img style="width:${w}px;height:${h}px;display:block" src="data:image/png;base64,${png.toString('base64')}"></body>`);
  await page.waitForFunction(() => document.images[0].complete);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
  await context.close();
}

// Goes to slide index k with the arrow keys (the player is paused by the first key).
// The player shows a slide once its image is decoded, so each key waits for the slide it
// asked for: a second key sent while the first slide decoded overshot k once in CI.
async function goTo(page, k) {
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.body.dataset.index === '0');
  for (let i = 0; i !== k; i = (await state(page)).index) {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((p) => document.body.dataset.index !== String(p), i);
  }
}

// The speed for tests that touch the player: slides change every 0.5 s, but the idle
// countdown starts only 4.5 s after the last touch (at 50 it was 1.8 s, and a loaded
// machine sometimes let the player go back to the start in the middle of a test).
const HANDS_ON = '?speed=20';

// Taps sel twice in quick succession and checks that the slide advanced once: the second
// tap lands within the player's 400 ms "ignore taps after a change". The times are read in
// the page: when a loaded machine delays the second tap past 350 ms after the change, the
// pair proves nothing and is tried again (at most 4 times). Returns the index reached.
async function doubleTap(page, sel) {
  const c = await center(page, sel);
  for (let attempt = 0; attempt < 4; attempt++) {
    await settle(page);
    const i = (await state(page)).index;
    await page.evaluate(() => {
      window.__ups = [];
      window.__change = null;
      document.addEventListener('pointerup', function up() {
        window.__ups.push(performance.now());
        if (window.__ups.length === 2) document.removeEventListener('pointerup', up, true);
      }, true);
      new MutationObserver((_, o) => { window.__change = performance.now(); o.disconnect(); })
        .observe(document.body, { attributes: true, attributeFilter: ['data-index'] });
    });
    await page.touchscreen.tap(c.x, c.y);
    await page.touchscreen.tap(c.x, c.y);
    await page.waitForTimeout(600);
    const t = await page.evaluate(() => ({ ups: window.__ups, change: window.__change }));
    assert.equal(t.ups.length, 2, 'both taps reached the page');
    assert.ok(t.change !== null, 'the first tap changed the slide');
    if (t.ups[1] - t.change > 350)
      continue; // the second tap came too late to test anything
    const n = (await data(page)).slides.fr.length;
    assert.equal((await state(page)).index, (i + 1) % n, 'a tap right after a change is ignored');
    return (i + 1) % n;
  }
  assert.fail('the machine never delivered two taps within 350 ms of each other');
}

// The behaviours every bundle must have. fixture: the bundle is from make-fixture.mjs.
function playerTests(name, getDir, { fixture = false } = {}) {
describe(name, () => {
  let dir;
  before(() => { dir = getDir(); });

  test('loads from file:// with no network request and no error', async () => {
    await withPage(dir, '', async (page) => {
      const s = await state(page);
      assert.equal(s.slide, 'start');
      assert.equal(s.state, 'playing');
      assert.equal(s.controls, false);
      const d = await data(page);
      assert.equal(s.text, d.slides.fr[0].text);
      const live = await page.getAttribute('#slide-text', 'aria-live');
      assert.equal(live, 'polite');
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert.match(csp, /default-src 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|https?:/);
    });
  });

  test('the attract loop advances by itself, one slide at a time', async () => {
    await withPage(dir, '?speed=50', async (page) => {
      await page.evaluate(() => {
        window.__seen = [];
        new MutationObserver(() => window.__seen.push(Number(document.body.dataset.index)))
          .observe(document.body, { attributes: true, attributeFilter: ['data-index'] });
      });
      await page.waitForFunction(() => window.__seen.length >= 4, null, { timeout: 20000 });
      const seen = await page.evaluate(() => window.__seen);
      const n = (await data(page)).slides.fr.length;
      for (let k = 1; k < seen.length; k++)
        assert.equal(seen[k], (seen[k - 1] + 1) % n, `loop order ${seen}`);
    });
  });

  test('first touch pauses and shows controls; Next advances exactly one slide', async () => {
    await withPage(dir, HANDS_ON, async (page) => {
      await wake(page);
      let s = await state(page);
      assert.equal(s.controls, true);
      const i = s.index;
      await tap(page, '#next');
      await page.waitForFunction((p) => Number(document.body.dataset.index) === p + 1, i);
      await page.waitForTimeout(1000); // two slide times at speed 20: still paused
      s = await state(page);
      assert.equal(s.index, i + 1);
      assert.equal(s.state, 'paused');
      // Two quick taps advance once: taps right after a change are ignored.
      const j = await doubleTap(page, '#next');
      await settle(page);
      await tap(page, '#prev');
      const back = (j - 1 + (await data(page)).slides.fr.length) % (await data(page)).slides.fr.length;
      await page.waitForFunction((p) => Number(document.body.dataset.index) !== p, j);
      assert.equal((await state(page)).index, back, 'Previous goes back one slide');
      await settle(page);
      await tap(page, '#play');
      await page.waitForFunction(() => document.body.dataset.state === 'playing');
      await page.waitForFunction((p) => Number(document.body.dataset.index) !== p, back);
    });
  });

  test('acts on release, with pressed feedback within 100 ms', async (t) => {
    await withPage(dir, HANDS_ON, async (page) => {
      await wake(page);
      const i = (await state(page)).index;
      // The feedback is applied in the pointerdown task itself (checked from a listener
      // that runs after the player's), so it is on the next frame: the frame time is
      // reported, as a loaded test machine can delay frames.
      await page.evaluate(() => {
        window.__fb = null;
        document.addEventListener('pointerdown', (e) => {
          const b = document.getElementById('next');
          const fb = { pressed: b.classList.contains('pressed'),
                       bg: getComputedStyle(b).backgroundColor,
                       ms: performance.now() - e.timeStamp };
          requestAnimationFrame(() => { fb.frame = performance.now() - e.timeStamp; window.__fb = fb; });
        }, { once: true });
      });
      const c = await center(page, '#next');
      await page.mouse.move(c.x, c.y);
      await page.mouse.down();
      await page.waitForFunction(() => window.__fb !== null);
      const fb = await page.evaluate(() => window.__fb);
      t.diagnostic(`feedback applied ${fb.ms.toFixed(1)} ms after the touch, next frame at ${fb.frame.toFixed(1)} ms`);
      assert.equal(fb.pressed, true);
      assert.equal(fb.bg, 'rgb(26, 26, 26)', 'pressed button turns ink-coloured');
      assert.ok(fb.ms < 100, `feedback applied after ${fb.ms} ms`);
      await page.waitForTimeout(200);
      assert.equal((await state(page)).index, i, 'nothing happens on press');
      await page.mouse.up();
      await page.waitForFunction((p) => Number(document.body.dataset.index) === p + 1, i);
      // Pressing then sliding off the button does nothing.
      await settle(page);
      await page.mouse.move(c.x, c.y);
      await page.mouse.down();
      await page.mouse.move(c.x, c.y - 400);
      await page.mouse.up();
      await page.waitForTimeout(300);
      assert.equal((await state(page)).index, i + 1);
    });
  });

  test('every button is at least 20 mm on the glass, 5 mm apart', async () => {
    await withPage(dir, '', async (page) => {
      const d = await data(page);
      const L = d.layout;
      assert.ok(L.target_px >= 20 * L.px_per_mm - 0.01, 'layout asks for >= 20 mm');
      assert.ok(L.gap_px >= 5 * L.px_per_mm - 0.01, 'layout asks for >= 5 mm gaps');
      await wake(page);
      const boxes = await page.$$eval('#controls button', (bs) =>
        bs.map((b) => { const r = b.getBoundingClientRect();
          return { id: b.id || b.dataset.lang, x: r.x, y: r.y, w: r.width, h: r.height }; }));
      assert.equal(boxes.length, 4 + d.languages.length);
      const minPx = 20 * L.px_per_mm - 0.5;
      for (const b of boxes) {
        assert.ok(b.w >= minPx && b.h >= minPx, `${b.id} is ${b.w}x${b.h} px, needs ${minPx}`);
        assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.w <= 1920 && b.y + b.h <= 1080, `${b.id} on screen`);
      }
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++) {
          const p = boxes[a], q = boxes[b];
          const dx = Math.max(q.x - (p.x + p.w), p.x - (q.x + q.w), 0);
          const dy = Math.max(q.y - (p.y + p.h), p.y - (q.y + q.h), 0);
          assert.ok(Math.max(dx, dy) >= 5 * L.px_per_mm - 0.5,
            `${p.id} and ${q.id} are ${Math.max(dx, dy)} px apart`);
        }
      const names = await page.$$eval('#langs button', (bs) => bs.map((b) => b.textContent));
      assert.deepEqual(names, d.languages.map((l) => d.language_names[l]));
    });
  });

  test('a language button switches the slides, the words and the page language', async () => {
    await withPage(dir, HANDS_ON, async (page) => {
      await wake(page);
      const before = await state(page);
      await tap(page, '#langs button[data-lang="nl"]');
      await page.waitForFunction(() => document.body.dataset.lang === 'nl');
      const d = await data(page);
      await page.waitForFunction((t) => document.getElementById('slide-text').textContent === t,
        d.slides.nl[before.index].text);
      const s = await state(page);
      assert.equal(s.lang, 'nl');
      assert.equal(s.slide, before.slide, 'same slide, other language');
      assert.equal(await page.textContent('#next'), d.ui.nl.next);
      assert.equal(await page.getAttribute('#langs button[data-lang="nl"]', 'aria-pressed'), 'true');
    });
  });

  test('tapping a region of the map shows that network\'s groups', async () => {
    await withPage(dir, HANDS_ON, async (page) => {
      await wake(page);
      const d = await data(page);
      const mapIndex = d.slides.fr.findIndex((s) => s.kind === 'map');
      // Every legend row and marker (areas lie under them and may overlap each other).
      const regions = d.slides.fr[mapIndex].regions;
      const tappable = regions.map((r, k) => [r, k]).filter(([r]) => r.kind !== 'area');
      assert.ok(tappable.length > 0, 'the map has touch targets');
      for (const [region, k] of tappable) {
        await goTo(page, mapIndex);
        await settle(page);
        await tap(page, `#regions button:nth-child(${k + 1})`);
        await page.waitForFunction((n) => document.body.dataset.kind !== 'map', null);
        const s = await state(page);
        const shown = d.slides.fr[s.index];
        assert.equal(shown.network, region.network);
        const hasGroups = d.slides.fr.some((x) => x.kind === 'group' && x.network === region.network);
        assert.equal(shown.kind, hasGroups ? 'group' : 'network');
        assert.equal(s.state, 'paused');
      }
    });
  });

  test('idle: a countdown of countdown_s seconds, then the start slide in the default language', async () => {
    // speed=10, not 50: the tap below must land while the countdown shows (2 s here; at
    // 50 it was 0.4 s, which a loaded machine sometimes missed).
    await withPage(dir, '?speed=10', async (page) => {
      await page.evaluate(() => {
        window.__counts = [];
        new MutationObserver(() => window.__counts.push(
          document.getElementById('countdown').hidden ? null
            : document.getElementById('countdown-text').textContent))
          .observe(document.getElementById('countdown'), { subtree: true, childList: true,
            characterData: true, attributes: true });
      });
      await wake(page);
      await tap(page, '#langs button[data-lang="en"]');
      await settle(page);
      await tap(page, '#next');
      const d = await data(page);
      const L = d.layout;
      // idle_s / 50 later the countdown shows; a touch dismisses it and keeps the place.
      await page.waitForFunction(() => !document.getElementById('countdown').hidden,
        null, { timeout: L.idle_s * 1000 / 10 + 2000 });
      const kept = await state(page);
      await tap(page, '#countdown');
      let s = await state(page);
      assert.equal(s.countdown, false);
      assert.equal(s.slide, kept.slide);
      assert.equal(s.lang, 'en');
      // Untouched, it counts down from countdown_s and returns to the start.
      await page.evaluate(() => { window.__counts = []; });
      await page.waitForFunction(() => document.body.dataset.state === 'playing'
        && document.body.dataset.slide === window.RELAIS_SLIDES.slides.fr[0].id,
        null, { timeout: (L.idle_s + L.countdown_s) * 1000 / 10 + 3000 });
      s = await state(page);
      assert.equal(s.lang, d.default_language);
      assert.equal(s.controls, false);
      assert.equal(s.countdown, false);
      const counts = (await page.evaluate(() => window.__counts)).filter((c) => c !== null);
      const numbers = [...new Set(counts.map((c) => Number(c.match(/\d+/)[0])))];
      assert.ok(numbers[0] >= 20 && numbers[0] === L.countdown_s, `starts at ${numbers[0]}`);
      assert.deepEqual(numbers, Array.from({ length: L.countdown_s }, (_, k) => L.countdown_s - k));
      assert.equal(counts[0], d.ui.en.countdown.replace('{s}', String(L.countdown_s)));
    });
  });

  test('keyboard: arrows, Home and Space', async () => {
    await withPage(dir, HANDS_ON, async (page) => {
      await page.keyboard.press('Home');
      await page.waitForFunction(() => document.body.dataset.state === 'paused');
      await page.waitForFunction(() => document.body.dataset.index === '0');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.body.dataset.index === '1');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.body.dataset.index === '0');
      await page.keyboard.press('ArrowLeft');
      const n = (await data(page)).slides.fr.length;
      await page.waitForFunction((last) => document.body.dataset.index === String(last), n - 1);
      await page.keyboard.press(' ');
      await page.waitForFunction(() => document.body.dataset.state === 'playing');
    });
  });

  test('zoom, double-tap and history swipes are off', async () => {
    await withPage(dir, '', async (page) => {
      const vp = await page.getAttribute('meta[name="viewport"]', 'content');
      assert.match(vp, /user-scalable=no/);
      assert.match(vp, /maximum-scale=1/);
      const css = await page.evaluate(() => {
        const s = getComputedStyle(document.body);
        const h = getComputedStyle(document.documentElement);
        return [s.touchAction, h.touchAction, s.overscrollBehaviorX, h.overscrollBehaviorX];
      });
      assert.deepEqual(css, ['none', 'none', 'none', 'none']);
    });
  });

  test('names are shown as text, never as HTML', { skip: !fixture && !name.includes('hostile') }, async () => {
    await withPage(dir, HANDS_ON, async (page) => {
      await wake(page);
      const d = await data(page);
      const k = d.slides.fr.findIndex((s) => s.text.includes(HOSTILE));
      assert.ok(k >= 0, 'the fixture has a hostile name');
      await goTo(page, k);
      assert.equal((await state(page)).text, d.slides.fr[k].text);
      if (fixture) {
        await goTo(page, d.slides.fr.findIndex((s) => s.kind === 'map'));
        const labels = await page.$$eval('#regions button:not([hidden])', (bs) => bs.map((b) => b.textContent));
        assert.ok(labels.includes(HOSTILE));
      }
      assert.equal(await page.$$eval('img', (x) => x.length), 2, 'no <img> injected');
    });
  });

  if (fixture) test('a slide that fails to load is skipped, never shown broken', async () => {
    const broken = tempDir();
    makeFixture(broken, { broken: true });
    await withPage(broken, '?speed=50', async (page) => {
      await page.evaluate(() => {
        window.__seen = [];
        new MutationObserver(() => {
          const img = document.querySelector('img.shown');
          window.__seen.push([document.body.dataset.slide, img.complete && img.naturalWidth > 0]);
        }).observe(document.body, { attributes: true, attributeFilter: ['data-slide'] });
      });
      const n = (await data(page)).slides.fr.length;
      await page.waitForFunction((count) => window.__seen.length >= count, n + 2, { timeout: 10000 });
      const seen = await page.evaluate(() => window.__seen);
      assert.ok(!seen.some(([id]) => id === 'broken'), 'the broken slide is never shown');
      assert.ok(seen.every(([, ok]) => ok), 'every shown image is decoded');
      assert.ok(seen.some(([id]) => id === 'group-b'), 'the slide after it is shown');
    }, { allow: [/ERR_FILE_NOT_FOUND/] });
  });

  if (fixture) test('a rebuilt bundle is picked up at a slide boundary, not under a finger', async () => {
    // speed=20: someone is "there" for idle_s + countdown_s / 20 = 5.5 s after a touch, so
    // the check 1 s after the rebuild holds even when a loaded machine is slow to write it
    // (at 50 the window was 2.2 s).
    const speed = 20;
    const live = tempDir();
    makeFixture(live, { version: 'v1' });
    await withPage(live, `?speed=${speed}`, async (page) => {
      await wake(page);
      await tap(page, '#play'); // someone restarts the loop and watches it
      await page.waitForFunction(() => document.body.dataset.state === 'playing');
      makeFixture(live, { version: 'v2', suffix: ' (v2)' });
      await page.waitForTimeout(1000); // two version polls and slides at speed 20
      assert.doesNotMatch((await state(page)).text, /\(v2\)/, 'no reload while someone is there');
      const L = (await data(page)).layout;
      await page.waitForFunction(() => window.RELAIS_VERSION === 'v2'
        && document.getElementById('slide-text').textContent.endsWith('(v2)'),
        null, { timeout: (L.idle_s + L.countdown_s) * 1000 / speed + 5000 });
      assert.equal((await state(page)).state, 'playing');
      // Unattended, the next rebuild shows within a few slides.
      makeFixture(live, { version: 'v3', suffix: ' (v3)' });
      await page.waitForFunction(() => document.getElementById('slide-text').textContent.endsWith('(v3)'),
        null, { timeout: 5000 });
    });
  });
});
}

playerTests('kiosk player on a fixture bundle', () => { const d = tempDir(); makeFixture(d); return d; },
  { fixture: true });

if (process.env.KIOSK_BUNDLE) {
  playerTests('kiosk player on the bundled data', () => relaisBundle('data'));
  playerTests('kiosk player on a hostile group name', () => relaisBundle('tests/data-kiosk'));
  describe('screenshots for the README', () => {
    const shots = process.env.KIOSK_SCREENSHOTS;
    for (const [orient, layouts, viewport] of [
      ['landscape', '', { width: 1920, height: 1080 }],
      ['portrait', 'tests/kiosk/layouts-portrait', { width: 1080, height: 1920 }]]) {
      test(`${orient}: start slide (attract loop), then map and group with the controls`, async () => {
        const dir = relaisBundle('data', layouts);
        await withPage(dir, '', async (page) => {
          const d = await data(page);
          assert.equal(d.layout.width_px, viewport.width);
          assert.equal(d.layout.height_px, viewport.height);
          for (const kind of ['start', 'map', 'group']) {
            if (kind !== 'start')
              await goTo(page, d.slides.fr.findIndex((s) => s.kind === kind));
            assert.equal((await state(page)).kind, kind);
            assert.equal((await state(page)).controls, kind !== 'start');
            const out = await page.$$eval('#controls button', (bs, vp) => bs.filter((b) => {
              const r = b.getBoundingClientRect();
              return r.left < 0 || r.top < 0 || r.right > vp.width || r.bottom > vp.height;
            }).map((b) => b.textContent), viewport);
            assert.deepEqual(out, [], 'every button on the screen');
            const png = await page.screenshot();
            assert.ok(png.length > 10000, `${kind} screenshot has content`);
            if (shots)
              await saveSmall(png, join(shots, `kiosk-${orient}-${kind}.png`), viewport);
          }
        }, { viewport });
      });
    }
  });
}
