// An electron-builder --dir output to test, named by MICROENT_PACKAGED_DIR (CI builds one with the inspect fuse on).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The --dir output to test, or undefined: the packaged tests then report themselves skipped, not passed. */
export const packagedDir: string | undefined = process.env.MICROENT_PACKAGED_DIR?.trim() || undefined

/**
 * The app's executable in electron-builder's --dir output: `<platform>-unpacked/<executableName>` on Windows and
 * Linux, and on macOS whatever `mac…/<product>.app/Contents/MacOS` holds (the binary there is named after the
 * product, not electron-builder.yml's executableName, depending on the builder's version: the one file it has).
 */
export function packagedExecutable(dir: string): string {
  for (const sub of readdirSync(dir)) {
    if (/-unpacked$/.test(sub)) {
      const exe = join(dir, sub, process.platform === 'win32' ? 'microent-desk.exe' : 'microent-desk')
      if (existsSync(exe)) return exe
    }
    if (/^mac/.test(sub) && statSync(join(dir, sub)).isDirectory()) {
      const bundle = readdirSync(join(dir, sub)).find((f) => f.endsWith('.app'))
      if (!bundle) continue
      const macos = join(dir, sub, bundle, 'Contents', 'MacOS')
      const [exe, ...more] = readdirSync(macos)
      if (exe && more.length === 0) return join(macos, exe)
      const named = bundle.replace(/\.app$/, '')
      if (existsSync(join(macos, named))) return join(macos, named)
    }
  }
  throw new Error(`no packaged app under ${dir} (MICROENT_PACKAGED_DIR): expected win-unpacked, linux-unpacked or mac*/…app`)
}
