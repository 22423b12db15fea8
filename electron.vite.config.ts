import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { buildMetaCsp, CSP_DIRECTIVES, DEV_CSP_DIRECTIVES } from './electron/main/security/csp'

/**
 * Three bundles: main (Node, dependencies external and shipped by electron-builder), preload (one
 * self-contained CommonJS file, as a sandboxed preload cannot require anything but 'electron'),
 * and the renderer (React, everything bundled). Path aliases (@common, @main, @renderer) come from
 * tsconfig.base.json through `resolve.tsconfigPaths`, so they are written once.
 */
export default defineConfig({
  main: {
    resolve: { tsconfigPaths: true },
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { tsconfigPaths: true },
    build: {
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { tsconfigPaths: true },
    plugins: [
      react(),
      {
        // The dev server needs an inline React refresh preamble and its HMR websocket.
        name: 'tellus-dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) => html.replace(buildMetaCsp(CSP_DIRECTIVES), buildMetaCsp(DEV_CSP_DIRECTIVES)),
      },
    ],
    build: {
      // electron-vite leaves the renderer unminified by default; minified it is less than half the size.
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        // Everything the first screen imports statically in one file: one request and one gzip
        // stream instead of a dozen small shared chunks. Lazily loaded views keep their own chunks.
        output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] } },
      },
    },
  },
})
