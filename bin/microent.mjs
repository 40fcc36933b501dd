#!/usr/bin/env node
// `microent` from a checkout (`npm run cli`, the package's bin). It runs the CLI bundle out/cli/microent.mjs
// (scripts/build-cli.mjs) and first rebuilds it (esbuild, under a second) when it is missing or any file it was
// built from changed since, so a stale bundle never runs. MICROENT_CLI_FROM_SOURCE=1 runs the TypeScript sources
// through tsx instead (slower start; also the fallback where esbuild is not installed). The installed app carries
// the CLI in its own main bundle: `MicroEnt-Desk --cli <command>` (README > Command line).
import { existsSync } from 'node:fs'

const fromSource = process.env.MICROENT_CLI_FROM_SOURCE === '1'
let main
if (!fromSource) {
  // The freshness check alone, without esbuild: reading inputs.json and one stat per source file (~2 ms).
  const { cliBundleState, ensureCli, CLI_BUNDLE } = await import('../scripts/build-cli.mjs')
  const state = cliBundleState()
  let usable = state === 'fresh'
  if (!usable && existsSync(new URL('../node_modules/esbuild/package.json', import.meta.url))) {
    await ensureCli()
    usable = true
  }
  if (usable) ({ main } = await import(new URL(`../out/cli/${CLI_BUNDLE}`, import.meta.url).href))
}
if (!main) {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../src/cli/main.ts'))
}
process.exitCode = await main(process.argv.slice(2))
