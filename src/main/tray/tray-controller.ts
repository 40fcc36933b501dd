import { Menu, nativeImage, nativeTheme, Tray, type NativeImage } from 'electron'
import { join } from 'node:path'
import type { EngineState } from '../../shared/domain/engine'
import type { Logger } from '../../core/ports'
import { probeTrayHost, trayIsVisible, type TrayHostVerdict } from './tray-host-probe'
import { trayIconFile, trayMenuLabels, trayModel, type Lang, type TrayIconState } from './tray-status'

export interface TrayActions {
  showWindow(): void
  pause(): void
  resume(): void
  openDataFolder(): void
  quit(): void
}

export interface TrayControllerDeps {
  resourcesDir: string
  platform: NodeJS.Platform
  language: () => Lang
  actions: TrayActions
  logger: Logger
  /** Whether the desktop shows tray icons at all (Linux asks D-Bus for a StatusNotifierWatcher). */
  probe?: () => Promise<TrayHostVerdict>
}

/** The tray icon, tooltip and menu, redrawn only when what they show changes. */
export class TrayController {
  private tray: Tray | null = null
  private state: EngineState | null = null
  private shown = ''
  private tip: string | null = null
  /** Until the probe answers, a Linux tray is not trusted to be seen. */
  private hostVisible: boolean
  private readonly onTheme = () => this.render(true)
  /** Settles once the desktop's tray support is known. */
  probed: Promise<void> = Promise.resolve()

  constructor(private readonly deps: TrayControllerDeps) {
    this.hostVisible = deps.platform !== 'linux'
  }

  /** A tray exists and the desktop shows it: only then may the window hide to it. */
  get available(): boolean {
    return this.tray !== null && this.hostVisible
  }

  /** The tooltip last set (Electron has no getter); null without a tray. */
  get tooltip(): string | null {
    return this.tray ? this.tip : null
  }

  /** False when the desktop has no tray (some Linux sessions): the caller must not hide the window to it. */
  start(initial: EngineState | null): boolean {
    this.state = initial
    try {
      this.tray = new Tray(this.image(trayModel(initial, this.deps.language()).icon))
    } catch (err) {
      this.deps.logger.warn('tray unavailable', { error: err instanceof Error ? err.name : 'unknown' })
      return false
    }
    if (this.deps.platform === 'linux') {
      const probe = this.deps.probe ?? (() => probeTrayHost('linux'))
      this.probed = probe().then(
        (verdict) => {
          this.hostVisible = trayIsVisible(verdict)
          if (!this.hostVisible) this.deps.logger.warn('no tray host on this desktop; closing the window quits', { verdict })
        },
        () => undefined,
      )
    }
    // macOS opens the menu on click; elsewhere a click brings the window back and the menu is on right-click.
    if (this.deps.platform !== 'darwin') this.tray.on('click', () => this.deps.actions.showWindow())
    nativeTheme.on('updated', this.onTheme)
    this.render(true)
    return true
  }

  update(state: EngineState): void {
    this.state = state
    this.render(false)
  }

  /** The language changed. */
  refresh(): void {
    this.render(true)
  }

  dispose(): void {
    nativeTheme.off('updated', this.onTheme)
    this.tray?.destroy()
    this.tray = null
  }

  private darkTaskbar(): boolean {
    // Windows themes the taskbar separately from apps (and from nativeTheme.themeSource, which follows the app's own
    // theme setting). Linux has no API for the panel's colour; GNOME's top bar and most default panels are dark, so
    // the glyph for dark panels is used there whatever the app's theme. (macOS uses template images.)
    return this.deps.platform === 'win32' ? nativeTheme.shouldUseDarkColorsForSystemIntegratedUI : true
  }

  private image(icon: TrayIconState): NativeImage {
    const img = nativeImage.createFromPath(join(this.deps.resourcesDir, trayIconFile(icon, this.deps.platform, this.darkTaskbar())))
    if (this.deps.platform === 'darwin') img.setTemplateImage(true)
    return img
  }

  private render(force: boolean): void {
    const tray = this.tray
    if (!tray) return
    const lang = this.deps.language()
    const model = trayModel(this.state, lang)
    const key = JSON.stringify([model, lang, this.darkTaskbar()])
    if (!force && key === this.shown) return
    this.shown = key
    tray.setImage(this.image(model.icon))
    tray.setToolTip(model.tooltip)
    this.tip = model.tooltip
    if (this.deps.platform === 'darwin') tray.setTitle(model.title)
    const t = trayMenuLabels(lang)
    const a = this.deps.actions
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: model.pendingLabel, enabled: false },
        { type: 'separator' },
        { label: t.show, click: () => a.showWindow() },
        model.paused ? { label: t.resume, click: () => a.resume() } : { label: t.pause, click: () => a.pause() },
        { label: t.openData, click: () => a.openDataFolder() },
        { type: 'separator' },
        { label: t.quit, click: () => a.quit() },
      ]),
    )
  }
}
