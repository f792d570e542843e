/* player.js - the relais kiosk player: an attract loop that pauses on touch, large
 * buttons, idle return with a countdown, a language choice and a map of touch regions.
 *
 * Reads window.RELAIS_SLIDES (slides.js) and window.RELAIS_VERSION (version.js), both
 * written by relais. Uses relative paths only, makes no network request, inserts data
 * with textContent only. State is bounded: two <img> elements reused, listeners added
 * once, every timer cleared before it is set again.
 *
 * Test hook: ?speed=N divides every duration (slide time, idle, countdown, version poll)
 * by N, so a browser test can run minutes of kiosk time in seconds.
 */
(function () {
  'use strict';

  const D = window.RELAIS_SLIDES;
  const VERSION = window.RELAIS_VERSION;
  const params = new URLSearchParams(window.location.search);
  const speed = Math.min(10000, Math.max(1, Number(params.get('speed')) || 1));
  const IGNORE_MS = 400;          /* taps ignored this long after a slide change */
  const POLL_MS = 10000 / speed;  /* how often version.js is read again */
  const SWIPE = 0.15;             /* a swipe is a move of this share of the width */

  const $ = (id) => document.getElementById(id);
  const el = {
    frame: $('frame'), regions: $('regions'), hint: $('hint'), controls: $('controls'),
    langs: $('langs'), play: $('play'), countdown: $('countdown'),
    countdownText: $('countdown-text'), text: $('slide-text'),
    buttons: { home: $('home'), prev: $('prev'), next: $('next') },
  };

  const st = {
    lang: D.default_language,
    index: 0,
    playing: true,
    touched: false,       /* someone touched since the last return to the start */
    gen: 0,               /* generation of the latest slide request */
    lastChange: -Infinity,
    pendingReload: false,
    front: $('img-a'),
    back: $('img-b'),
    pressed: null,        /* button under a finger, acted on at pointerup */
    downX: 0,
    remaining: 0,         /* countdown seconds left */
    polling: null,        /* the version <script> being read, if any */
    pollN: 0,
  };
  const timers = { slide: 0, idle: 0, countdown: 0 };

  function clearTimer(name) {
    clearTimeout(timers[name]);
    clearInterval(timers[name]);
    timers[name] = 0;
  }

  const slides = () => D.slides[st.lang] || [];
  const ui = (key) => (D.ui[st.lang] || D.ui[D.default_language])[key] || '';
  const wrap = (i, n) => ((i % n) + n) % n;

  /* ---- showing slides ------------------------------------------------------------ */

  function imageUrl(slide) {
    return slide.png + '?v=' + encodeURIComponent(VERSION || '');
  }

  /* Shows slide i (wrapped) once decoded; skips slides that fail, moving by dir. */
  function show(i, dir) {
    const gen = ++st.gen;
    load(i, dir || 1, gen, 0);
  }

  function load(i, dir, gen, tries) {
    const list = slides();
    if (list.length === 0 || tries >= list.length)
      return;
    const idx = wrap(i, list.length);
    const slide = list[idx];
    const img = st.back;
    img.src = imageUrl(slide);
    img.decode().then(() => {
      if (gen !== st.gen)
        return;
      swap(idx, slide);
    }, () => {
      if (gen !== st.gen)
        return;
      load(idx + dir, dir, gen, tries + 1);
    });
  }

  function swap(idx, slide) {
    const old = st.front;
    st.front = st.back;
    st.back = old;
    st.front.classList.add('shown');
    old.classList.remove('shown');
    st.index = idx;
    st.lastChange = performance.now();
    el.text.textContent = slide.text || '';
    document.body.dataset.slide = slide.id;
    document.body.dataset.index = String(idx);
    document.body.dataset.kind = slide.kind || '';
    placeRegions(slide.regions || []);
    schedule();
  }

  function schedule() {
    clearTimer('slide');
    const slide = slides()[st.index];
    if (st.playing && slide)
      timers.slide = setTimeout(advance, (slide.seconds || 10) * 1000 / speed);
  }

  function advance() {
    if (st.pendingReload && !st.touched) {
      window.location.reload();
      return;
    }
    show(st.index + 1, 1);
  }

  /* ---- map regions: a pool of buttons, reused ----------------------------------- */

  function placeRegions(regions) {
    const pool = el.regions.children;
    while (pool.length < regions.length) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.action = 'region';
      el.regions.appendChild(b);
    }
    for (let k = 0; k < pool.length; k++) {
      const b = pool[k];
      const r = regions[k];
      b.hidden = !r;
      if (!r)
        continue;
      const [x, y, w, h] = r.bbox;
      b.dataset.network = r.network;
      b.textContent = r.label;
      b.setAttribute('aria-label', r.label);
      b.style.left = (100 * x / D.layout.width_px) + '%';
      b.style.top = (100 * y / D.layout.height_px) + '%';
      b.style.width = (100 * w / D.layout.width_px) + '%';
      b.style.height = (100 * h / D.layout.height_px) + '%';
    }
  }

  /* ---- play, pause, languages ---------------------------------------------------- */

  function setPlaying(on) {
    st.playing = on;
    document.body.dataset.state = on ? 'playing' : 'paused';
    el.play.textContent = on ? ui('pause') : ui('play');
    el.play.setAttribute('aria-pressed', on ? 'false' : 'true');
    schedule();
  }

  function labelUi() {
    document.documentElement.lang = st.lang;
    document.body.dataset.lang = st.lang;
    el.buttons.home.textContent = ui('home');
    el.buttons.prev.textContent = ui('previous');
    el.buttons.next.textContent = ui('next');
    el.play.textContent = st.playing ? ui('pause') : ui('play');
    el.hint.textContent = ui('hint');
    for (const b of el.langs.children)
      b.setAttribute('aria-pressed', b.dataset.lang === st.lang ? 'true' : 'false');
    if (!el.countdown.hidden)
      labelCountdown();
  }

  function setLang(lang) {
    if (!D.slides[lang])
      return;
    const id = (slides()[st.index] || {}).id;
    st.lang = lang;
    labelUi();
    const k = slides().findIndex((s) => s.id === id);
    show(k >= 0 ? k : 0, 1);
  }

  function goNetwork(network) {
    const list = slides();
    let k = list.findIndex((s) => s.kind === 'group' && s.network === network);
    if (k < 0)
      k = list.findIndex((s) => s.network === network);
    if (k >= 0)
      show(k, 1);
  }

  /* ---- touch, idle, countdown ---------------------------------------------------- */

  function showControls(on) {
    el.controls.hidden = !on;
    el.hint.hidden = on;
  }

  /* Any touch or key: the first pauses the loop and shows the controls; every one
   * cancels a countdown and restarts the idle timer. */
  function wake() {
    if (!st.touched) {
      st.touched = true;
      setPlaying(false);
      showControls(true);
    }
    hideCountdown();
    clearTimer('idle');
    timers.idle = setTimeout(startCountdown, D.layout.idle_s * 1000 / speed);
  }

  function labelCountdown() {
    el.countdownText.textContent = ui('countdown').replace('{s}', String(st.remaining));
  }

  function startCountdown() {
    st.remaining = D.layout.countdown_s;
    labelCountdown();
    el.countdown.hidden = false;
    clearTimer('countdown');
    timers.countdown = setInterval(tick, 1000 / speed);
  }

  function tick() {
    st.remaining -= 1;
    if (st.remaining <= 0) {
      backToStart();
      return;
    }
    labelCountdown();
  }

  function hideCountdown() {
    clearTimer('countdown');
    el.countdown.hidden = true;
  }

  function backToStart() {
    hideCountdown();
    clearTimer('idle');
    if (st.pendingReload) {
      window.location.reload();
      return;
    }
    st.touched = false;
    st.lang = D.default_language;
    showControls(false);
    setPlaying(true);
    labelUi();
    show(0, 1);
  }

  /* ---- actions: a table, run on pointerup, Enter or keys -------------------------- */

  const actions = {
    home: () => { setPlaying(false); show(0, 1); },
    prev: () => { setPlaying(false); show(st.index - 1, -1); },
    next: () => { setPlaying(false); show(st.index + 1, 1); },
    play: () => setPlaying(!st.playing),
    lang: (b) => setLang(b.dataset.lang),
    region: (b) => { setPlaying(false); goNetwork(b.dataset.network); },
  };

  function act(button) {
    const fn = actions[button.dataset.action];
    if (!fn)
      return;
    st.lastChange = performance.now(); /* also guards while the next slide decodes */
    fn(button);
  }

  function release() {
    if (st.pressed)
      st.pressed.classList.remove('pressed');
    st.pressed = null;
  }

  function onPointerDown(e) {
    const wasTouched = st.touched;
    wake();
    release();
    st.downX = e.clientX;
    const b = e.target.closest ? e.target.closest('button') : null;
    if (b && wasTouched && !b.hidden) {
      st.pressed = b;
      b.classList.add('pressed');
    }
  }

  function onPointerUp(e) {
    const b = st.pressed;
    release();
    if (performance.now() - st.lastChange < IGNORE_MS)
      return;
    if (b) {
      const under = document.elementFromPoint(e.clientX, e.clientY);
      if (under && under.closest('button') === b)
        act(b);
      return;
    }
    const dx = e.clientX - st.downX;
    if (st.touched && Math.abs(dx) > SWIPE * el.frame.clientWidth)
      act(dx < 0 ? el.buttons.next : el.buttons.prev);
  }

  /* Enter or Space on a focused button arrives as a click with detail 0. */
  function onClick(e) {
    const b = e.target.closest ? e.target.closest('button') : null;
    if (b && e.detail === 0)
      act(b);
  }

  const keys = {
    ArrowRight: 'next', ArrowLeft: 'prev', Home: 'home', ' ': 'play',
    PageDown: 'next', PageUp: 'prev',
  };

  function onKeyDown(e) {
    wake();
    const name = keys[e.key];
    const onButton = e.target.closest && e.target.closest('button');
    if (!name || (onButton && e.key === ' '))
      return;
    e.preventDefault();
    actions[name]();
  }

  /* ---- content updates: read version.js again every ~10 s ------------------------ */

  function pollVersion() {
    if (st.polling)
      return;
    const s = document.createElement('script');
    s.src = 'version.js?' + (++st.pollN);
    s.onload = s.onerror = () => {
      s.onload = s.onerror = null;
      s.remove();
      st.polling = null;
      if (window.RELAIS_VERSION !== VERSION)
        st.pendingReload = true;
    };
    st.polling = s;
    document.head.appendChild(s);
  }

  /* ---- size: the slide is fitted to the window, and so is everything on it ------- */

  function fit() {
    const L = D.layout;
    const scale = Math.min(window.innerWidth / L.width_px, window.innerHeight / L.height_px);
    const f = el.frame.style;
    f.width = (L.width_px * scale) + 'px';
    f.height = (L.height_px * scale) + 'px';
    f.left = ((window.innerWidth - L.width_px * scale) / 2) + 'px';
    f.top = ((window.innerHeight - L.height_px * scale) / 2) + 'px';
    f.setProperty('--u', scale + 'px');
  }

  function setUp() {
    const L = D.layout;
    const f = el.frame.style;
    f.setProperty('--font', String(L.font_px));
    f.setProperty('--target', String(L.target_px));
    f.setProperty('--gap', String(L.gap_px));
    f.setProperty('--bar', String(L.bar_px));
    for (const [k, v] of Object.entries(D.colours || {}))
      f.setProperty('--' + k.replace('_', '-'), v);
    for (const lang of D.languages) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.action = 'lang';
      b.dataset.lang = lang;
      b.lang = lang;
      b.textContent = D.language_names[lang] || lang;
      el.langs.appendChild(b);
    }
    $('nojs').hidden = true;
    fit();
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('pointerup', onPointerUp, true);
    document.addEventListener('pointercancel', release, true);
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('contextmenu', (e) => e.preventDefault(), true);
    document.addEventListener('dblclick', (e) => e.preventDefault(), true);
    window.addEventListener('resize', fit);
    setInterval(pollVersion, POLL_MS);
    setPlaying(true);
    labelUi();
    show(0, 1);
  }

  setUp();
})();
