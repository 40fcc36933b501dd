import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { NO_USER_HOLDS, type QuotaHold, type UserHoldStore, type UserHolds } from '../persistence'
import { DamagedFileError, JsonFileStore } from './json-file-store'
import { msg } from '../../shared/messages'

/** A damaged holds file is read as held: lifting a hold is the user's word, never a reading error's. */
const UNREADABLE: QuotaHold = { code: null, text: msg('data.holdsUnreadable'), since: 0 }

/** `<dataDir>/holds.json`: absent when nothing is held, so an ordinary folder has no such file. */
export function userHoldFile(dataDir: string): UserHoldStore {
  const path = join(dataDir, 'holds.json')
  return {
    read(): UserHolds {
      if (!existsSync(path)) return NO_USER_HOLDS
      try {
        const quota = new JsonFileStore(path).get<QuotaHold>('quota') ?? null
        return { quota }
      } catch (err) {
        if (err instanceof DamagedFileError) return { quota: UNREADABLE }
        throw err
      }
    },
    write(holds: UserHolds): void {
      if (holds.quota === null) rmSync(path, { force: true })
      else new JsonFileStore(path).set('quota', holds.quota)
    },
  }
}
