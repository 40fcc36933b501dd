import { openNodeHost, type NodeHost } from '../main/core/node-host'
import { resolveDataDir, timeScaleFromEnv } from '../main/core/data-dir'
import { DataLockedError } from '../main/core/store/data-lock'
import { NewerSchemaError } from '../main/core/store/schema'
import { CliError, EXIT, type CliIo } from './io'

/** Opens the data folder named by the environment (MICROENT_DATA_DIR, JUHE_KEY, JUHE_BASE_URL, MICROENT_TIME_SCALE). */
export function openHost(io: CliIo): NodeHost {
  const env = io.env
  const key = env.JUHE_KEY?.trim() || null
  try {
    const host = openNodeHost({
      dataDir: resolveDataDir(env),
      app: 'microent CLI',
      key: () => key,
      baseUrl: env.JUHE_BASE_URL?.trim() || null,
      timeScale: timeScaleFromEnv(env),
    })
    for (const n of host.services.notices) {
      io.err(`注意：数据文件损坏，已另存为 ${n.movedTo}，查询已暂停。/ A damaged data file was moved to ${n.movedTo}; lookups are paused.`)
    }
    return host
  } catch (err) {
    if (err instanceof DataLockedError || err instanceof NewerSchemaError) throw new CliError(EXIT.FAILURE, err.message)
    throw err
  }
}

export async function withHost<T>(io: CliIo, fn: (host: NodeHost) => Promise<T> | T): Promise<T> {
  const host = openHost(io)
  try {
    return await fn(host)
  } finally {
    await host.close()
  }
}
