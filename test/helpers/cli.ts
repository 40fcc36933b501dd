import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const CLI = fileURLToPath(new URL('../../bin/microent.mjs', import.meta.url))

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Runs the real CLI as a child process (no terminal: stdin closed). */
export function runCli(
  args: string[],
  env: Record<string, string>,
  opts: { killAfterMs?: number; interruptWhen?: () => boolean; killWhen?: () => boolean; timeoutMs?: number; asUser?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A test of what an ordinary user may not do, when the tests run as root (CI does): run the CLI as that user.
      ...(opts.asUser !== undefined ? { uid: opts.asUser, gid: opts.asUser } : {}),
    })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d) => (stdout += d))
    child.stderr?.on('data', (d) => (stderr += d))
    const timers: NodeJS.Timeout[] = []
    if (opts.killAfterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), opts.killAfterMs))
    // SIGINT asks the CLI to stop as a user would; SIGKILL is a crash (nothing of the process runs after it).
    for (const [check, signal] of [[opts.interruptWhen, 'SIGINT'], [opts.killWhen, 'SIGKILL']] as const) {
      if (!check) continue
      const poll = setInterval(() => {
        if (!check()) return
        clearInterval(poll)
        child.kill(signal)
      }, 50)
      timers.push(poll)
    }
    timers.push(setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      timers.forEach(clearTimeout)
      resolve({ code, signal, stdout, stderr })
    })
  })
}
