import { useLab } from '../state/labContext.ts';

/**
 * Says which values of the link could not be used as they were (fallen back to a default,
 * clamped to a range or rounded), so a mistyped link never fails silently. Dismissible.
 */
export function Notice() {
  const notices = useLab((s) => s.notices);
  const dismiss = useLab((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <section className="notice" role="status" data-testid="notice">
      <div className="notice-head">
        <strong>Some settings in the link were changed</strong>
        <button type="button" className="notice-close" aria-label="Dismiss" onClick={dismiss}>
          {'\u00d7'}
        </button>
      </div>
      <ul>
        {notices.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
    </section>
  );
}
