// The app as electron-builder really packs it, for Linux, Windows and macOS: the project's electron-builder.yml and a
// fresh `electron-vite build`, packed by the real builder (`--dir`) around stand-in Electron distributions
// (test/helpers/fake-electron-dist.ts), so app.asar, the files beside it, the fuses in the binary and the launchers
// are what an installer carries, not an imitation of the rules. Each build is staged in a temporary project folder
// (package.json, electron-builder.yml, out/, resources, packaging and a link to node_modules): out/ is not shared.
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, posix } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type * as Asar from '@electron/asar'
import type * as Fuses from '@electron/fuses'
import type * as Resedit from 'resedit'
import { trayIconFile, trayResourcesDir } from '../../../src/main/tray/tray-status'
import { offlinePackArgs, writeFakeElectronDist, writeFakeIcns, type DistPlatform } from '../../helpers/fake-electron-dist'

const root = process.cwd()
const requireCjs = createRequire(import.meta.url)
// electron-builder's own dependencies: the archive reader, the fuse reader, the PE resource reader, the plist parser.
const asar = requireCjs('@electron/asar') as typeof Asar
const fuses = requireCjs('@electron/fuses') as typeof Fuses
const resedit = requireCjs('resedit') as typeof Resedit
const plist = requireCjs('plist') as { parse: (xml: string) => Record<string, unknown> }

