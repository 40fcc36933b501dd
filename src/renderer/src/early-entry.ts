// index.html's only script, and a tiny one: it sends start-up's requests (see ipc/early.ts), then runs the app.
// The app's chunks are preloaded beside it (scripts/preload-app-entry.ts), so the browser fetches and compiles them
// while main builds the first list; as a second <script> the app would have been bundled into this entry, and
// nothing, the requests included, would have run before all of it was compiled.
import { startEarly } from './ipc/early'

startEarly()
import('./main').catch((err: unknown) => {
  // Not a blank window: say so in both languages (the app's own error report is part of what failed to load).
  const app = document.getElementById('app')
  if (app) app.textContent = '程序加载失败，请重新启动。/ The app failed to load; please restart it.'
  throw err
})
