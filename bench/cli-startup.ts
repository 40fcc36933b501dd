// How long `microent list --json` takes to start and answer, against a bare Node start in the same run:
//   npm run bench:cli [-- --runs 15] [--clean-env]
// Three ways, interleaved round by round so a busy machine slows them alike: the bundle (bin/microent.mjs running
// out/cli/microent.mjs, rebuilt first if stale), the TypeScript sources through tsx (MICROENT_CLI_FROM_SOURCE=1,
// how every start went before the bundle), and `node -e 0`. The data folder holds a few lookups (a small
// queued by the CLI itself, nothing sent). Goal: bundle / bare Node < 2. On a machine whose 2 cores are busy with
// other work the wall-clock ratio grows (each start waits for a core more often than a bare Node does), so on Linux
// the CPU time each start used (user + sys, from this process's reaped-children counters) is printed beside it.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'bin', 'microent.mjs')
const runsAt = process.argv.indexOf('--runs')
const runs = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 15

const dataDir = mkdtempSync(join(tmpdir(), 'microent-bench-cli-'))
// Every variant starts with the same environment: by default the caller's (as `microent` really starts: Node reads
// NODE_OPTIONS, and NODE_EXTRA_CA_CERTS costs every start ~20 ms of CPU here), with --clean-env only PATH and HOME.
const cleanEnv = process.argv.includes('--clean-env')
const base: NodeJS.ProcessEnv = cleanEnv ? { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() } : { ...process.env }
delete base.MICROENT_CLI_FROM_SOURCE
const env = { ...base, MICROENT_DATA_DIR: dataDir, LANG: 'en_US.UTF-8' }
const startupVars = ['NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS'].filter((k) => env[k as keyof typeof env])

/** CPU time (ms) of the children this process has reaped: /proc/self/stat's cutime + cstime (Linux; USER_HZ 100). */
function childCpuMs(): number | null {
  if (!existsSync('/proc/self/stat')) return null
  const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ')
  // After "pid (comm) ", field 3 (state) is index 0: cutime and cstime are fields 16 and 17.
  return (Number(fields[13]) + Number(fields[14])) * 10
}

function run(args: string[], extraEnv: Record<string, string> = {}): { ms: number; cpuMs: number | null; stdout: string } {
  const cpuBefore = childCpuMs()
  const started = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const cpuAfter = childCpuMs()
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`)
  return { ms, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, stdout: r.stdout }
}

// A small data folder: three lookups queued by the CLI itself (no key needed to queue; nothing is sent).
run([bin, 'submit', '91110000802100433B', '91310000MA1FL0FN5A', '北京小微科技有限公司', '--yes'], { JUHE_KEY: 'bench-key-not-used' })
const listed = JSON.parse(run([bin, 'list', '--json']).stdout) as unknown[]
if (!Array.isArray(listed) || listed.length === 0) throw new Error('the seed left no lookups to list')

const variants: { name: string; args: string[]; env?: Record<string, string> }[] = [
  { name: 'bare node (node -e 0)', args: ['-e', '0'] },
  { name: 'bundle (bin/microent.mjs -> out/cli)', args: [bin, 'list', '--json'] },
  { name: 'tsx from source', args: [bin, 'list', '--json'], env: { MICROENT_CLI_FROM_SOURCE: '1' } },
]
// One warm-up each (the file cache, a stale bundle rebuilt), not counted.
for (const v of variants) run(v.args, v.env)
const times = new Map<string, number[]>(variants.map((v) => [v.name, []]))
const cpu = new Map<string, number[]>(variants.map((v) => [v.name, []]))
for (let i = 0; i < runs; i++) {
  for (const v of variants) {
    const r = run(v.args, v.env)
    times.get(v.name)?.push(r.ms)
    if (r.cpuMs !== null) cpu.get(v.name)?.push(r.cpuMs)
  }
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
const medians = new Map([...times].map(([k, xs]) => [k, median(xs)]))
const bare = medians.get(variants[0]?.name ?? '') ?? NaN
const bareCpu = mean(cpu.get(variants[0]?.name ?? '') ?? [])
const envText = cleanEnv ? 'clean environment (PATH, HOME)' : `the caller's environment${startupVars.length ? ` (with ${startupVars.join(', ')})` : ''}`
console.log(`microent list --json (${listed.length} lookups), ${runs} runs each, Node ${process.version}, ${envText}`)
for (const v of variants) {
  const xs = times.get(v.name) ?? []
  const m = medians.get(v.name) ?? NaN
  const c = cpu.get(v.name) ?? []
  const cpuText = c.length ? `; CPU ${mean(c).toFixed(0)} ms a start, ${(mean(c) / bareCpu).toFixed(2)}x` : ''
  console.log(`  ${v.name.padEnd(38)} median ${m.toFixed(0).padStart(5)} ms  (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})  ${(m / bare).toFixed(2)}x bare node${cpuText}`)
}
const bundleName = variants[1]?.name ?? ''
const ratio = (medians.get(bundleName) ?? NaN) / bare
const cpuRatio = mean(cpu.get(bundleName) ?? []) / bareCpu
console.log(`bundle / bare node: ${ratio.toFixed(2)}x wall-clock median${Number.isFinite(cpuRatio) ? `, ${cpuRatio.toFixed(2)}x CPU time` : ''} (goal < 2x)`)
rmSync(dataDir, { recursive: true, force: true })
