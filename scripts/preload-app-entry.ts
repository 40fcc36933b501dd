import type { Plugin } from 'vite'

/**
 * index.html loads one tiny module, early-entry.ts, which sends start-up's requests and then imports the app
 * (main.ts) dynamically. Had both been <script type="module"> tags, Vite would have bundled them into one entry
 * and the browser would run none of it before every chunk of the app was fetched and compiled. This adds
 * `modulepreload` (and stylesheet) links for the app's chunks to the built index.html, so the browser fetches and
 * compiles them while the early entry already runs, instead of only once it asks for them.
 */
export function preloadAppEntry(appEntry = '/src/main.ts'): Plugin {
  return {
    name: 'microent:preload-app-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle
        if (!bundle) return
        const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isDynamicEntry && c.facadeModuleId?.endsWith(appEntry))
        if (!entry || entry.type !== 'chunk') throw new Error(`preloadAppEntry: no dynamic chunk for ${appEntry} (is it still imported by the early entry?)`)
        const scripts: string[] = []
        const styles = new Set<string>()
        const visit = (fileName: string) => {
          if (scripts.includes(fileName)) return
          const chunk = bundle[fileName]
          if (!chunk || chunk.type !== 'chunk') return
          scripts.push(fileName)
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css)
          for (const dep of chunk.imports) visit(dep)
        }
        visit(entry.fileName)
        // The early entry's own chunk is already a <script>; only the app's go in as hints.
        const own = ctx.chunk ? new Set([ctx.chunk.fileName, ...ctx.chunk.imports]) : new Set<string>()
        return [
          ...[...styles].map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `./${href}` }, injectTo: 'head' as const })),
          ...scripts.filter((f) => !own.has(f)).map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${href}` }, injectTo: 'head' as const })),
        ]
      },
    },
  }
}
