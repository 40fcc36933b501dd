/** The layer boundaries fail the build: ESLint, with the project's own config, on code placed where it must not be. */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layer boundaries', () => {
  it.each([
    ['src/core/jobs/fixture.ts', `import { app } from 'electron'\nexport const x = app`],
    ['src/core/jobs/fixture.ts', `import { createAppApi } from '../../api/app-api'\nexport const x = createAppApi`],
    ['src/core/jobs/fixture.ts', `import { createTray } from '../../tray/tray'\nexport const x = createTray`],
    ['src/core/jobs/fixture.ts', `import { startSimulator } from '../../../sim/server'\nexport const x = startSimulator`],
    ['src/main/api/fixture.ts', `import { BrowserWindow } from 'electron'\nexport const x = BrowserWindow`],
    ['src/shared/domain/fixture.ts', `import { readFileSync } from 'node:fs'\nexport const x = readFileSync`],
    ['src/main/app/fixture.ts', `import { startSimulator } from '../../sim/server'\nexport const x = startSimulator`],
    ['src/webhost/fixture.ts', `import { startSimulator } from '../sim/server'\nexport const x = startSimulator`],
    ['src/renderer/src/components/Fixture.vue', `<script setup lang="ts">\nimport { invoke } from '../ipc/client'\nvoid invoke\n</script>\n<template><div /></template>\n`],
    ['src/renderer/src/stores/fixture.ts', `import { readFileSync } from 'node:fs'\nexport const x = readFileSync`],
    // The repository and the ledger stay inside the core, whichever host or layer reaches for them.
    ['src/main/api/fixture.ts', `import { JobRepository } from '../../core/jobs/job-repository'\nexport const x = JobRepository`],
    ['src/main/app/fixture.ts', `import type { ChargeLedger } from '../../core/jobs/charge-ledger'\nexport type X = ChargeLedger`],
    ['src/cli/commands/fixture.ts', `import { ChargeLedger } from '../../core/jobs/charge-ledger'\nexport const x = ChargeLedger`],
    ['src/webhost/fixture.ts', `import { internals } from '../core/services-internals'\nexport const x = internals`],
  ])('%s: a forbidden import fails lint', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([])
  })

  it.each([
    ['src/core/jobs/fixture.ts', `import { isFinal } from '../../../shared/domain/job'\nexport const x = isFinal`],
    ['src/renderer/src/stores/fixture.ts', `import { invoke } from '../ipc/client'\nexport const x = invoke`],
    ['src/cli/fixture.ts', `import { openNodeHost } from '../core/node-host'\nexport const x = openNodeHost`],
    ['src/core/use-cases/fixture.ts', `import { JobRepository } from '../jobs/job-repository'\nexport const x = JobRepository`],
    ['src/main/api/fixture.ts', `import { checkData } from '../../core/use-cases/check-data'\nexport const x = checkData`],
  ])('%s: an allowed import passes', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([])
  })
})
