/** Where a secret (the API key, team mode's database password) is kept; shared by the contract and its parts. */
export type KeyStorage = 'encrypted' | 'session' | 'plaintext' | 'none'
