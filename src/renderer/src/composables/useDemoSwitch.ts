import { useDialog } from 'naive-ui'
import { useT } from '../i18n'
import { useSettingsStore } from '../stores/settings'
import { useReport } from './useReport'

/**
 * Entering and leaving demo mode. Both restart the desktop app, so leaving (which takes the user away from the demo
 * lookups) is confirmed first; entering costs nothing and needs no confirmation.
 */
export function useDemoSwitch() {
  const t = useT()
  const settings = useSettingsStore()
  const report = useReport()
  const dialog = useDialog()

  async function switchTo(on: boolean): Promise<void> {
    const res = await settings.setDemo(on)
    if (!res.ok) return report.error(res.error)
    report.info(t.value.demo.restarting)
  }

  function enter(): Promise<void> {
    return switchTo(true)
  }

  function leave(): void {
    dialog.warning({
      title: t.value.demo.leave,
      content: t.value.demo.leaveBody,
      positiveText: t.value.demo.leaveConfirm,
      negativeText: t.value.common.cancel,
      onPositiveClick: () => switchTo(false),
    })
  }

  return { enter, leave }
}
