/** The recording classes behind fake-electron.ts: windows, webContents, tray, notifications. */
import { EventEmitter } from 'node:events'

export interface PreventableEvent {
  defaultPrevented: boolean
  preventDefault(): void
  [k: string]: unknown
}
export function preventable(extra: Record<string, unknown> = {}): PreventableEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
    ...extra,
  }
}

export type Rect = { x: number; y: number; width: number; height: number }
type WindowOpenHandler = (d: { url: string }) => { action: string }

let nextContentsId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++
  url = ''
  destroyed = false
  sent: [string, unknown][] = []
  windowOpenHandler: WindowOpenHandler | null = null
  reloads = 0
  readonly mainFrame = { processId: 1, routingId: this.id, parent: null, url: '' }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
  getURL(): string {
    return this.url
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setWindowOpenHandler(h: WindowOpenHandler): void {
    this.windowOpenHandler = h
  }
  reload(): void {
    this.reloads++
  }
  /** What the page would see after loading `url`. */
  navigateTo(url: string): void {
    this.url = url
    this.mainFrame.url = url
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  /** Electron announces every new webContents on `app`; the fake does the same. */
  static onCreate: (w: FakeBrowserWindow) => void = () => undefined
  readonly webContents = new FakeWebContents()
  visible = false
  focused = false
  minimized = false
  maximized = false
  destroyed = false
  bounds: Rect
  loaded: string[] = []
  constructor(readonly options: Record<string, unknown>) {
    super()
    this.bounds = { x: Number(options.x ?? 0), y: Number(options.y ?? 0), width: Number(options.width ?? 800), height: Number(options.height ?? 600) }
    FakeBrowserWindow.instances.push(this)
    FakeBrowserWindow.onCreate(this)
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url)
    this.webContents.navigateTo(url)
  }
  show() {
    this.visible = true
  }
  hide() {
    this.visible = false
    this.focused = false
  }
  focus() {
    this.focused = true
  }
  isFocused() {
    return this.focused
  }
  isVisible() {
    return this.visible
  }
  isMinimized() {
    return this.minimized
  }
  restore() {
    this.minimized = false
  }
  maximize() {
    this.maximized = true
  }
  isMaximized() {
    return this.maximized
  }
  getNormalBounds(): Rect {
    return { ...this.bounds }
  }
  isDestroyed() {
    return this.destroyed
  }
  /** Like a click on the close button: listeners may prevent it. */
  close(): void {
    const e = preventable()
    this.emit('close', e)
    if (e.defaultPrevented) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
}

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = []
  static fails = false
  image: FakeImage
  tooltip = ''
  title = ''
  menu: { items: Record<string, unknown>[] } | null = null
  destroyed = false
  constructor(image: FakeImage) {
    super()
    if (FakeTray.fails) throw new Error('no tray here')
    this.image = image
    FakeTray.instances.push(this)
  }
  setImage(i: FakeImage) {
    this.image = i
  }
  setToolTip(t: string) {
    this.tooltip = t
  }
  setTitle(t: string) {
    this.title = t
  }
  setContextMenu(m: { items: Record<string, unknown>[] }) {
    this.menu = m
  }
  destroy() {
    this.destroyed = true
  }
}

export interface FakeImage {
  path: string
  template: boolean
  setTemplateImage(v: boolean): void
}

export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = []
  static supported = true
  /** Windows: the callback Notification.handleActivation registered. */
  static activation: ((details: { type: string; arguments: string }) => void) | null = null
  static isSupported() {
    return FakeNotification.supported
  }
  static handleActivation(cb: (details: { type: string; arguments: string }) => void) {
    FakeNotification.activation = cb
  }
  shown = false
  closed = false
  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeNotification.instances.push(this)
  }
  show() {
    this.shown = true
  }
  /** Electron emits `close` for a programmatic close too (on Windows it also removes the toast from Action Center). */
  close() {
    this.closed = true
    this.emit('close', preventable())
  }
}
