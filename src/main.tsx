import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installDebugHook } from './state/debugHook.ts';
import { labStore } from './state/store.ts';
import { startUrlSync } from './state/urlSync.ts';
import { App } from './ui/App.tsx';
import './ui/app.css';

// The standalone page keeps its whole state in the URL hash (read here, before the first run).
startUrlSync(labStore);
installDebugHook(labStore);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
