/**
 * What a backup bundle is (`microent backup` writes it, `microent restore` checks it): the data folder's files at
 * the zip's top level, each under its own name, and `manifest.json` listing every one with its size and SHA-256.
 * Both sides use these rules, so a bundle this version writes is exactly what it accepts.
 */
import { z } from 'zod'
import { redactUrl } from '../juhe/source'

export const MANIFEST_NAME = 'manifest.json'
export const BUNDLE_FORMAT = 'microent-desk-backup'
export const BUNDLE_VERSION = 1

export interface BundleFile {
  path: string
  size: number
  sha256: string
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT
  version: number
  app: { name: string; version: string }
  /** UTC, ISO 8601. */
  createdAt: string
  /** The charged-call record's hash-chain head when the copy was taken (verify-charge-record.ts). */
  chainHead: string
  chainIntact: boolean
  files: BundleFile[]
}

/**
 * The data folder's files, as README's "Where data lives" lists them, plus anything a start set aside. Not the lock,
 * not `resume.request` (a message to a running process), not temp files of an interrupted write (`*.tmp`,
 * `*.tmp-<stamp>`): those are no data, and a lock restored elsewhere would claim a process that is not there.
 */
const DATA_FILES = [
  /^journal\.jsonl(\.compacting)?$/,
  /^(queue|archive)-\d{2}\.json$/,
  /^(snapshot-files|batches|holds|settings)\.json$/,
  // Each batch's input rows, as read from its source file.
  /^batch-rows-[\w-]+\.json$/,
  /^charges\.(jsonl|meta\.json)$/,
  /^recovery-report-[\w.-]+\.json$/,
  /^[\w.-]+\.corrupt-[\w.-]+$/,
]
const TEMP = /\.tmp$|\.tmp-/

export function isDataFileName(name: string): boolean {
  return !TEMP.test(name) && DATA_FILES.some((re) => re.test(name))
}

/** Names a bundle may never bring into a data folder, whatever its manifest says. */
const RESERVED = new Set(['microent.lock', 'resume.request', MANIFEST_NAME])
// Windows device names are no files there, with or without an extension.
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i

/**
 * A name a restore may write: one plain file name inside the data folder. Letters, digits, `.`, `_`, `-` only, so
 * no separator (`/`, `\`), no drive or stream (`C:`, `a:b`), no `..` segment, no hidden or control characters.
 */
export function isSafeBundlePath(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(name) && !DEVICE.test(name) && !RESERVED.has(name.toLowerCase())
}

const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int().min(1),
  app: z.object({ name: z.string(), version: z.string() }),
  createdAt: z.string(),
  chainHead: z.string(),
  chainIntact: z.boolean(),
  files: z.array(z.object({ path: z.string(), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
})

/** The manifest read from a bundle, or why it cannot be used (the detail is for the message, in English). */
export function parseManifest(bytes: Buffer): { ok: true; manifest: BundleManifest } | { ok: false; detail: string } {
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString('utf8'))
  } catch {
    return { ok: false, detail: 'not JSON' }
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, detail: issue ? `${issue.path.join('.') || 'manifest'}: ${issue.message}` : 'not a backup manifest' }
  }
  if (parsed.data.version > BUNDLE_VERSION) return { ok: false, detail: `format version ${parsed.data.version}, this app reads ${BUNDLE_VERSION}` }
  return { ok: true, manifest: parsed.data as BundleManifest }
}

/** A field that holds a secret by its name: apiKey, key, juhe_key, token, secret, password… (not `keyword`). */
export const SECRET_FIELD = /(key|secret|token|password|passwd|credentials?)$/i

function withoutSecrets(value: unknown): unknown {
  if (typeof value === 'string') return redactUrl(value)
  if (Array.isArray(value)) return value.map(withoutSecrets)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) if (!SECRET_FIELD.test(k)) out[k] = withoutSecrets(v)
  return out
}

/**
 * settings.json as it goes into a bundle. The app never puts the API key there (settings.ts; the key has its own
 * encrypted file outside the data folder, the CLI takes JUHE_KEY), but the file is plain JSON a person may have
 * edited: a field named like a key is left out, and a URL's user name and password are masked. Untouched bytes
 * are kept as they are; a file that is no JSON is kept as it is (the backup still refuses it if it holds the key).
 */
export function portableSettings(bytes: Buffer): Buffer {
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString('utf8'))
  } catch {
    return bytes
  }
  const clean = withoutSecrets(raw)
  return JSON.stringify(clean) === JSON.stringify(raw) ? bytes : Buffer.from(JSON.stringify(clean, null, '\t'), 'utf8')
}
