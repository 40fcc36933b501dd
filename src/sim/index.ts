/** Public entry of the Juhe API simulator (tests, benchmarks, the app's demo mode). */
export { startSimulator, QUERY_PATH, RESULT_PATH } from './server'
export type {
  CompletionContext,
  CompletionSpec,
  Endpoint,
  Fault,
  FaultEndpoint,
  FaultType,
  KeyBehaviour,
  SimOptions,
  SimStats,
  Simulator,
} from './server'
export {
  DEFAULT_DATASET_SIZE,
  DEFAULT_SEED,
  EXAMPLE_COMPANY,
  FORMULA_NAMES,
  createDataset,
  findCompany,
  getDefaultDataset,
  sampleKeywords,
  type Dataset,
  type DatasetOptions,
  type SampleKeywords,
} from './dataset'
export { SERVICE_CODES, SYSTEM_CODES, reasonFor } from './codes'
export { JOBID_PATTERN } from './core'
