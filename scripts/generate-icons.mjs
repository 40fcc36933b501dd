#!/usr/bin/env node
// Draws the app and tray icons as PNG files with no dependencies and no downloads: shapes are signed-distance
// functions, edges are anti-aliased analytically, PNG is written with zlib. The output is deterministic, so a test
// can regenerate it and compare with the committed files.
//
//   node scripts/generate-icons.mjs [--out resources]
//
// electron-builder turns resources/icon.png (1024 px) into .icns and .ico; Linux uses resources/icons/NxN.png.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'

// ---------- PNG ----------
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'ascii')
  data.copy(out, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))])
}

// ---------- shapes (unit square, y down) ----------
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r)
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r)
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}
const rect = (x0, y0, x1, y1) => roundRect(x0, y0, x1, y1, 0)
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2
const capsule = (ax, ay, bx, by, w) => (x, y) => {
  const px = x - ax
  const py = y - ay
  const dx = bx - ax
  const dy = by - ay
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - dx * h, py - dy * h) - w / 2
}

/** Paints layers ({ shape, color: [r,g,b,a] | (x,y)=>[r,g,b,a] }) over a transparent canvas. */
function render(size, layers) {
  const out = Buffer.alloc(size * size * 4)
  const px = 1 / size
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) / size
      const y = (j + 0.5) / size
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (const layer of layers) {
        const coverage = Math.max(0, Math.min(1, 0.5 - layer.shape(x, y) / px))
        if (coverage <= 0) continue
        const c = typeof layer.color === 'function' ? layer.color(x, y) : layer.color
        const sa = (c[3] / 255) * coverage
        if (layer.erase) {
          r *= 1 - sa
          g *= 1 - sa
          b *= 1 - sa
          a *= 1 - sa
          continue
        }
        // "over" compositing on premultiplied values
        r = c[0] * sa + r * (1 - sa)
        g = c[1] * sa + g * (1 - sa)
        b = c[2] * sa + b * (1 - sa)
        a = sa + a * (1 - sa)
      }
      const o = (j * size + i) * 4
      out[o] = a > 0 ? Math.round(r / a) : 0
      out[o + 1] = a > 0 ? Math.round(g / a) : 0
      out[o + 2] = a > 0 ? Math.round(b / a) : 0
      out[o + 3] = Math.round(a * 255)
    }
  }
  return out
}

// ---------- the app icon: buildings under a magnifier on a blue tile ----------
const WHITE = [255, 255, 255, 255]
const blueGradient = (_x, y) => [Math.round(36 - 20 * y), Math.round(110 - 45 * y), Math.round(224 - 60 * y), 255]

function appIcon(size) {
  return render(size, [
    { shape: roundRect(0.06, 0.06, 0.94, 0.94, 0.2), color: blueGradient },
    { shape: rect(0.2, 0.755, 0.8, 0.785), color: [255, 255, 255, 200] },
    { shape: roundRect(0.23, 0.46, 0.33, 0.77, 0.015), color: [255, 255, 255, 235] },
    { shape: roundRect(0.36, 0.32, 0.46, 0.77, 0.015), color: [255, 255, 255, 235] },
    { shape: roundRect(0.49, 0.52, 0.59, 0.77, 0.015), color: [255, 255, 255, 235] },
    { shape: circle(0.62, 0.45, 0.15), color: [255, 255, 255, 70] },
    { shape: ring(0.62, 0.45, 0.15, 0.05), color: WHITE },
    { shape: capsule(0.73, 0.56, 0.82, 0.65, 0.065), color: WHITE },
  ])
}

// ---------- tray icons ----------
const BADGE = { busy: [34, 163, 90, 255], paused: [107, 114, 128, 255], offline: [107, 114, 128, 255], attention: [232, 133, 12, 255] }

function magnifier(color) {
  return [
    { shape: ring(0.42, 0.42, 0.25, 0.12), color },
    { shape: capsule(0.6, 0.6, 0.86, 0.86, 0.14), color },
  ]
}

