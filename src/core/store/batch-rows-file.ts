/**
 * Each batch's input rows in a file of its own (`batch-rows-<id>.json`): written once, durably, before the batch is
 * journaled, and read only when the batch is reconciled, so the lookups' snapshot files never carry them.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { BatchInputRow } from '../../shared/domain/batch-rows'
import type { BatchRowStore } from '../jobs/batch-intake'
import { JsonFileStore } from './json-file-store'

const FORMAT = 1
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/

export function batchRowsPath(dataDir: string, batchId: string): string {
  if (!SAFE_ID.test(batchId)) throw new Error(`not a batch id: ${JSON.stringify(batchId)}`)
  return join(dataDir, `batch-rows-${batchId}.json`)
}

export function fileBatchRows(dataDir: string): BatchRowStore {
  return {
    put(batchId, rows) {
      new JsonFileStore(batchRowsPath(dataDir, batchId)).setMany({ format: FORMAT, batchId, rows })
    },
    get(batchId) {
      const path = batchRowsPath(dataDir, batchId)
      if (!existsSync(path)) return null
      try {
        const data = new JsonFileStore(path).all()
        return data.format === FORMAT && Array.isArray(data.rows) ? (data.rows as BatchInputRow[]) : null
      } catch {
        // Damaged: the batch is reconciled from its lookups alone (rows unknown), never guessed.
        return null
      }
    },
  }
}
