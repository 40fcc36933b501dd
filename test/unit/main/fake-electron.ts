/**
 * A recording stand-in for the `electron` module (the binary cannot run here). Tests mock the module with
 * `vi.mock('electron', async () => { const { fake } = await import('./fake-electron'); return { default: fake, ...fake } })`
 * and then inspect `fake`. The objects are singletons reset in place, because modules keep references to them.
 */
import { EventEmitter } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeBrowserWindow, FakeNotification, FakeTray, preventable, type FakeImage, type Rect } from './fake-electron-classes'

export { FakeBrowserWindow, FakeNotification, FakeTray, FakeWebContents, preventable, type PreventableEvent } from './fake-electron-classes'

/** Reversible stand-in for OS encryption: not real crypto, only proves values went through it. */
const fakeEncrypt = (s: string, prefix = '') => Buffer.from(`${prefix}ENC(${Buffer.from(s, 'utf8').toString('hex')})`, 'utf8')
const fakeDecrypt = (b: Buffer) => {
  // Chromium's Linux ciphertexts start with v10 (fixed password) or v11 (key from the keyring).
  const m = /^(?:v1\d)?ENC\(([0-9a-f]*)\)$/.exec(b.toString('utf8'))
  if (!m) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
  return Buffer.from(m[1] as string, 'hex').toString('utf8')
}

