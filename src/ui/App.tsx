import { SphereScene } from '../scene/SphereScene.tsx';
import { Controls } from './Controls.tsx';
import { RunControls } from './controls/RunControls.tsx';
import { DataPanel } from './data/DataPanel.tsx';
import { Notice } from './Notice.tsx';
import { AnalysisSection } from './panels/AnalysisSection.tsx';
import { FileLoader } from './panels/FileLoader.tsx';
import { MetricsPanel } from './panels/MetricsPanel.tsx';
import { ViewSwitcher } from './ViewSwitcher.tsx';

export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <h1>Hypersphere Lab</h1>
        <p className="tagline">Class prototypes on the unit sphere: how far apart can they be?</p>
      </header>
      <main className="layout">
        <aside className="panel" aria-label="Prototype controls">
          <Notice />
          <MetricsPanel />
          <Controls />
          <RunControls />
          <FileLoader />
          <DataPanel />
        </aside>
        <section className="viewport" aria-label="Sphere view">
          <ViewSwitcher />
          <div className="viewport-stage">
            <SphereScene />
          </div>
        </section>
      </main>
      <AnalysisSection />
    </div>
  );
}
