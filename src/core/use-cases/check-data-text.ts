/** What each finding of the data check says, and what a repair does about it, as catalogue messages. */
import type { Finding } from './check-data'
import { msg, type Message } from '../../shared/messages'

export interface FindingText {
  text: Message
  /** What `doctor --repair` (or the window's repair) does about it. */
  repair: Message
}

export function findingText(f: Finding): FindingText {
  switch (f.kind) {
    case 'damaged_file':
      return { text: msg('data.damagedFile', { file: f.file, reason: f.reason }), repair: msg('data.repairDamagedFile') }
    case 'record':
      return { text: f.text, repair: msg('data.repairRecord') }
    case 'charge_without_lookup':
      return {
        text: msg('data.chargeWithoutLookup', { keyword: f.keyword, at: f.at, jobid: f.jobid, outcome: f.outcome }),
        repair: msg('data.repairChargeWithoutLookup'),
      }
    case 'lookup_without_charge':
      return { text: msg('data.lookupWithoutCharge', { keyword: f.keyword, jobid: f.jobid }), repair: msg('data.repairLookupWithoutCharge') }
  }
}
