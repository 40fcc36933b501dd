import { normalizePath, type Plugin } from 'vite'

/**
 * index.html loads one tiny module, early-entry.ts, which sends start-up's requests and then imports the app
 * (main.ts) dynamically. Had both been <script type="module"> tags, Vite would have bundled them into one entry
 * and the browser would run none of it before every chunk of the app was fetched and compiled. This adds
 * `modulepreload` (and stylesheet) links for the app's chunks to the built index.html, so the browser fetches and
 * compiles them while the early entry already runs, instead of only once it asks for them.
 */
export function preloadAppEntry(appEntry = '/src/main.ts'): Plugin {
  let base = './'
  return {
    name: 'microent:preload-app-entry',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return
        const chunkOf = (fileName: string) => {
          const c = bundle[fileName]
          return c && c.type === 'chunk' ? c : null
        }
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isDynamicEntry && normalizePath(c.facadeModuleId ?? '').endsWith(appEntry))
        if (!entry || entry.type !== 'chunk') throw new Error(`preloadAppEntry: no dynamic chunk for ${appEntry} (is it still imported by the early entry?)`)
        // What index.html loads already: the early entry's chunk and everything it imports (Vite links their CSS).
        const own = new Set<string>()
        const collect = (fileName: string) => {
          if (own.has(fileName)) return
          own.add(fileName)
          for (const dep of chunkOf(fileName)?.imports ?? []) collect(dep)
        }
        if (ctx.chunk) collect(ctx.chunk.fileName)
        // The app's chunks, each after its imports, and their CSS in the same order (as Vite links an entry's).
        const scripts: string[] = []
        const styles: string[] = []
        const seen = new Set<string>()
        const visit = (fileName: string) => {
          const chunk = chunkOf(fileName)
          if (!chunk || seen.has(fileName) || own.has(fileName)) return
          seen.add(fileName)
          for (const dep of chunk.imports) visit(dep)
          scripts.push(fileName)
          for (const css of chunk.viteMetadata?.importedCss ?? []) if (!styles.includes(css)) styles.push(css)
        }
        visit(entry.fileName)
        return [
          ...styles.map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `${base}${href}` }, injectTo: 'head' as const })),
          ...scripts.map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${href}` }, injectTo: 'head' as const })),
        ]
      },
    },
  }
}
