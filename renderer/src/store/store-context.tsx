import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { AppState } from './app-state'
import type { AppStore } from './create-app-store'

const StoreContext = createContext<AppStore | null>(null)

/** Provides the app store to the component tree. */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

/** Subscribes to one piece of the app state; components always pass a selector. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>')
  return useStore(store, selector)
}

/** The store itself, for event handlers that need `getState()`. */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useAppStoreApi must be used inside <StoreProvider>')
  return store
}
