// Electron processes the smoke tests start themselves (the app as the command line, a second launch), and ending an
// app Playwright started the way a crash does.
import { spawn } from 'node:child_process'
import type { ElectronApplication } from 'playwright-core'

/**
 * Chromium's switch for a process we spawn ourselves (Playwright adds it to its own launches on Linux). Ubuntu 24.04
 * (GitHub's ubuntu-latest) forbids the unprivileged user namespaces Chromium's sandbox prefers, and an npm-installed
 * chrome-sandbox is not setuid root, so without it Electron aborts at start-up ("The SUID sandbox helper binary was
 * found, but is not configured correctly"), before the app's main runs, even for `--cli` which opens no window. It
 * goes before `--cli`: everything after that switch is the CLI's.
 */
export const SANDBOX_ARGS: readonly string[] = process.platform === 'linux' ? ['--no-sandbox'] : []

export interface Ran {
  code: number | null
  stdout: string
  stderr: string
  /** It outlived the timeout and was killed. */
  timedOut: boolean
}

/** Runs an executable to its end with the output collected; killed after `timeoutMs` so no run outlives its test. */
export function runProcess(
  executable: string,
  args: readonly string[],
  env: Record<string, string>,
  opts: { cwd: string; timeoutMs?: number; /** Windows: the arguments joined as given (a cmd.exe command line). */ verbatim?: boolean },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, [...args], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], windowsVerbatimArguments: opts.verbatim === true })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, opts.timeoutMs ?? 60_000)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, timedOut })
    })
  })
}

/**
 * Ends the app at once, as a crash or a power cut would (no quit handlers run). The main process is killed by its
 * own pid: on Windows Playwright starts Electron through a shell, so `app.process()` is cmd.exe and killing it would
 * leave the app running (holding its lock, so the next launch would only wake it). Resolves once Playwright has
 * seen the launch end.
 */
export async function killApp(app: ElectronApplication): Promise<void> {
  const pid = await app.evaluate(() => process.pid)
  const closed = new Promise<void>((resolve) => app.once('close', () => resolve()))
  process.kill(pid, 'SIGKILL')
  await closed
}
