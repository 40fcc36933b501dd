import { formatYuan } from '../../../shared/domain/money'
import { useSettingsStore } from '../stores/settings'

/** Counts of charged calls as money at the price set in Settings: "¥12.00", or null when no price is set. */
export function useMoney(): (calls: number) => string | null {
  const settings = useSettingsStore()
  return (calls) => formatYuan(calls, settings.settings?.pricePerCall ?? null)
}
