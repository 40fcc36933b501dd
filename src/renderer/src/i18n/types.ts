import type { zhCN } from './zh-CN'

/** Chinese is the reference catalogue; every other language must provide exactly its shape. */
export type Messages = typeof zhCN
