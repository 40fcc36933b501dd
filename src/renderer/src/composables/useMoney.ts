import { formatYuan } from '../../../shared/domain/money'
import { useEngineStore } from '../stores/engine'
import { useSettingsStore } from '../stores/settings'

/**
 * Counts of charged calls as money: "¥12.00", or null when no price is set. The price is the team's in team mode
 * when the team has set one (every desk pays the same account), else the one set in Settings.
 */
export function useMoney(): (calls: number) => string | null {
  const settings = useSettingsStore()
  const engine = useEngineStore()
  return (calls) => formatYuan(calls, engine.state?.team?.usage?.pricePerCall ?? settings.settings?.pricePerCall ?? null)
}