function createFake() {
  const state = {
    paths: {} as Record<string, string>,
    readyResolve: (() => undefined) as () => void,
    ready: Promise.resolve() as Promise<void>,
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    singleInstance: true,
    appPath: process.cwd(),
    calls: [] as string[],
    getPath: (name: string) => {
      const p = state.paths[name]
      if (!p) throw new Error(`unknown path ${name}`)
      return p
    },
    setPath: (name: string, value: string) => {
      state.paths[name] = value
    },
    getVersion: () => '0.1.0',
    getAppPath: () => app.appPath,
    whenReady: () => state.ready,
    requestSingleInstanceLock: () => {
      app.calls.push('requestSingleInstanceLock')
      return app.singleInstance
    },
    enableSandbox: () => app.calls.push('enableSandbox'),
    setAppUserModelId: (id: string) => app.calls.push(`setAppUserModelId:${id}`),
    setToastActivatorCLSID: (id: string) => app.calls.push(`setToastActivatorCLSID:${id}`),
    /** The arguments of each app.relaunch (Electron starts a new instance once this one quits). */
    relaunched: [] as (string[] | null)[],
    relaunch: (opts?: { args?: string[] }) => void app.relaunched.push(opts?.args ?? null),
    exitCode: null as number | null,
    exit: (code = 0) => {
      app.exitCode = code
    },
    quitCount: 0,
    /** Electron's order: before-quit (preventable), then will-quit and quit. */
    quit: () => {
      app.quitCount++
      const e = preventable()
      app.emit('before-quit', e)
      if (e.defaultPrevented) return
      app.emit('will-quit', preventable())
      app.emit('quit')
    },
  })

  const ipcMain = Object.assign(new EventEmitter(), {
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    handle(channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) {
      if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      ipcMain.handlers.set(channel, fn)
    },
    removeHandler(channel: string) {
      ipcMain.handlers.delete(channel)
    },
  })

  type PermissionRequest = (wc: unknown, permission: string, cb: (ok: boolean) => void, details?: unknown) => void
  type PermissionCheck = (...a: unknown[]) => boolean
  type BeforeRequest = (d: { url: string; resourceType?: string }, cb: (r: { cancel: boolean }) => void) => void
  const defaultSession = Object.assign(new EventEmitter(), {
    permissionRequestHandler: null as PermissionRequest | null,
    permissionCheckHandler: null as PermissionCheck | null,
    devicePermissionHandler: null as PermissionCheck | null,
    beforeRequest: null as BeforeRequest | null,
    setPermissionRequestHandler(h: PermissionRequest) {
      defaultSession.permissionRequestHandler = h
    },
    setPermissionCheckHandler(h: PermissionCheck) {
      defaultSession.permissionCheckHandler = h
    },
    setDevicePermissionHandler(h: PermissionCheck) {
      defaultSession.devicePermissionHandler = h
    },
    webRequest: {
      onBeforeRequest(h: BeforeRequest) {
        defaultSession.beforeRequest = h
      },
    },
  })
  const session = { defaultSession }

  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, (req: Request) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: unknown[]) {
      protocol.privileged.push(...schemes)
    },
    handle(scheme: string, h: (req: Request) => Promise<Response>) {
      protocol.handlers.set(scheme, h)
    },
  }

  const safeStorage = {
    available: true,
    backend: 'gnome_libsecret',
    shouldReEncrypt: false,
    failEncrypt: false,
    /** What Chromium puts before a Linux ciphertext: 'v10' fixed password, 'v11' keyring; '' elsewhere. */
    prefix: '',
    syncCalls: 0,
    asyncCalls: 0,
    async isAsyncEncryptionAvailable() {
      safeStorage.asyncCalls++
      return safeStorage.available
    },
    getSelectedStorageBackend() {
      return safeStorage.backend
    },
    async encryptStringAsync(s: string) {
      safeStorage.asyncCalls++
      if (safeStorage.failEncrypt || !safeStorage.available) throw new Error('Encryption is not available.')
      return fakeEncrypt(s, safeStorage.prefix)
    },
    async decryptStringAsync(b: Buffer) {
      if (!safeStorage.available) throw new Error('Decryption is not available.')
      return { result: fakeDecrypt(b), shouldReEncrypt: safeStorage.shouldReEncrypt }
    },
    // Electron 45 deprecates the synchronous API: any use is counted so tests can prove there is none.
    isEncryptionAvailable() {
      safeStorage.syncCalls++
      return safeStorage.available
    },
    encryptString(s: string) {
      safeStorage.syncCalls++
      return fakeEncrypt(s)
    },
    decryptString(b: Buffer) {
      safeStorage.syncCalls++
      return fakeDecrypt(b)
    },
  }

  const nativeImage = {
    createFromPath: (path: string): FakeImage => ({
      path,
      template: false,
      setTemplateImage(v: boolean) {
        this.template = v
      },
    }),
  }
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true, themeSource: 'system' })
  const Menu = {
    applicationMenu: undefined as unknown,
    buildFromTemplate: (items: Record<string, unknown>[]) => ({ items }),
    setApplicationMenu: (m: unknown) => {
      Menu.applicationMenu = m
    },
  }
  const powerMonitor = new EventEmitter()
  const net = { online: true, isOnline: () => net.online }
  const screen = {
    displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] as { workArea: Rect }[],
    getAllDisplays: () => screen.displays,
    getPrimaryDisplay: () => screen.displays[0],
  }
  const shell = {
    opened: [] as string[],
    external: [] as string[],
    openPathResult: '',
    async openPath(p: string) {
      shell.opened.push(p)
      return shell.openPathResult
    },
    async openExternal(u: string) {
      shell.external.push(u)
    },
    shortcuts: new Map<string, Record<string, unknown>>(),
    readShortcutLink(p: string) {
      const link = shell.shortcuts.get(p)
      if (!link) throw new Error('Failed to read shortcut link')
      return { ...link } as { target: string }
    },
    writeShortcutLink(p: string, _op: string, options: Record<string, unknown>) {
      shell.shortcuts.set(p, { ...options })
      return true
    },
  }
  const dialog = {
    errors: [] as [string, string][],
    openResult: { canceled: true, filePaths: [] as string[] } as { canceled: boolean; filePaths: string[] },
    saveResult: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
    openCalls: [] as unknown[][],
    saveCalls: [] as unknown[][],
    async showOpenDialog(...a: unknown[]) {
      dialog.openCalls.push(a)
      return dialog.openResult
    },
    async showSaveDialog(...a: unknown[]) {
      dialog.saveCalls.push(a)
      return dialog.saveResult
    },
    showErrorBox(title: string, content: string) {
      dialog.errors.push([title, content])
    },
    messages: [] as Record<string, unknown>[],
    messageAnswer: 0,
    async showMessageBox(...a: unknown[]) {
      dialog.messages.push(a.find((x) => x && typeof x === 'object' && 'message' in x) as Record<string, unknown>)
      return { response: dialog.messageAnswer, checkboxChecked: false }
    },
  }
  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, value: unknown) {
      contextBridge.exposed.set(key, value)
    },
  }
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invocations: [] as unknown[][],
    answer: (async () => ({ ok: true, value: null })) as (...a: unknown[]) => Promise<unknown>,
    invoke(...a: unknown[]) {
      ipcRenderer.invocations.push(a)
      return ipcRenderer.answer(...a)
    },
  })

  FakeBrowserWindow.onCreate = (w) => app.emit('web-contents-created', preventable(), w.webContents)

  function reset(root: string = join(tmpdir(), `fake-electron-${process.pid}`)): void {
    state.paths = { appData: join(root, 'appData'), userData: join(root, 'appData', 'Electron'), documents: join(root, 'Documents'), temp: tmpdir() }
    state.ready = new Promise<void>((r) => (state.readyResolve = r))
    app.removeAllListeners()
    Object.assign(app, { isPackaged: false, singleInstance: true, appPath: process.cwd(), calls: [], relaunched: [], exitCode: null, quitCount: 0 })
    ipcMain.removeAllListeners()
    ipcMain.handlers.clear()
    session.defaultSession.removeAllListeners()
    Object.assign(session.defaultSession, { permissionRequestHandler: null, permissionCheckHandler: null, devicePermissionHandler: null, beforeRequest: null })
    protocol.privileged = []
    protocol.handlers.clear()
    Object.assign(safeStorage, { available: true, backend: 'gnome_libsecret', shouldReEncrypt: false, failEncrypt: false, prefix: '', syncCalls: 0, asyncCalls: 0 })
    nativeTheme.removeAllListeners()
    Object.assign(nativeTheme, { shouldUseDarkColors: false, shouldUseDarkColorsForSystemIntegratedUI: true, themeSource: 'system' })
    Menu.applicationMenu = undefined
    powerMonitor.removeAllListeners()
    net.online = true
    screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]
    Object.assign(shell, { opened: [], external: [], openPathResult: '' })
    shell.shortcuts.clear()
    Object.assign(dialog, { errors: [], messages: [], messageAnswer: 0, openCalls: [], saveCalls: [], openResult: { canceled: true, filePaths: [] }, saveResult: { canceled: true, filePath: '' } })
    contextBridge.exposed.clear()
    ipcRenderer.removeAllListeners()
    ipcRenderer.invocations = []
    FakeBrowserWindow.instances = []
    FakeTray.instances = []
    FakeTray.fails = false
    FakeNotification.instances = []
    FakeNotification.supported = true
    FakeNotification.activation = null
  }

  return {
    app,
    ipcMain,
    session,
    protocol,
    safeStorage,
    nativeImage,
    nativeTheme,
    Menu,
    powerMonitor,
    net,
    screen,
    shell,
    dialog,
    contextBridge,
    ipcRenderer,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    Notification: FakeNotification,
    /** Test controls (not part of Electron). */
    control: {
      reset,
      resolveReady: () => state.readyResolve(),
    },
  }
}

// One instance per test file even across vi.resetModules(), so re-imported app code and the test share it.
const holder = globalThis as { __microentFakeElectron?: ReturnType<typeof createFake> }
if (!holder.__microentFakeElectron) {
  holder.__microentFakeElectron = createFake()
  holder.__microentFakeElectron.control.reset()
}
export const fake = holder.__microentFakeElectron
