#!/usr/bin/env node
// `microent` from a checkout (`npm run cli`, the package's bin). It runs the CLI bundle out/cli/microent.mjs
// (scripts/build-cli.mjs) and first rebuilds it (esbuild, under a second) when it is missing or any file it was
// built from changed since, so a stale bundle never runs. MICROENT_CLI_FROM_SOURCE=1 runs the TypeScript sources
// through tsx instead (slower start; also the fallback where esbuild is not installed). The installed app carries
// the CLI in its own main bundle: `MicroEnt-Desk --cli <command>` (README > Command line).
const fromSource = process.env.MICROENT_CLI_FROM_SOURCE === '1'
let main
if (!fromSource) {
  // The freshness check alone (~1 ms: reading inputs.json and one stat per source file); esbuild and the build
  // script load only to rebuild. Node's fs comes through process.getBuiltinModule: an ESM import of it would load
  // Node's streams stack at every start (README > Performance).
  const { CLI_BUNDLE, cliBundleState } = await import('../scripts/cli-bundle-state.mjs')
  let usable = cliBundleState() === 'fresh'
  if (!usable && process.getBuiltinModule('node:fs').existsSync(new URL('../node_modules/esbuild/package.json', import.meta.url))) {
    const { ensureCli } = await import('../scripts/build-cli.mjs')
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
