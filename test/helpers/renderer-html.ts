import { readFileSync } from 'node:fs'
import { dirname, join, posix } from 'node:path'

/** The scripts a built index.html loads at start: its module scripts and the chunks it preloads, in order. */
export function initialScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] as string)
  const preloaded = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string)
  return [...scripts, ...preloaded]
}

/** `./x.js` imports of a built (minified) chunk: static ones, and dynamic ones if asked. */
function importsOf(code: string, dynamic: boolean): string[] {
  const found = [...code.matchAll(/\bfrom\s*["'`](\.\/[^"'`]+\.js)["'`]|\bimport\s*["'`](\.\/[^"'`]+\.js)["'`]/g)].map((m) => (m[1] ?? m[2]) as string)
  if (dynamic) found.push(...[...code.matchAll(/\bimport\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1] as string))
  return found
}

/**
 * What the app needs before it can mount, found from the chunks themselves rather than from index.html: the entry
 * script, the chunk it imports dynamically (the app), and every chunk those import statically. Paths as index.html
 * writes them (`./assets/…`).
 */
export function chunksNeededAtStart(rendererDir: string, entry: string): string[] {
  const seen = new Set<string>()
  const walk = (file: string, dynamic: boolean) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(join(rendererDir, file), 'utf8')
    for (const dep of importsOf(code, dynamic)) walk(posix.join(dirname(file), dep).replace(/^(?!\.)/, './'), false)
  }
  walk(entry, true)
  return [...seen]
}