const config = parseYaml(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { executableName: string; electronFuses: Record<string, boolean> }
const work = mkdtempSync(join(tmpdir(), 'microent-packed-'))
const stage = join(work, 'project')
const PLATFORMS: DistPlatform[] = ['linux', 'win', 'mac']

/** Where each build put the app: its folder, its archive and the file that carries the fuses. */
function layout(p: DistPlatform): { app: string; resources: string; asar: string; fuseFile: string } {
  const exe = config.executableName
  if (p === 'mac') {
    const bundle = join(work, 'pack-mac', 'mac', `${exe}.app`)
    return { app: bundle, resources: join(bundle, 'Contents', 'Resources'), asar: join(bundle, 'Contents', 'Resources', 'app.asar'), fuseFile: bundle }
  }
  const app = join(work, `pack-${p}`, `${p}-unpacked`)
  return { app, resources: join(app, 'resources'), asar: join(app, 'resources', 'app.asar'), fuseFile: join(app, p === 'win' ? `${exe}.exe` : exe) }
}

/**
 * Linux only (CI's Linux job included): the stand-ins are shell stubs and the launchers POSIX scripts, and on macOS the
 * builder would sign the stand-in app; the macOS and Windows CI jobs package the real app with electron-builder --dir.
 */
const packsHere = process.platform === 'linux'

beforeAll(async () => {
  if (!packsHere) return
  mkdirSync(stage)
  for (const f of ['package.json', 'electron-builder.yml']) copyFileSync(join(root, f), join(stage, f))
  // Copies, not links: the builder's file walker does not follow a linked folder (resources/** would go missing).
  for (const d of ['resources', 'packaging']) cpSync(join(root, d), join(stage, d), { recursive: true })
  symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'))
  execFileSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', join(stage, 'out'), '--logLevel', 'error'], { cwd: root, stdio: 'pipe', timeout: 120_000 })
  // What a checkout's out/ may also hold (npm run build:cli, npm run web), which must not be packed.
  for (const f of ['cli/microent.mjs', 'web-renderer/index.html', 'main/index.js.map']) {
    mkdirSync(join(stage, 'out', posix.dirname(f)), { recursive: true })
    writeFileSync(join(stage, 'out', f), '', { flag: 'a' })
  }
  const icns = writeFakeIcns(join(work, 'icon.icns'))
  const cli = join(root, 'node_modules', 'electron-builder', 'cli.js')
  await Promise.all(
    PLATFORMS.map((p) => promisify(execFile)(process.execPath, [cli, ...offlinePackArgs(p, writeFakeElectronDist(join(work, `electron-${p}`), p), join(work, `pack-${p}`), icns)], { cwd: stage, timeout: 150_000 })),
  )
}, 240_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The archive's files, as paths without the leading slash. */
const filesIn = (archive: string) => new Set(asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/').replace(/^\//, '')))
const read = (archive: string, file: string) => asar.extractFile(archive, file).toString('utf8')

/** Relative and bare imports of a built file (static `from "x"`, side-effect `import "x"`, dynamic `import("x")`). */
function importsOf(code: string): string[] {
  return [...code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"/gm), ...code.matchAll(/^import\s*"([^"]+)"/gm), ...code.matchAll(/\bimport\s*\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1] as string)
}

/** A bare specifier's package folder in the archive (node_modules/<name> or node_modules/@scope/<name>). */
const packageOf = (spec: string) => `node_modules/${spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]}`
const isBuiltin = (spec: string) => spec.startsWith('node:') || spec === 'electron' || requireCjs('node:module').builtinModules.includes(spec)

describe.runIf(packsHere)('app.asar as electron-builder packs it', () => {
  it.each(PLATFORMS)('%s: holds the entry package.json names, the preload and the renderer main loads from app.getAppPath()', (p) => {
    const { asar: archive, resources } = layout(p)
    const files = filesIn(archive)
    const pkg = JSON.parse(read(archive, 'package.json')) as { main: string }
    expect(files.has(posix.normalize(pkg.main))).toBe(true)
    // index.ts: join(appPath, 'out', 'preload', 'index.cjs') and serveBundle(join(appPath, 'out', 'renderer')).
    expect(files.has('out/preload/index.cjs')).toBe(true)
    const html = read(archive, 'out/renderer/index.html')
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => `out/renderer/${m[1]}`)
    expect(assets.length).toBeGreaterThan(1)
    for (const a of assets) expect(files.has(a), a).toBe(true)
    // src/cli/provenance.ts reads ../../package.json from its chunk in out/main: the archive's own.
    expect(files.has('package.json')).toBe(true)
    // Nothing is unpacked: a worker outside the archive could not resolve its imports inside it.
    expect(existsSync(join(resources, 'app.asar.unpacked'))).toBe(false)
  })

  it.each(PLATFORMS)('%s: every worker main starts is in the archive beside the chunk that asks for it, and so is all it imports', (p) => {
    const { asar: archive } = layout(p)
    const files = filesIn(archive)
    const main = [...files].filter((f) => f.startsWith('out/main/') && /\.m?js$/.test(f))
    const workers = new Set<string>()
    for (const chunk of main) {
      for (const m of read(archive, chunk).matchAll(/new URL\("\.\/([^"]+\.m?js)", import\.meta\.url\)/g)) {
        const entry = posix.join(posix.dirname(chunk), m[1] as string)
        expect(files.has(entry), `${entry}, asked for by ${chunk}`).toBe(true)
        workers.add(entry)
      }
    }
    expect([...workers].sort()).toEqual(['out/main/export-worker.js', 'out/main/sheet-reader.mjs'])
    // What a worker imports must resolve inside the archive too: our chunks, and production dependencies packed
    // under node_modules (SheetJS for the reader).
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const spec of importsOf(read(archive, file))) {
        if (spec.startsWith('.')) {
          const target = posix.join(posix.dirname(file), spec)
          expect(files.has(target), `${target}, imported by ${file}`).toBe(true)
          visit(target)
        } else if (!isBuiltin(spec)) {
          expect(files.has(`${packageOf(spec)}/package.json`), `${spec}, imported by ${file}`).toBe(true)
        }
      }
    }
    for (const w of workers) visit(w)
    expect(files.has('node_modules/xlsx/package.json')).toBe(true)
  })

  it.each(PLATFORMS)('%s: has every tray image in the folder main reads it from (Windows: beside the archive), and the window icon', (p) => {
    const { asar: archive, resources } = layout(p)
    const files = filesIn(archive)
    const platform = ({ linux: 'linux', win: 'win32', mac: 'darwin' } as const)[p]
    // index.ts: trayResourcesDir(appPath/resources, process.resourcesPath), the window icon from appPath/resources.
    const dir = trayResourcesDir({ platform, isPackaged: true, appResourcesDir: 'app.asar/resources', processResourcesPath: 'beside' })
    for (const state of ['idle', 'busy', 'paused', 'offline', 'attention'] as const) {
      for (const dark of [true, false]) {
        const file = trayIconFile(state, platform, dark)
        if (dir === 'beside') expect(existsSync(join(resources, file)), file).toBe(true)
        else expect(files.has(`resources/${file}`), file).toBe(true)
      }
    }
    expect(files.has('resources/icons/512x512.png')).toBe(true)
  })

  it("keeps the CLI bundle for a checkout, the browser host's renderer, source maps and devDependencies out of the archive", () => {
    const files = filesIn(layout('linux').asar)
    expect([...files].filter((f) => /^out\/(cli|web-renderer)\//.test(f) || f.endsWith('.map'))).toEqual([])
    const dev = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies)
    expect(dev.filter((d) => files.has(`node_modules/${d}/package.json`))).toEqual([])
  })
})

describe.runIf(packsHere)('the binaries electron-builder leaves', () => {
  const FUSE_OPTIONS: Record<string, keyof typeof fuses.FuseV1Options> = {
    runAsNode: 'RunAsNode',
    enableCookieEncryption: 'EnableCookieEncryption',
    enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
    enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
    enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
    onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
    loadBrowserProcessSpecificV8Snapshot: 'LoadBrowserProcessSpecificV8Snapshot',
    grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges',
  }

  it.each(PLATFORMS)('%s: has every fuse flipped as electron-builder.yml sets it (no run-as-node, NODE_OPTIONS or --inspect)', async (p) => {
    const wire = (await fuses.getCurrentFuseWire(layout(p).fuseFile)) as unknown as Record<number, number>
    // A fuse's state is an ASCII digit in the wire: '1' on, '0' off.
    const state = (on: boolean) => (on ? 0x31 : 0x30)
    expect(Object.keys(config.electronFuses).sort()).toEqual(Object.keys(FUSE_OPTIONS).sort())
    for (const [name, on] of Object.entries(config.electronFuses)) expect(wire[fuses.FuseV1Options[FUSE_OPTIONS[name] as keyof typeof fuses.FuseV1Options]], name).toBe(state(on))
    expect(wire[fuses.FuseV1Options.RunAsNode]).toBe(state(false))
    expect(wire[fuses.FuseV1Options.OnlyLoadAppFromAsar]).toBe(state(true))
  })

  /** The integrity Electron checks the archive's header against at start (the fuse above makes it refuse others). */
  const headerHash = (archive: string) => createHash('sha256').update(asar.getRawHeader(archive).headerString).digest('hex')

  it('Windows: the exe carries the archive header hash Electron validates at start', () => {
    const { fuseFile, asar: archive } = layout('win')
    const exe = resedit.NtExecutable.from(readFileSync(fuseFile))
    const entry = resedit.NtExecutableResource.from(exe).entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR')
    expect(entry).toBeDefined()
    const list = JSON.parse(Buffer.from(entry?.bin as ArrayBuffer).toString('utf8')) as { file: string; alg: string; value: string }[]
    expect(list).toEqual([{ file: 'resources\\app.asar', alg: 'SHA256', value: headerHash(archive) }])
  })

  it('macOS: Info.plist carries the archive header hash, the app id and the executable the launcher runs', () => {
    const { app, asar: archive } = layout('mac')
    const info = plist.parse(readFileSync(join(app, 'Contents', 'Info.plist'), 'utf8'))
    expect(info.ElectronAsarIntegrity).toEqual({ 'Resources/app.asar': { algorithm: 'SHA256', hash: headerHash(archive) } })
    expect(info.CFBundleIdentifier).toBe('cn.microent.desk')
    expect(existsSync(join(app, 'Contents', 'MacOS', info.CFBundleExecutable as string))).toBe(true)
  })
})

describe.runIf(packsHere)('the microent launchers in the packed app (README > Command line)', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')

  it('Windows: microent.cmd lands beside the exe it runs', () => {
    const { app } = layout('win')
    expect(readFileSync(join(app, 'microent.cmd'))).toEqual(readFileSync(join(root, 'packaging', 'launchers', 'win', 'microent.cmd')))
    expect(existsSync(join(app, `${config.executableName}.exe`))).toBe(true)
    expect(readme).toContain(`\`microent.cmd\` beside \`${config.executableName}.exe\``)
  })

  it('macOS: Contents/Resources/bin/microent is executable, in the bundle README tells the user to link from', () => {
    const { app } = layout('mac')
    const launcher = join(app, 'Contents', 'Resources', 'bin', 'microent')
    expect(statSync(launcher).mode & 0o111).toBe(0o111)
    // The bundle is named after executableName, not the Chinese product name (Finder shows CFBundleDisplayName).
    const bundle = app.split('/').at(-1) as string
    expect(readme).toContain(`"/Applications/${bundle}/Contents/Resources/bin/microent"`)
    expect(readme).not.toMatch(/\/Applications\/(?!microent-desk\.app)[^/"]+\.app/)
  })

  /** A stand-in for the app's binary: prints its arguments one a line in brackets, then stdin, and exits 7. */
  const standIn = '#!/bin/sh\nfor a in "$@"; do printf \'[%s]\\n\' "$a"; done\ncat\nexit 7\n'
  const args = ['list', '--json', 'a b', '北京 小微科技', '', '$HOME', '*', "it's"]
  const expected = (before: string[]) => [...before, '--cli', ...args].map((a) => `[${a}]`).join('\n') + '\nfrom stdin\n'

  it('macOS: the launcher, linked onto the PATH, runs the app binary with --cli, arguments, stdin and exit code unchanged', () => {
    // Installed under a folder with a space and Chinese characters; the binary swapped for the stand-in, and
    // PlistBuddy (macOS only) for a stand-in that reads the same key from the XML plist electron-builder wrote.
    const apps = join(work, 'Apps 应用')
    const bundle = join(apps, 'microent-desk.app')
    cpSync(layout('mac').app, bundle, { recursive: true })
    const info = plist.parse(readFileSync(join(bundle, 'Contents', 'Info.plist'), 'utf8'))
    writeFileSync(join(bundle, 'Contents', 'MacOS', info.CFBundleExecutable as string), standIn, { mode: 0o755 })
    const buddy = join(work, 'plistbuddy')
    writeFileSync(buddy, `#!/bin/sh\n[ "$1 $2" = "-c Print :CFBundleExecutable" ] || exit 9\nsed -n '/<key>CFBundleExecutable<\\/key>/{n;s/.*<string>\\(.*\\)<\\/string>.*/\\1/p;}' "$3"\n`, { mode: 0o755 })
    const launcher = join(bundle, 'Contents', 'Resources', 'bin', 'microent')
    writeFileSync(launcher, readFileSync(launcher, 'utf8').replace('/usr/libexec/PlistBuddy', buddy), { mode: 0o755 })
    // Linked twice over: /usr/local/bin/microent -> a relative link -> the launcher.
    const bin = join(work, 'bin')
    mkdirSync(join(work, 'links'))
    mkdirSync(bin)
    symlinkSync(launcher, join(work, 'links', 'microent'))
    symlinkSync('../links/microent', join(bin, 'microent'))
    const cases = [
      ['by its link on the PATH', 'microent', work],
      ['by a relative link', 'bin/microent', work],
      // With CDPATH set, `cd bin/../..` may go to another folder's bin/../.. and print where it went.
      ['by a relative path from the bundle, CDPATH naming a folder with a bin/', 'bin/microent', join(bundle, 'Contents', 'Resources')],
    ] as const
    for (const [how, command, cwd] of cases) {
      const r = spawnSync('sh', ['-c', `${command} "$@"`, 'sh', ...args], { cwd, input: 'from stdin\n', encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, CDPATH: work } })
      expect([how, r.stdout, r.stderr]).toEqual([how, expected([]), ''])
      expect(r.status).toBe(7)
    }
  })

  it('Linux deb: /usr/bin/microent runs the app binary with --cli, arguments, stdin and exit code unchanged, headless without a display', () => {
    const app = join(work, 'usr bin 应用')
    mkdirSync(app)
    const binary = join(app, config.executableName)
    writeFileSync(binary, standIn, { mode: 0o755 })
    const launcher = join(work, 'microent-deb')
    writeFileSync(launcher, readFileSync(join(root, 'packaging', 'launchers', 'linux', 'microent'), 'utf8').replaceAll(`/usr/bin/${config.executableName}`, `'${binary}'`))
    chmodSync(launcher, 0o755)
    const run = (env: NodeJS.ProcessEnv) => spawnSync(launcher, args, { input: 'from stdin\n', encoding: 'utf8', env })
    const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...noDisplay } = process.env
    const headless = run(noDisplay)
    expect([headless.stdout, headless.status]).toEqual([expected(['--ozone-platform=headless']), 7])
    const desktop = run({ ...noDisplay, DISPLAY: ':0' })
    expect([desktop.stdout, desktop.status]).toEqual([expected([]), 7])
  })
})
