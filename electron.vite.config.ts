import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { preloadAppEntry } from './scripts/preload-app-entry'

/** `--mode shell` builds main and preload only: the bundle tests need nothing else and stay fast. */
export const SHELL_ONLY_MODE = 'shell'

export default defineConfig(({ mode }) => ({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The spreadsheet reader runs as a worker_threads entry, found by `new URL('./sheet-reader.mjs',
          // import.meta.url)`: it must be emitted under that name, in the same folder as every chunk that asks.
          'sheet-reader': resolve(__dirname, 'src/core/xlsx/sheet-reader.mjs'),
          // The export writer runs as a worker_threads entry too, found by `new URL('./export-worker.js',
          // import.meta.url)` from the export chunk (export-worker-host.ts): emitted as out/main/export-worker.js.
          'export-worker': resolve(__dirname, 'src/core/xlsx/export-worker.ts'),
        },
        output: {
          entryFileNames: (chunk: { name: string }) => (chunk.name === 'sheet-reader' ? '[name].mjs' : '[name].js'),
          chunkFileNames: '[name]-[hash].js',
          // The message catalogue is its own chunk: the export chunk (which plain Node also runs) and the core's
          // lazily loaded modules say things through it, and would otherwise import it from the Electron entry.
          manualChunks: (id: string) => (id.includes('/src/shared/messages/') ? 'messages' : undefined),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require(): it must be one self-contained CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer:
    mode === SHELL_ONLY_MODE
      ? undefined
      : {
          root: resolve(__dirname, 'src/renderer'),
          build: {
            rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
            // electron-vite leaves the renderer unminified by default: ~1.2 MB of JavaScript to parse at every
            // start instead of ~0.6 MB (the figures in README > Performance are for the minified build).
            minify: true,
          },
          plugins: [vue(), preloadAppEntry()],
        },
}))
