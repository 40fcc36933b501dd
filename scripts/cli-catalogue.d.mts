// Types for scripts/cli-catalogue.mjs (test/unit/cli/bundle.test.ts checks its catalogue against the sources').
import type { build, Plugin } from 'esbuild'

/** A file of the CLI bundle: one domain of the catalogue, CommonJS. */
export interface DomainFile {
  name: string
  contents: string
}
export declare function lazyCatalogue(esbuild: typeof build, file: string): Promise<{ source: string; files: DomainFile[]; inputs: string[] }>
export declare function lazyCataloguePlugin(built: { files: DomainFile[]; inputs: string[] }): Plugin
