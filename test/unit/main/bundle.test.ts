// Builds main and preload with electron-vite (--mode shell skips the renderer; ~3 s) and tests what ships: the
// preload run as Electron runs a sandboxed preload, and the main bundle started against the fake Electron (as the
// command line: bundle-cli.test.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import vm from 'node:vm'
import { describe, expect, it, vi } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../src/shared/ipc/contract'
import { fake, FakeBrowserWindow } from './fake-electron'
import { useShellBuild } from '../../helpers/shell-build'

vi.mock('electron', async () => {
  const { fake } = await import('./fake-electron')
  return { default: fake, ...fake }
})

const root = process.cwd()
const outDir = useShellBuild('bundle-test')

type Exposed = { invoke: (c: string, a?: unknown) => Promise<unknown>; on: (c: string, l: (p: unknown) => void) => () => void }

/** Runs the preload the way a sandboxed renderer does: CommonJS, and `require` knows only 'electron'. */
function runPreload() {
  const code = readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8')
  const required: string[] = []
  const sandboxRequire = (id: string) => {
    required.push(id)
    if (id === 'electron') return { contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }
    throw new Error(`module not found in a sandboxed preload: ${id}`)
  }
  const module = { exports: {} }
  vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, Promise, Set, Object, Error, String })
  return { required, code }
}

describe('built preload', () => {
  it('is one CommonJS file that requires nothing but electron', () => {
    fake.control.reset()
    const { required, code } = runPreload()
    expect(readdirSync(join(outDir, 'preload'))).toEqual(['index.cjs'])
    expect(required).toEqual(['electron'])
    expect(code).not.toMatch(/\bimport\s|require\(["'](?!electron["'])/)
  })

  it('exposes exactly window.api = { invoke, on }, frozen', () => {
    fake.control.reset()
    runPreload()
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['api'])
    const api = fake.contextBridge.exposed.get('api') as Exposed
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('invokes contract channels with one argument, refuses others without touching IPC', async () => {
    fake.control.reset()
    runPreload()
    const api = fake.contextBridge.exposed.get('api') as Exposed
    for (const c of INVOKE_CHANNELS) await api.invoke(c, { probe: c })
    expect(fake.ipcRenderer.invocations).toEqual(INVOKE_CHANNELS.map((c) => [c, { probe: c }]))
    fake.ipcRenderer.invocations = []
    for (const bad of ['electron-store-get-data', 'ELECTRON_BROWSER_REQUIRE', 'app:quit', '__proto__']) {
      expect(await api.invoke(bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(fake.ipcRenderer.invocations).toEqual([])
  })

  it('turns a broken IPC call into the error envelope instead of a rejection', async () => {
    fake.control.reset()
    fake.ipcRenderer.answer = async () => Promise.reject(new Error("No handler registered for 'app:info'"))
    runPreload()
    const api = fake.contextBridge.exposed.get('api') as Exposed
    expect(await api.invoke('app:info')).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    fake.ipcRenderer.answer = async () => ({ ok: true, value: null })
  })

  it('delivers only the payload of contract events, and unsubscribes', () => {
    fake.control.reset()
    runPreload()
    const api = fake.contextBridge.exposed.get('api') as Exposed
    for (const c of EVENT_CHANNELS) {
      const got: unknown[] = []
      const off = api.on(c, (p) => got.push(p))
      fake.ipcRenderer.emit(c, { sender: 'the IPC event must not leak' }, { payload: c })
      off()
      fake.ipcRenderer.emit(c, {}, { payload: 'after unsubscribe' })
      expect(got).toEqual([{ payload: c }])
    }
    expect(() => api.on('electron-store-get-data', () => undefined)).toThrow(/not allowed/)
  })
})

/** Static imports (`import … from "x"` at a line's start) and dynamic ones (`import("x")`) of a built file. */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(file, 'utf8')
  return {
    static: [...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/gm), ...code.matchAll(/^import\s*"([^"]+)"/gm)].map((m) => m[1] as string),
    dynamic: [...code.matchAll(/\bimport\s*\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] as string),
  }
}

const builtFiles = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.(c|m)?js$/.test(f)).map((f) => join(dir, f))

describe('built output, as electron-builder packs it', () => {
  it('starts every worker from a file beside the chunk that names it, inside the asar (never unpacked)', () => {
    const main = join(outDir, 'main')
    const workers = new Set<string>()
    for (const file of builtFiles(main)) {
      // A `.ts` URL is the one a run from source takes (export-worker-host.ts picks by its own file's extension).
      for (const m of readFileSync(file, 'utf8').matchAll(/new URL\("\.\/([^"]+\.m?js)", import\.meta\.url\)/g)) {
        expect(existsSync(join(dirname(file), m[1] as string)), `${m[1]} beside ${file}`).toBe(true)
        workers.add(m[1] as string)
      }
    }
    expect([...workers].sort()).toEqual(['export-worker.js', 'sheet-reader.mjs'])
    // In the archive the layout is out/main/<file> as here: `files` takes out/** and excludes only source maps, and
    // nothing is unpacked (an unpacked worker could not resolve its imports inside app.asar).
    const config = parseYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[]; asar: boolean; asarUnpack?: unknown }
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toBeUndefined()
    expect(config.files).toContain('out/**')
    // (out/cli, the CLI's Node bundle for a checkout, stays out: the app carries the CLI in out/main; so do the
    // browser host's renderer, and the tray's .ico files, which Windows reads from beside the archive.)
    for (const pattern of config.files.filter((f) => f.startsWith('!'))) expect(pattern).toMatch(/^!(\*\*\/(\*\.map|node_modules\/.+)|out\/(cli|web-renderer)\/\*\*|resources\/tray\/\*\.ico)$/)
  })

  it('imports at run time only Node built-ins, electron and production dependencies (devDependencies are not packed)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    const allowed = (spec: string) => {
      if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec) || spec === 'electron') return true
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string)
      return name in pkg.dependencies
    }
    for (const file of [...builtFiles(join(outDir, 'main')), ...builtFiles(join(outDir, 'preload'))]) {
      const { static: s, dynamic: d } = importsOf(file)
      for (const spec of [...s, ...d]) expect(allowed(spec), `${spec} in ${file}`).toBe(true)
    }
  })

  it('keeps exceljs, SheetJS, the team database driver and the simulator out of the start-up path: they load on first use', () => {
    const main = join(outDir, 'main')
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const spec of importsOf(file).static) if (spec.startsWith('.')) visit(join(dirname(file), spec))
    }
    visit(join(main, 'index.js'))
    for (const file of seen) {
      const { static: s } = importsOf(file)
      expect(s.filter((spec) => /^(exceljs|xlsx)(\/|$)/.test(spec)), file).toEqual([])
      // pg and kysely (~100 ms to import) only for a team desk's database (core/team/lazy-postgres.ts).
      expect(s.filter((spec) => /^(pg|kysely)(\/|$)/.test(spec)), file).toEqual([])
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/function startSimulator\b/)
    }
    // The simulator is a chunk of its own, imported by demo mode only.
    const dynamic = importsOf(join(main, 'index.js')).dynamic
    expect(dynamic.some((spec) => readFileSync(join(main, spec), 'utf8').includes('function startSimulator'))).toBe(true)
  })
})

