// Types for scripts/build-cli.mjs (the tests and the vitest global setup use it).
export declare const ROOT: string
export declare const CLI_OUT_DIR: string
export declare const CLI_BUNDLE: string
export declare function cliBundleState(outDir?: string): 'fresh' | 'stale' | 'missing'
export declare function buildCli(opts?: { outDir?: string; root?: string }): Promise<string>
export declare function ensureCli(outDir?: string): Promise<boolean>
