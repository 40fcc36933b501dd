// Runs before the app's own entry (index.html lists it first; it is tiny): see ipc/early.ts.
import { startEarly } from './ipc/early'

startEarly()
