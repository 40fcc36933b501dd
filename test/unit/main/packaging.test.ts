import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { APP_ID, PRODUCT_NAME_ZH } from '../../../src/main/app/identity'
import { SHORTCUT_NAME } from '../../../src/main/notifications/windows-toast'
import { TRAY_ICO_SIZES, trayIconFile, type TrayIconState } from '../../../src/main/tray/tray-status'

const root = process.cwd()
const requireCjs = createRequire(import.meta.url)

interface BuilderConfig {
  appId: string
  fileAssociations?: unknown
  protocols?: unknown
  asarUnpack?: unknown
  nsis: { deleteAppDataOnUninstall: boolean; perMachine: boolean; shortcutName: string; include?: string }
  executableName: string
  productName: string
  files: (string | { filter: string[] })[]
  asar: boolean
  electronFuses: Record<string, boolean>
  win: { target: { target: string; arch: string[] }[]; icon: string; artifactName: string; extraFiles?: FileCopy[]; extraResources?: FileCopy[] }
  mac: { target: { target: string; arch: string[] }[]; icon: string; artifactName: string; extraResources?: FileCopy[] }
  linux: { target: string[]; icon: string; artifactName: string }
  deb?: { fpm?: string[] }
}

type FileCopy = string | { from?: string; to?: string; filter?: string[] }

let config: BuilderConfig

beforeAll(async () => {
  // electron-builder's own loader and schema validation, so an unknown or misplaced key fails here, not on release day.
  const { getConfig, validateConfiguration } = requireCjs('app-builder-lib/out/util/config/config.js')
  const { DebugLogger } = requireCjs('builder-util')
  config = await getConfig(root, null, null)
  await validateConfiguration(config, new DebugLogger(false))
})

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file)
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG')
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
}

describe('electron-builder configuration', () => {
  it('names the app as the window and the AppUserModelID do', () => {
    expect(config.appId).toBe(APP_ID)
    expect(config.productName).toBe(PRODUCT_NAME_ZH)
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).productName).toBe(PRODUCT_NAME_ZH)
  })

  it('flips the fuses: no run-as-node, NODE_OPTIONS or --inspect; only the integrity-checked asar loads', () => {
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('builds nsis x64 for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg'])
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
  })

  it('ships the build output and the resources the app loads at run time', () => {
    // The validator normalises the list into file sets.
    const files = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter))
    expect(files).toEqual(expect.arrayContaining(['out/**', 'resources/**', 'package.json']))
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main).toBe('./out/main/index.js')
  })
})

describe('what the installers do and are called', () => {
  it('registers no file types and no URL scheme: the app opens nothing on the system behalf', () => {
    expect(config.fileAssociations).toBeUndefined()
    expect(config.protocols).toBeUndefined()
  })

  it('keeps the data folder on uninstall, installs per user, and names the Start menu shortcut the app stamps', () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false)
    expect(config.nsis.perMachine).toBe(false)
    // notifications/windows-toast.ts finds this shortcut to give it the toast activator CLSID.
    expect(config.nsis.shortcutName).toBe(SHORTCUT_NAME)
  })

  it('installs for the current user only: the app can stamp only a per-user Start menu shortcut', () => {
    // perMachine: false alone shows a "for me / for everyone" page; an all-users shortcut is not writable unelevated.
    const include = readFileSync(join(root, config.nsis.include ?? 'missing'), 'utf8')
    expect(include.replace(/;.*$/gm, '')).toMatch(/!macro customInstallMode\s+StrCpy \$isForceCurrentInstall "1"\s+!macroend/)
    // electron-builder's install-mode page still calls that hook and honours the flag.
    const page = readFileSync(requireCjs.resolve('app-builder-lib/templates/nsis/multiUserUi.nsh'), 'utf8')
    expect(page).toContain('!insertmacro customInstallMode')
    expect(page).toMatch(/\$\{if\} \$isForceCurrentInstall == "1"[\s\S]*?setInstallModePerUser/)
  })

  it('gives every artifact an ASCII name with the version, the system and the architecture', () => {
    expect(config.executableName).toBe('microent-desk')
    for (const [os, name] of [['win', config.win.artifactName], ['mac', config.mac.artifactName], ['linux', config.linux.artifactName]] as const) {
      expect(name).toBe(`MicroEnt-Desk-\${version}-${os}-\${arch}.\${ext}`)
      expect(name).toMatch(/^[\x20-\x7e]+$/)
    }
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }])
  })
})

