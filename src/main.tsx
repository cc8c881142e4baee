import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { embedOptionsFromLocation, startEmbedPage } from './embed/page.tsx';
import { registerServiceWorker } from './embed/serviceWorker.ts';
import { installDebugHook } from './state/debugHook.ts';
import { createLabStores, LabContext } from './state/labContext.ts';
import { startUrlSync } from './state/urlSync.ts';
import { App } from './ui/App.tsx';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The page's one lab: its stores, reached by the components through LabContext.
const stores = createLabStores();
// `?embed` (or `#embed`): only the chosen panels, for an iframe (src/embed/page.tsx).
const embed = embedOptionsFromLocation();
if (embed.embedded) startEmbedPage(root, embed, stores);
else {
  // The standalone page keeps its whole state in the URL hash (read here, before the first run,
  // and before the data panel loads the stored subset, so a link's subset choice is in place).
  startUrlSync(stores.lab, window, stores.train, stores.data);
  installDebugHook(stores, window);
  createRoot(root).render(
    <StrictMode>
      <LabContext value={stores}>
        <App />
      </LabContext>
    </StrictMode>,
  );
}
registerServiceWorker();
