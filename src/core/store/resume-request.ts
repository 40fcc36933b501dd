/**
 * `microent resume` while another process (a running `run`, the app) holds the data folder: it cannot open the
 * folder, so it leaves a request file, and the holder, which looks for it every second, resumes and removes it.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Timers } from '../ports'

const FILE = 'resume.request'
const CHECK_MS = 1_000

export function resumeRequestPath(dataDir: string): string {
  return join(dataDir, FILE)
}

/** Leaves the request; returns its path. */
export function requestResume(dataDir: string, from: string): string {
  const path = resumeRequestPath(dataDir)
  writeFileSync(path, JSON.stringify({ from, at: Date.now() }))
  return path
}

/** The holder's side: calls `onRequest` for each request found; returns a stop function. */
export function watchResumeRequests(dataDir: string, timers: Timers, onRequest: () => void): () => void {
  const path = resumeRequestPath(dataDir)
  let handle: unknown = null
  let stopped = false
  const check = () => {
    if (stopped) return
    if (existsSync(path)) {
      rmSync(path, { force: true })
      onRequest()
    }
    handle = timers.setTimeout(check, CHECK_MS)
    ;(handle as { unref?: () => void }).unref?.()
  }
  check()
  return () => {
    stopped = true
    if (handle !== null) timers.clearTimeout(handle)
  }
}
