import { SphereScene } from '../scene/SphereScene.tsx';
import { Controls } from './Controls.tsx';
import { DataPanel } from './data/DataPanel.tsx';
import { JobBar } from './JobBar.tsx';
import { Readout } from './Readout.tsx';

export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <h1>Hypersphere Lab</h1>
        <p className="tagline">Class prototypes on the unit sphere: how far apart can they be?</p>
      </header>
      <main className="layout">
        <aside className="panel" aria-label="Prototype controls">
          <Controls />
          <JobBar />
          <Readout />
          <DataPanel />
        </aside>
        <section className="viewport" aria-label="Sphere view">
          <SphereScene />
        </section>
      </main>
    </div>
  );
}