/** A badge in the lower right: a disc with a sign, cut out of the glyph so it reads at 16 px. */
function badge(state, fill, mono) {
  if (state === 'idle') return []
  const disc = circle(0.74, 0.74, 0.26)
  const layers = [{ shape: circle(0.74, 0.74, 0.33), color: [0, 0, 0, 255], erase: true }, { shape: disc, color: fill }]
  const sign = mono ? { erase: true, color: [0, 0, 0, 255] } : { color: WHITE }
  if (state === 'paused') layers.push({ shape: rect(0.655, 0.62, 0.705, 0.86), ...sign }, { shape: rect(0.775, 0.62, 0.825, 0.86), ...sign })
  if (state === 'attention') layers.push({ shape: rect(0.715, 0.6, 0.765, 0.79), ...sign }, { shape: circle(0.74, 0.85, 0.032), ...sign })
  if (state === 'offline') layers.push({ shape: capsule(0.64, 0.84, 0.84, 0.64, 0.06), ...sign })
  return layers
}

function trayIcon(size, state, variant) {
  const mono = variant === 'template'
  const glyph = mono ? [0, 0, 0, 255] : variant === 'dark' ? [236, 242, 255, 255] : [31, 79, 168, 255]
  const dim = state === 'offline' || state === 'paused' ? [glyph[0], glyph[1], glyph[2], mono ? 140 : 150] : glyph
  const fill = mono ? [0, 0, 0, 255] : BADGE[state]
  return render(size, [...magnifier(dim), ...badge(state, fill, mono)])
}

/**
 * A Windows .ico whose entries are PNG images (Windows Vista and later read them). The tray picks the entry drawn
 * for the display's scaling: 20 px at 125%, 24 px at 150%.
 */
export function encodeIco(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(images.length, 4)
  const dir = Buffer.alloc(16 * images.length)
  let offset = 6 + dir.length
  images.forEach(({ size, png }, i) => {
    const e = i * 16
    dir[e] = size >= 256 ? 0 : size
    dir[e + 1] = size >= 256 ? 0 : size
    dir.writeUInt16LE(1, e + 4) // colour planes
    dir.writeUInt16LE(32, e + 6) // bits per pixel
    dir.writeUInt32LE(png.length, e + 8)
    dir.writeUInt32LE(offset, e + 12)
    offset += png.length
  })
  return Buffer.concat([header, dir, ...images.map((im) => im.png)])
}

export const TRAY_STATES = ['idle', 'busy', 'paused', 'offline', 'attention']
export const TRAY_ICO_SIZES = [16, 20, 24, 32, 40, 48]
export const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

export function generateIcons(outDir) {
  const written = []
  const put = (rel, png) => {
    const file = join(outDir, rel)
    mkdirSync(join(file, '..'), { recursive: true })
    writeFileSync(file, png)
    written.push(rel)
  }
  put('icon.png', encodePng(1024, appIcon(1024)))
  for (const s of APP_SIZES) put(`icons/${s}x${s}.png`, encodePng(s, appIcon(s)))
  for (const state of TRAY_STATES) {
    for (const variant of ['light', 'dark']) {
      put(`tray/${state}-${variant}.png`, encodePng(16, trayIcon(16, state, variant)))
      put(`tray/${state}-${variant}@2x.png`, encodePng(32, trayIcon(32, state, variant)))
      put(`tray/${state}-${variant}.ico`, encodeIco(TRAY_ICO_SIZES.map((size) => ({ size, png: encodePng(size, trayIcon(size, state, variant)) }))))
    }
    put(`tray/${state}Template.png`, encodePng(16, trayIcon(16, state, 'template')))
    put(`tray/${state}Template@2x.png`, encodePng(32, trayIcon(32, state, 'template')))
  }
  return written
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('generate-icons.mjs')) {
  const i = process.argv.indexOf('--out')
  const out = resolve(i > 0 ? process.argv[i + 1] : 'resources')
  const files = generateIcons(out)
  console.log(`wrote ${files.length} icons to ${out}`)
}
