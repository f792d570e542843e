// make-fixture.mjs - writes a fake kiosk bundle (the player from src/render/kiosk/ plus
// slides.js, version.js and solid-colour PNG slides) so the player can be tested without
// relais. Usage: node make-fixture.mjs OUTDIR [VERSION]
//
// The bundle has three languages, a map slide with two regions, a group whose name is
// hostile HTML, and a slide whose PNG is missing (the player must skip it).
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const player = join(here, '..', '..', 'src', 'render', 'kiosk');

export const HOSTILE = '<img src=x onerror=alert(1)>';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

// A w×h PNG of one RGB colour.
export function solidPng(w, h, [r, g, b]) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + 3 * w);
  for (let x = 0; x < w; x++) row.set([r, g, b], 1 + 3 * x);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

const LANGS = ['fr', 'nl', 'en'];
const NAMES = { fr: 'Français', nl: 'Nederlands', de: 'Deutsch', en: 'English' };
const UI = {
  fr: { home: 'Début', previous: 'Précédent', next: 'Suivant', play: 'Lecture', pause: 'Pause',
        hint: 'Touchez l’écran pour choisir', countdown: 'Retour au début dans {s} s – touchez l’écran pour rester' },
  nl: { home: 'Begin', previous: 'Vorige', next: 'Volgende', play: 'Afspelen', pause: 'Pauze',
        hint: 'Raak het scherm aan om te kiezen', countdown: 'Terug naar het begin over {s} s – raak het scherm aan om te blijven' },
  en: { home: 'Start', previous: 'Previous', next: 'Next', play: 'Play', pause: 'Pause',
        hint: 'Touch the screen to choose', countdown: 'Back to the start in {s} s – touch the screen to stay' },
};

// The slides of one language: [id, kind, text, network, colour].
function slideList(lang) {
  return [
    ['start', 'start', `${lang}: Welcome to the support groups`, null, [200, 30, 30]],
    ['text-why', 'text', `${lang}: Why meeting others helps`, null, [30, 160, 30]],
    ['map', 'map', `${lang}: Choose your region on the map`, null, [30, 30, 200]],
    ['group-a', 'group', `${lang}: Group A meets on Mondays`, 'north', [200, 200, 30]],
    ['broken', 'group', `${lang}: this slide has no image`, 'north', [0, 0, 0]],
    ['group-b', 'group', `${lang}: Group B meets on Tuesdays`, 'north', [30, 200, 200]],
    ['group-c', 'group', `${HOSTILE} meets on Fridays`, 'south', [200, 30, 200]],
    ['network-south', 'network', `${lang}: South network, phone 02 123 45 67`, 'south', [120, 120, 120]],
    ['closing', 'closing', `${lang}: Thank you`, null, [250, 130, 0]],
  ];
}

export const LAYOUT = {
  width_px: 1920, height_px: 1080, screen_width_mm: 1210, px_per_mm: 1920 / 1210,
  target_mm: 20, target_px: 20 * 1920 / 1210, gap_px: 5 * 1920 / 1210,
  font_px: 40, bar_px: 100, idle_s: 90, countdown_s: 20,
};

// Writes the bundle into dir; returns the data written to slides.js. Options: version
// (version.js), suffix (appended to every slide text), broken (add a slide whose PNG is
// missing).
export function makeFixture(dir, { version = 'v1', suffix = '', broken = false } = {}) {
  const slides = {};
  for (const lang of LANGS) {
    mkdirSync(join(dir, 'slides', lang), { recursive: true });
    slides[lang] = slideList(lang).filter(([id]) => broken || id !== 'broken').map(([id, kind, text, network, colour], i) => {
      const png = `slides/${lang}/${String(i + 1).padStart(3, '0')}.png`;
      if (id !== 'broken') writeFileSync(join(dir, png), solidPng(192, 108, colour));
      const s = { id, kind, png, text: text + suffix, seconds: 10 };
      if (network) s.network = network;
      if (id === 'map')
        s.regions = [
          { network: 'north', label: `North (${lang})`, bbox: [200, 100, 600, 400] },
          { network: 'south', label: HOSTILE, bbox: [1000, 500, 600, 300] },
        ];
      return s;
    });
  }
  const data = {
    languages: LANGS, default_language: 'fr', language_names: NAMES, ui: UI,
    layout: LAYOUT,
    colours: { ink: '#1a1a1a', paper: '#ffffff', accent: '#00507a', accent_ink: '#ffffff',
               highlight: '#f2c200' },
    slides,
  };
  writeFileSync(join(dir, 'slides.js'), `window.RELAIS_SLIDES = ${JSON.stringify(data)};\n`);
  writeFileSync(join(dir, 'version.js'), `window.RELAIS_VERSION = ${JSON.stringify(version)};\n`);
  copyFileSync(join(player, 'player.html'), join(dir, 'index.html'));
  copyFileSync(join(player, 'player.js'), join(dir, 'player.js'));
  copyFileSync(join(player, 'player.css'), join(dir, 'player.css'));
  return data;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.length < 3) {
    console.error('usage: node make-fixture.mjs OUTDIR [VERSION]');
    process.exit(2);
  }
  makeFixture(process.argv[2], { version: process.argv[3] || 'v1', broken: true });
}
