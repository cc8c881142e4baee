import { useEffect, useRef } from 'react';
import { useLab } from '../../state/labContext.ts';
import { TOUR_STEPS } from '../../tour/steps.ts';
import './tour.css';

/**
 * The guided tour's text: the step's title and words, where it stands, and buttons to move on.
 * Each step's preset has already set the page (state/presentation.ts goToTourStep). Shown only
 * while the tour is open; the top bar's Tour button (or T) opens it.
 */
export function TourPanel() {
  const k = useLab((s) => s.tourStep);
  const goTo = useLab((s) => s.goToTourStep);
  const close = useLab((s) => s.closeTour);
  const canReturn = useLab((s) => s.tourCanReturn);
  const goBack = useLab((s) => s.returnFromTour);
  const title = useRef<HTMLHeadingElement>(null);
  // Opened by the user (not by a link on load): move the focus to the step, so arrow keys and a
  // screen reader start there and a clicker's space does not press the Tour button again.
  const was = useRef(k);
  useEffect(() => {
    if (was.current === 0 && k > 0) title.current?.focus();
    was.current = k;
  }, [k]);

  const step = TOUR_STEPS[k - 1];
  if (!step) return null;
  const last = k === TOUR_STEPS.length;
  return (
    <section className="card tour" aria-labelledby="tour-title" data-testid="tour">
      <p className="tour-progress" data-testid="tour-progress" aria-live="polite">
        Tour · step {k} of {TOUR_STEPS.length}
        {last && <span data-testid="tour-end"> · the end of the tour</span>}
      </p>
      <h2 id="tour-title" ref={title} tabIndex={-1} data-testid="tour-title">
        {step.title}
      </h2>
      {step.text.map((p) => (
        <p key={p} className="tour-text">
          {p}
        </p>
      ))}
      {step.training && <p className="tour-training">{step.training}</p>}
      <div className="tour-buttons">
        <button
          type="button"
          onClick={() => goTo(k - 1)}
          disabled={k === 1}
          aria-keyshortcuts="PageUp ArrowLeft"
        >
          ← Previous
        </button>
        <button
          type="button"
          data-testid="tour-next"
          onClick={() => goTo(k + 1)}
          disabled={last}
          aria-keyshortcuts="PageDown ArrowRight"
        >
          Next →
        </button>
      </div>
      <div className="tour-buttons tour-leave">
        <button type="button" onClick={close} aria-keyshortcuts="T">
          Leave tour
        </button>
        {canReturn && (
          <button
            type="button"
            data-testid="tour-return"
            onClick={goBack}
            title="Leave the tour and show the prototypes and settings you had before it"
          >
            Back to my prototypes
          </button>
        )}
      </div>
    </section>
  );
}
