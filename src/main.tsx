import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { embedOptionsFromLocation, startEmbedPage } from './embed/page.tsx';
import { registerServiceWorker } from './embed/serviceWorker.ts';
import { installDebugHook } from './state/debugHook.ts';
import { labStore } from './state/store.ts';
import { trainingStore } from './state/training.ts';
import { startUrlSync } from './state/urlSync.ts';
import { App } from './ui/App.tsx';
import { dataStore } from './ui/data/dataStore.ts';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// `?embed` (or `#embed`): only the chosen panels, for an iframe (src/embed/page.tsx).
const embed = embedOptionsFromLocation();
if (embed.embedded) startEmbedPage(root, embed);
else {
  // The standalone page keeps its whole state in the URL hash (read here, before the first run,
  // and before the data panel loads the stored subset, so a link's subset choice is in place).
  startUrlSync(labStore, window, trainingStore, dataStore);
  installDebugHook(labStore, window, dataStore);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
registerServiceWorker();