describe('built main', () => {
  it('emits the spreadsheet worker beside every chunk that looks for it', () => {
    const main = join(outDir, 'main')
    expect(existsSync(join(main, 'sheet-reader.mjs'))).toBe(true)
    for (const f of readdirSync(main, { recursive: true }) as string[]) {
      if (!f.endsWith('.js')) continue
      if (readFileSync(join(main, f), 'utf8').includes(`new URL("./sheet-reader.mjs", import.meta.url)`)) expect(f).not.toContain('/')
    }
  })

  it('creates the window with the secure settings when started', async () => {
    const appRoot = mkdtempSync(join(tmpdir(), 'microent-bundle-app-'))
    delete process.env.ELECTRON_RENDERER_URL
    delete process.env.MICROENT_DATA_DIR
    fake.control.reset(appRoot)
    fake.app.isPackaged = true
    fake.app.appPath = '/opt/microent/resources/app.asar'
    await import(/* @vite-ignore */ pathToFileURL(join(outDir, 'main', 'index.js')).href)
    fake.control.resolveReady()
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { timeout: 10_000 })
    const win = FakeBrowserWindow.instances[0] as FakeBrowserWindow
    expect(win.options.webPreferences).toEqual({
      preload: '/opt/microent/resources/app.asar/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    })
    expect(win.loaded).toEqual(['microent://app/index.html'])
    expect(fake.app.calls).toContain('enableSandbox')
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })

    let quit = false
    fake.app.on('quit', () => (quit = true))
    fake.app.quit()
    await vi.waitFor(() => expect(quit).toBe(true), { timeout: 10_000 })
    expect(existsSync(join(appRoot, 'appData', 'microent-desk', 'data', 'microent.lock'))).toBe(false)
  }, 30_000)
})
