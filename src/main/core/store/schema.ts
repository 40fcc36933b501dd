/** Our own schema version for the data files (conf's project-version migrations are not used). */
export const CURRENT_SCHEMA_VERSION = 1

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/** The data was written by a newer version of the app: never overwrite it with an older understanding. */
export class NewerSchemaError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `${file} 由更新版本的程序写入（数据版本 ${found}，本程序支持 ${supported}），请升级程序。` +
        `${file} was written by a newer version (schema ${found}; this version reads up to ${supported}). Please upgrade.`,
    )
    this.name = 'NewerSchemaError'
  }
}

/**
 * Brings `data` to `target` by applying `migrations[v]` (which turns version v into v+1) in order.
 * A file without a version is version 0 (or brand new when it is empty).
 */
export function migrate(
  file: string,
  data: Record<string, unknown>,
  migrations: Record<number, Migration>,
  target = CURRENT_SCHEMA_VERSION,
): { data: Record<string, unknown>; from: number; changed: boolean } {
  const isEmpty = Object.keys(data).length === 0
  const raw = data.schemaVersion
  const from = isEmpty ? target : typeof raw === 'number' && Number.isInteger(raw) ? raw : 0
  if (from > target) throw new NewerSchemaError(file, from, target)
  let current = data
  for (let v = from; v < target; v++) {
    const step = migrations[v]
    if (!step) throw new Error(`${file}: no migration from schema ${v} to ${v + 1}`)
    current = { ...step(current), schemaVersion: v + 1 }
  }
  return { data: { ...current, schemaVersion: target }, from, changed: from !== target || isEmpty }
}
