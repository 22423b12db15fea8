import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, preloadViews } from './app'
import { createAppStore } from './store/create-app-store'
import { StoreProvider } from './store/store-context'
import './styles/theme.css'
import './styles/app.css'

const store = createAppStore(window.tellus)
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
)

// The other views' code, loaded while the technician reads the first screen.
setTimeout(() => void preloadViews(), 500)
