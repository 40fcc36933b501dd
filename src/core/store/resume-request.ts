/**
 * `microent resume` while another process (a running `run`, the app) holds the data folder: it cannot open the
 * folder, so it leaves a request file; the holder, which looks for it every second, resumes and writes its answer
 * into the file (whether anything was held), and the asker reads the answer and removes the file. The file is only
 * ever replaced whole (a temp file renamed over it), so neither side reads half of it.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Timers } from '../ports'

const FILE = 'resume.request'
const CHECK_MS = 1_000

/** What the holder found when asked: whether a pause or a hold the user lifts (quota, record, damaged data) was on. */
export interface ResumeAnswer {
  held: boolean
}

interface RequestFile {
  from?: string
  at?: number
  answer?: ResumeAnswer
}

export function resumeRequestPath(dataDir: string): string {
  return join(dataDir, FILE)
}

function writeWhole(path: string, content: RequestFile): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(content))
  renameSync(`${path}.tmp`, path)
}

function readRequest(path: string): RequestFile | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
    return parsed && typeof parsed === 'object' ? (parsed as RequestFile) : {}
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    return {} // not ours to judge: any file there is a request
  }
}

/** Leaves the request; returns its path. */
export function requestResume(dataDir: string, from: string): string {
  const path = resumeRequestPath(dataDir)
  writeWhole(path, { from, at: Date.now() })
  return path
}

/**
 * The asker's side: the holder's answer once written, `gone` when the file was removed without one (a holder of an
 * earlier version, which removed it once it had resumed), null while it waits to be taken.
 */
export function resumeAnswer(path: string): ResumeAnswer | 'gone' | null {
  const request = readRequest(path)
  if (request === null) return 'gone'
  return request.answer && typeof request.answer.held === 'boolean' ? request.answer : null
}

/** The holder's side: calls `onRequest` for each request found and writes its answer; returns a stop function. */
export function watchResumeRequests(dataDir: string, timers: Timers, onRequest: () => ResumeAnswer): () => void {
  const path = resumeRequestPath(dataDir)
  let handle: unknown = null
  let stopped = false
  const check = () => {
    if (stopped) return
    const request = existsSync(path) ? readRequest(path) : null
    // An answered request waits for its asker to read it (or for the next request to replace it).
    if (request && !request.answer) {
      const answer = onRequest()
      try {
        writeWhole(path, { ...request, answer })
      } catch {
        rmSync(path, { force: true }) // resumed all the same; the asker, finding no file, says the request was taken
      }
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
