/**
 * The baseline for the renderer's weight and start-up: a minimal React 19 + zustand app (one
 * store, one component, one header), built with the same Vite and React plugin as the renderer,
 * in the same bench run, so the ratio compares like with like.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const ROOT = resolve(import.meta.dirname, '../../..')

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Minimal</title></head>
  <body><div id="root"></div><script type="module" src="./main.tsx"></script></body>
</html>
`

const MAIN_TSX = `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { create } from 'zustand'

const useCount = create<{ count: number; add: () => void }>((set) => ({ count: 0, add: () => set((s) => ({ count: s.count + 1 })) }))

function App() {
  const { count, add } = useCount()
  return (
    <>
      <header className="app-header"><h1>Minimal</h1></header>
      <button type="button" onClick={add}>Clicked {count} times</button>
    </>
  )
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>)
`

/** Builds the minimal app; returns the folder holding its index.html and assets/. */
export async function buildMinimalApp(): Promise<string> {
  const source = await mkdtemp(join(tmpdir(), 'tellus-minimal-app-'))
  await writeFile(join(source, 'index.html'), INDEX_HTML)
  await writeFile(join(source, 'main.tsx'), MAIN_TSX)
  const outDir = join(source, 'out')
  await build({
    root: source,
    base: './',
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    resolve: { alias: { react: join(ROOT, 'node_modules/react'), 'react-dom': join(ROOT, 'node_modules/react-dom'), zustand: join(ROOT, 'node_modules/zustand') } },
    build: { outDir, emptyOutDir: true, minify: true },
  })
  return outDir
}
