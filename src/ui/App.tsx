import { SphereScene } from '../scene/SphereScene.tsx';
import { Controls } from './Controls.tsx';
import { RunControls } from './controls/RunControls.tsx';
import { DataPanel } from './data/DataPanel.tsx';
import { ExperimentsPanel } from './experiments/ExperimentsPanel.tsx';
import { ExportMenu } from './export/ExportMenu.tsx';
import { Notice } from './Notice.tsx';
import { AnalysisSection } from './panels/AnalysisSection.tsx';
import { FileLoader } from './panels/FileLoader.tsx';
import { MetricsPanel } from './panels/MetricsPanel.tsx';
import { useAppLook } from './present/look.ts';
import { PresentBar } from './present/PresentBar.tsx';
import { TourPanel } from './tour/TourPanel.tsx';
import { TrainingPanel } from './training/TrainingPanel.tsx';
import { ViewSwitcher } from './ViewSwitcher.tsx';

export function App() {
  const look = useAppLook();
  return (
    <div {...look}>
      <header className="topbar">
        <h1>Hypersphere Lab</h1>
        <p className="tagline">Class prototypes on the unit sphere: how far apart can they be?</p>
        <PresentBar />
      </header>
      <main className="layout">
        <aside className="panel" aria-label="Prototype controls">
          <TourPanel />
          <Notice />
          <MetricsPanel />
          <Controls />
          <RunControls />
          <FileLoader />
          <ExportMenu />
          <DataPanel />
        </aside>
        <section className="viewport" aria-label="Sphere view">
          <ViewSwitcher />
          <div className="viewport-stage">
            <SphereScene />
          </div>
        </section>
      </main>
      <TrainingPanel />
      <ExperimentsPanel />
      <AnalysisSection />
    </div>
  );
}