describe('the microent launcher each installer ships (README > Command line)', () => {
  const copies = (list: FileCopy[] | undefined) => (list ?? []).map((c) => (typeof c === 'string' ? { from: c, to: c } : c))
  const launcher = (file: string) => {
    const path = join(root, file)
    expect(existsSync(path), file).toBe(true)
    return { text: readFileSync(path, 'utf8'), mode: statSync(path).mode }
  }

  it('deb: /usr/bin/microent runs the installed binary with --cli (with or without a display)', () => {
    const mapping = (config.deb?.fpm ?? []).find((a) => a.endsWith('=/usr/bin/microent'))
    expect(mapping).toBe('packaging/launchers/linux/microent=/usr/bin/microent')
    const { text, mode } = launcher('packaging/launchers/linux/microent')
    expect(mode & 0o111).toBe(0o111)
    expect(text.startsWith('#!/bin/sh\n')).toBe(true)
    // /usr/bin/<executableName> is the link electron-builder's deb always installs.
    const runs = [...text.matchAll(/^\s*exec (.+)$/gm)].map((m) => m[1])
    expect(runs).toEqual([`/usr/bin/${config.executableName} --ozone-platform=headless --cli "$@"`, `/usr/bin/${config.executableName} --cli "$@"`])
    expect(spawnSync('sh', ['-n', join(root, 'packaging/launchers/linux/microent')]).status).toBe(0)
  })

  it('Windows: microent.cmd beside the exe runs it with --cli and passes its exit code on', () => {
    expect(copies(config.win.extraFiles)).toContainEqual(expect.objectContaining({ from: 'packaging/launchers/win/microent.cmd', to: 'microent.cmd' }))
    const { text } = launcher('packaging/launchers/win/microent.cmd')
    const lines = text.split('\r\n')
    // Its own folder read in a called label (a quoted name found through the PATH breaks %~dp0 in the main body);
    // the arguments passed straight (through CALL, ^ and % in them would be doubled).
    expect(lines.filter((l) => !l.startsWith('rem ')).join('\n')).toBe(
      ['@echo off', 'setlocal DisableDelayedExpansion', 'call :here', `"%here%${config.executableName}.exe" --cli %*`, 'exit /b %ERRORLEVEL%', '', ':here', 'set "here=%~dp0"', 'exit /b 0', ''].join('\n'),
    )
    // cmd.exe reads a batch file in the console's code page: ASCII only, CRLF line ends.
    expect(text).toMatch(/^[\x20-\x7e\r\n]+$/)
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('macOS: Contents/Resources/bin/microent finds the app binary through its own (linked) location', () => {
    expect(copies(config.mac.extraResources)).toContainEqual(expect.objectContaining({ from: 'packaging/launchers/mac/microent', to: 'bin/microent' }))
    const { text, mode } = launcher('packaging/launchers/mac/microent')
    expect(mode & 0o111).toBe(0o111)
    expect(text).toContain('exec "$contents/MacOS/$exe" --cli "$@"')
    expect(spawnSync('sh', ['-n', join(root, 'packaging/launchers/mac/microent')]).status).toBe(0)
  })
})

describe('icons', () => {
  it('has a 1024 px app icon for .icns/.ico and the Linux size set', () => {
    expect(pngSize(join(root, config.win.icon))).toEqual({ width: 1024, height: 1024 })
    expect(config.mac.icon).toBe(config.win.icon)
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(join(root, config.linux.icon, `${s}x${s}.png`))).toEqual({ width: s, height: s })
  })

  it('has every tray image the app can ask for, each with a @2x version', () => {
    const states: TrayIconState[] = ['idle', 'busy', 'paused', 'offline', 'attention']
    for (const state of states) {
      for (const [platform, dark] of [['darwin', false], ['linux', true], ['linux', false]] as const) {
        const file = join(root, 'resources', trayIconFile(state, platform, dark))
        expect(pngSize(file)).toEqual({ width: 16, height: 16 })
        expect(pngSize(file.replace(/\.png$/, '@2x.png'))).toEqual({ width: 32, height: 32 })
      }
    }
  })

  it('gives the Windows tray an .ico with a drawn image for 100% to 300% scaling (125% and 150% included)', () => {
    for (const state of ['idle', 'busy', 'paused', 'offline', 'attention'] as TrayIconState[]) {
      for (const dark of [true, false]) {
        const file = trayIconFile(state, 'win32', dark)
        expect(file).toMatch(/\.ico$/)
        const ico = readFileSync(join(root, 'resources', file))
        expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
        const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
          const e = 6 + i * 16
          const png = ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8))
          expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
          expect(png.readUInt32BE(16)).toBe(ico[e])
          return ico[e]
        })
        expect(sizes).toEqual([...TRAY_ICO_SIZES])
      }
    }
  })

  it('puts the Windows tray .ico files beside app.asar, where tray-status.ts trayResourcesDir looks, and not inside it', () => {
    expect(config.win.extraResources).toContainEqual({ from: 'resources/tray', to: 'tray', filter: ['*.ico'] })
    const files = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter))
    expect(files).toContain('!resources/tray/*.ico')
    // trayIconFile's path is relative to that folder: tray/<name>.ico lands as resources/tray/<name>.ico.
    expect(trayIconFile('idle', 'win32', true)).toBe('tray/idle-dark.ico')
  })

  it('matches what scripts/generate-icons.mjs draws (regenerate after changing it)', () => {
    const out = mkdtempSync(join(tmpdir(), 'microent-icons-'))
    execFileSync(process.execPath, [join(root, 'scripts', 'generate-icons.mjs'), '--out', out], { stdio: 'pipe' })
    const files = readdirSync(out, { recursive: true }).filter((f) => /\.(png|ico)$/.test(String(f))) as string[]
    expect(files.length).toBe(50)
    for (const f of files) {
      expect(existsSync(join(root, 'resources', f)), f).toBe(true)
      expect(readFileSync(join(root, 'resources', f)).equals(readFileSync(join(out, f))), f).toBe(true)
    }
  })
})
