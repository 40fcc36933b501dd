import { msg, render, type Message } from '../../shared/messages'

/** Our own schema version for stored job records (conf's project-version migrations are not used). */
export const CURRENT_SCHEMA_VERSION = 1

/** Turns one stored record of version v into version v+1. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>

/** The data was written by a newer version of the app: never overwrite it with an older understanding. */
export class NewerSchemaError extends Error {
  /** What people read (the catalogue's data.newerSchema); the Error's message is for logs. */
  readonly text: Message

  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    const text = msg('data.newerSchema', { file, found, supported })
    super(render(text, 'en'))
    this.name = 'NewerSchemaError'
    this.text = text
  }
}

/** The version a stored file or line declares; none means 0 (written before versions existed). */
export function versionOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0
}

/** Brings one record from `from` to `target`, applying `migrations[v]` in order. */
export function migrateRecord<T>(
  file: string,
  record: Record<string, unknown>,
  from: number,
  migrations: Record<number, Migration>,
  target = CURRENT_SCHEMA_VERSION,
): T {
  if (from > target) throw new NewerSchemaError(file, from, target)
  let current = record
  for (let v = from; v < target; v++) {
    const step = migrations[v]
    if (!step) throw new Error(`${file}: no migration from schema ${v} to ${v + 1}`)
    current = step(current)
  }
  return current as T
}
