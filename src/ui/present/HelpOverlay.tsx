import { useEffect, useId, useRef } from 'react';
import { useLab, useLabStore } from '../../state/labContext.ts';
import { SHORTCUTS } from './shortcuts.ts';

/**
 * The keyboard help (`?`): a modal dialog listing SHORTCUTS. The native <dialog> keeps focus
 * inside while it is open, closes on Escape and gives focus back to where it was.
 */
export function HelpOverlay() {
  const open = useLab((s) => s.helpOpen);
  const setOpen = useLab((s) => s.setHelpOpen);
  const store = useLabStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const escaped = useRef(false);
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="help-overlay"
      data-testid="help"
      aria-labelledby={titleId}
      // Escape fires `cancel` at once and `close` a task later; the store must know at once, or a
      // `?` pressed right after Escape would toggle the help it still thinks is open. A `?` in
      // between asks for the help again while the dialog is still closing: the `close` that
      // follows must then keep (or open) it instead of forgetting the request.
      onCancel={() => {
        escaped.current = true;
        setOpen(false);
      }}
      onClose={() => {
        const wanted = escaped.current && store.getState().helpOpen;
        escaped.current = false;
        const d = dialog.current;
        if (!wanted) setOpen(false);
        // Reopened already (the `?` came after the dialog hid, before this event): leave it.
        else if (d && !d.open) d.showModal();
      }}
    >
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <p className="help-note">
        They act when no text field has the focus; an embedded lab answers only while it has the
        focus.
      </p>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.shown.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{s.description}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>Esc</kbd>
            </th>
            <td>Close this help (or leave full screen)</td>
          </tr>
        </tbody>
      </table>
      <button type="button" className="help-close" onClick={() => setOpen(false)}>
        Close
      </button>
    </dialog>
  );
}
