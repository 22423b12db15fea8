import { lazy, type ComponentType } from 'react'

/** How to load each lazily loaded component's code. */
const loaders: Array<() => Promise<unknown>> = []

/**
 * A component whose code is loaded when first rendered (or by `preloadLazyComponents`), so the
 * first screen does not wait for it. Once loaded it renders at once, without suspending; until then
 * it suspends (for the few milliseconds a local app:// file takes) to the nearest `Suspense`.
 */
export function lazyComponent<M extends Record<K, ComponentType<never>>, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  type Loaded = ComponentType<object>
  let loaded: Loaded | null = null
  const loadComponent = async () => (loaded = (await load())[name] as unknown as Loaded)
  loaders.push(loadComponent)
  const Pending = lazy(async () => ({ default: await loadComponent() }))
  function LazyComponent(props: object) {
    const Component = loaded ?? Pending
    return <Component {...props} />
  }
  return LazyComponent as unknown as M[K]
}

/** Loads the code of every lazily loaded component (once the first screen is up), so nothing waits for it later. */
export function preloadLazyComponents(): Promise<unknown> {
  return Promise.all(loaders.map((load) => load()))
}
