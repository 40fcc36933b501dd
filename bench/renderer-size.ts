// What the window loads before the list can show: the renderer's first script and the chunks index.html preloads
// beside it, minified and gzipped, against the 400 KB gzip goal; the views loaded on first visit are listed apart.
// Builds the renderer if it is stale (the browser host's build, configured as electron-vite's). Prints figures only.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ensureRendererBuilt } from '../src/webhost/renderer-build'
import { chunksNeededAtStart, initialScripts } from '../test/helpers/renderer-html'

async function main(): Promise<void> {
  const dir = await ensureRendererBuilt({ log: console.log })
  // Found from the chunks' own imports (the entry, the app it imports, their static imports), not from index.html.
  const initial = chunksNeededAtStart(dir, initialScripts(readFileSync(join(dir, 'index.html'), 'utf8'))[0] as string)
  const size = (file: string) => {
    const text = readFileSync(join(dir, file))
    return { raw: text.length, gzip: gzipSync(text, { level: 9 }).length }
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  let raw = 0
  let gzip = 0
  console.log('| chunk | loaded | minified | gzip |')
  console.log('| --- | --- | --- | --- |')
  for (const file of initial) {
    const s = size(file)
    raw += s.raw
    gzip += s.gzip
    console.log(`| ${file} | at start | ${kb(s.raw)} | ${kb(s.gzip)} |`)
  }
  for (const file of readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`./assets/${f}`))) {
    const s = size(`./assets/${file}`)
    console.log(`| ./assets/${file} | on first visit | ${kb(s.raw)} | ${kb(s.gzip)} |`)
  }
  console.log(`\nInitial renderer JavaScript: ${kb(raw)} minified, ${kb(gzip)} gzip (goal: at most 400 KB gzip)`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
