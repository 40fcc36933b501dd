/** The scripts a built index.html loads at start: its module scripts and the chunks it preloads, in order. */
export function initialScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] as string)
  const preloaded = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string)
  return [...scripts, ...preloaded]
}
