/**
 * Stand-in Electron distributions that electron-builder packs around (its `electronDist` option), so the real
 * builder can produce the real app layout here, where the Electron binary cannot be downloaded: app.asar as the
 * `files` and dependency rules make it, extraFiles/extraResources where they land, the fuses flipped in the binary,
 * the asar integrity written into the exe's resources or Info.plist. Nothing here runs: each "binary" is a shell
 * stub (or an empty PE on Windows) carrying the fuse wire of Electron 45 as it ships, which @electron/fuses finds by
 * its sentinel.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type * as Resedit from 'resedit'

export type DistPlatform = 'linux' | 'win' | 'mac'

/** @electron/fuses's sentinel, then the wire: format version 1, 9 fuses, each '0' (off) or '1' (on). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/**
 * Electron 45's defaults, in FuseV1Options order: RunAsNode on, EnableCookieEncryption off, NODE_OPTIONS on, --inspect
 * on, embedded asar integrity off, only-load-from-asar off, browser V8 snapshot off, file:// privileges on, WASM trap
 * handlers on. Every fuse the config sets starts the other way where it matters, so a fuse left unflipped shows.
 */
export const SHIPPED_FUSE_WIRE = '101100001'

const fuseWire = () => Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, SHIPPED_FUSE_WIRE.length]), Buffer.from(SHIPPED_FUSE_WIRE, 'ascii')])

function write(file: string, content: string | Buffer, executable = false): void {
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, content)
  if (executable) chmodSync(file, 0o755)
}

function plist(entries: Record<string, string>): string {
  const body = Object.entries(entries).map(([k, v]) => `<key>${k}</key><string>${v}</string>`).join('')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict>${body}</dict></plist>\n`
}

/** An empty PE with the one version-info language electron-builder needs to add the asar integrity resource. */
function fakeExe(): Buffer {
  // resedit is electron-builder's own dependency (it writes the integrity resource with it).
  const { NtExecutable, NtExecutableResource, Resource } = createRequire(import.meta.url)('resedit') as typeof Resedit
  const exe = NtExecutable.createEmpty(false, false)
  const resources = NtExecutableResource.from(exe)
  const version = Resource.VersionInfo.createEmpty()
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron' })
  version.outputToResourceEntries(resources.entries)
  resources.outputResource(exe)
  exe.setExtraData(fuseWire())
  return Buffer.from(exe.generate())
}

/** Writes a distribution for `platform` into `dir` (a folder of its own) and returns it. */
export function writeFakeElectronDist(dir: string, platform: DistPlatform): string {
  write(join(dir, 'LICENSE'), 'stand-in\n')
  write(join(dir, 'version'), '45.5.0')
  if (platform === 'linux') {
    write(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), fuseWire()]), true)
    mkdirSync(join(dir, 'resources'), { recursive: true })
  } else if (platform === 'win') {
    write(join(dir, 'electron.exe'), fakeExe())
    mkdirSync(join(dir, 'resources'), { recursive: true })
  } else {
    const contents = join(dir, 'Electron.app', 'Contents')
    write(join(contents, 'Info.plist'), plist({ CFBundleExecutable: 'Electron', CFBundleName: 'Electron', CFBundleIdentifier: 'com.github.Electron', CFBundleDisplayName: 'Electron' }))
    write(join(contents, 'MacOS', 'Electron'), '#!/bin/sh\nexit 0\n', true)
    write(join(contents, 'Resources', '.keep'), '')
    // On macOS the fuses live in the framework, not the app's executable.
    write(join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), fuseWire())
    for (const suffix of ['', ' (Renderer)', ' (GPU)', ' (Plugin)']) {
      const helper = join(contents, 'Frameworks', `Electron Helper${suffix}.app`, 'Contents')
      write(join(helper, 'Info.plist'), plist({ CFBundleExecutable: `Electron Helper${suffix}`, CFBundleName: `Electron Helper${suffix}`, CFBundleIdentifier: 'com.github.Electron.helper' }))
      write(join(helper, 'MacOS', `Electron Helper${suffix}`), '#!/bin/sh\nexit 0\n', true)
    }
  }
  return dir
}

/**
 * The command-line overrides that make `electron-builder --dir` pack around the stand-in without the network:
 * Windows' resource editing (rcedit, downloaded) is skipped, and macOS gets a prebuilt .icns (converting the PNG
 * downloads a tool). Everything else is the project's own electron-builder.yml.
 */
export function offlinePackArgs(platform: DistPlatform, dist: string, output: string, icns: string): string[] {
  const args = ['--dir', `--${platform}`, '--x64', '--publish', 'never', `-c.electronDist=${dist}`, '-c.electronVersion=45.5.0', `-c.directories.output=${output}`]
  if (platform === 'win') args.push('-c.win.signAndEditExecutable=false')
  if (platform === 'mac') args.push(`-c.mac.icon=${icns}`)
  return args
}

/** The smallest file electron-builder accepts as an .icns (it only copies it into Contents/Resources). */
export function writeFakeIcns(file: string): string {
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'ascii')
  header.writeUInt32BE(8, 4)
  write(file, header)
  return file
}
