import type { AllowEntry } from './electronegativity-gate'

/**
 * Reviewed electronegativity findings of MEDIUM or HIGH severity that are not vulnerabilities here. Each entry
 * names the check, the file, optionally a piece of the flagged line, and why. An entry that stops matching fails
 * the gate, so this list cannot outlive the code it describes.
 */
export const ALLOWLIST: AllowEntry[] = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/main/adapters/electron-shell.ts',
    sample: 'shell.openExternal(url)',
    reason: 'Only after isSafeExternalUrl(url): https, a public host name, no credentials, no IP literal (tests: test/unit/main/security/external-url.test.ts).',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/main/security/navigation.ts',
    sample: 'policy.openExternal(url)',
    reason: 'Guarded by isSafeExternalUrl on the same line; policy.openExternal is openExternalChecked, which checks again.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'src/main/window/main-window.ts',
    sample: 'preload: deps.preloadPath',
    reason: 'Manual-review check. The preload exposes only invoke/on for the contract allowlist; test/unit/main/bundle.test.ts runs the built file and proves it.',
  },
]
