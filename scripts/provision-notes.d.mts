export declare const ELECTRON_NODE: [number, number]
export declare function downloadFailureReason(input?: { stderr?: string; error?: { code?: string; message?: string } | null; timeoutMs?: number; env?: Record<string, string | undefined> }): string
export declare function engineNote(version?: string): string | null
