import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

/** Store and component tests of the renderer, in happy-dom (no Electron, no browser). */
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['test/renderer/**/*.spec.ts'],
    environment: 'happy-dom',
    testTimeout: 20_000,
  },
})
