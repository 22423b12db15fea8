import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/**
 * Test layers, one vitest project each: `npm test` runs them all through scripts/run-tests.mjs.
 * - unit: services and pure rules in Node, real HTTP against the simulator on 127.0.0.1.
 * - renderer: React components and the zustand store in jsdom with a fake preload API.
 * - e2e: the built renderer in Debian's Chromium with the real IPC handlers bound to the page.
 * - keychain: the keytar secret store against a real Secret Service (run under dbus-run-session).
 */
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'keychain',
          include: ['tests/keychain/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
