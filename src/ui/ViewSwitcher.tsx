import { emptiestDirection } from '../core/geometry/pole.ts';
import { CONTACT_TOLERANCE, VIEW_IDS, type ViewId } from '../state/defaults.ts';
import { useLab } from '../state/labContext.ts';
import { shownView, VIEW_DIMENSION } from '../state/view.ts';

const LABEL: Record<ViewId, string> = { s2: 'S²', s3: 'S³', proj: 'projection' };
const TITLE: Record<ViewId, string> = {
  s2: 'The sphere S² itself (n = 3)',
  s3: 'S³ by stereographic projection (n = 4)',
  proj: 'A 3D projection of the prototypes (any n)',
};

/** Above the viewport: which 3D view, and that view's settings. */
export function ViewSwitcher() {
  const view = useLab((s) => s.view);
  const setView = useLab((s) => s.setView);
  const n = useLab((s) => s.job?.request.n ?? s.current?.n ?? 3);
  const shown = shownView(view, n);
  return (
    <nav className="view-switcher" aria-label="3D view">
      <fieldset className="view-tabs" aria-label="View">
        {VIEW_IDS.map((id) => {
          const need = VIEW_DIMENSION[id];
          return (
            <button
              key={id}
              type="button"
              data-testid={`view-${id}`}
              aria-pressed={view === id}
              className={need !== null && need !== n ? 'unavailable' : undefined}
              title={need !== null && need !== n ? `${TITLE[id]}: not for n = ${n}` : TITLE[id]}
              onClick={() => setView(id)}
            >
              {LABEL[id]}
            </button>
          );
        })}
      </fieldset>
      <ContactOptions />
      {shown === 's2' && <Toggle field="showCells" label="Voronoi cells" />}
      {shown === 's3' && <S3Options />}
      {shown === 'proj' && <ProjOptions n={n} />}
    </nav>
  );
}

function Toggle({
  field,
  label,
}: {
  readonly field: 'showCells' | 'showContacts';
  readonly label: string;
}) {
  const on = useLab((s) => s[field]);
  const toggle = useLab((s) => s.toggle);
  return (
    <label className="view-option">
      <input type="checkbox" checked={on} onChange={() => toggle(field)} /> {label}
    </label>
  );
}

function ContactOptions() {
  const tolerance = useLab((s) => s.contactToleranceDeg);
  const setTolerance = useLab((s) => s.setContactTolerance);
  return (
    <>
      <Toggle field="showContacts" label="contacts" />
      <label className="view-option" title="Pairs within this many degrees of the minimum angle">
        within
        <input
          type="number"
          data-testid="contact-tolerance"
          min={CONTACT_TOLERANCE.min}
          max={CONTACT_TOLERANCE.max}
          step={0.1}
          value={tolerance}
          onChange={(e) => setTolerance(Number(e.target.value))}
        />
        °
      </label>
    </>
  );
}

function S3Options() {
  const mode = useLab((s) => s.s3Projection);
  const setMode = useLab((s) => s.setS3Projection);
  const setPole = useLab((s) => s.setPole);
  const resetRotation = useLab((s) => s.resetRotation);
  const codebook = useLab((s) => s.current?.codebook);
  return (
    <>
      <label className="view-option">
        projection
        <select value={mode} onChange={(e) => setMode(e.target.value as 'stereo' | 'ortho')}>
          <option value="stereo">stereographic</option>
          <option value="ortho">orthographic</option>
        </select>
      </label>
      <span className="view-option">
        pole
        <button type="button" onClick={resetRotation} title="Project from (0, 0, 0, 1)">
          +w
        </button>
        <button
          type="button"
          disabled={codebook?.n !== 4}
          title="Project from the point farthest from every prototype, so none goes off to infinity"
          onClick={() => {
            if (codebook) setPole(emptiestDirection(codebook.data, codebook.N, 4));
          }}
        >
          emptiest
        </button>
      </span>
    </>
  );
}

function ProjOptions({ n }: { readonly n: number }) {
  const axes = useLab((s) => s.projAxes);
  const triple = useLab((s) => s.projTriple);
  const setProjection = useLab((s) => s.setProjection);
  return (
    <>
      <label className="view-option">
        axes
        <select
          value={axes}
          onChange={(e) => setProjection({ axes: e.target.value as 'pca' | 'coords' })}
        >
          <option value="pca">PCA (top 3)</option>
          <option value="coords">coordinates</option>
        </select>
      </label>
      {axes === 'coords' &&
        triple.map((c, k) => (
          <input
            // biome-ignore lint/suspicious/noArrayIndexKey: the three slots are fixed
            key={k}
            className="coord-input"
            type="number"
            min={1}
            max={n}
            value={c + 1}
            aria-label={`coordinate ${k + 1} (1 to ${n})`}
            onChange={(e) => {
              const v = Math.round(Number(e.target.value)) - 1;
              if (!(v >= 0 && v < n)) return;
              const next = [...triple] as [number, number, number];
              next[k] = v;
              setProjection({ triple: next });
            }}
          />
        ))}
    </>
  );
}
