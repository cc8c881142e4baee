/**
 * The keyboard shortcuts, as data: the help overlay lists this table and the key handler reads
 * it, so the two never disagree. Presentation clickers send PageDown / PageUp (some send the
 * arrow keys or space), so those step the tour, or in presentation mode the optimiser.
 */

export type ShortcutAction =
  | 'help'
  | 'tour'
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'present'
  | 'fullscreen'
  | 'palette'
  | 'run';

export interface Shortcut {
  /** KeyboardEvent.key values (letters in lower case; either case works). */
  readonly keys: readonly string[];
  /** How the help overlay writes the keys. */
  readonly shown: readonly string[];
  readonly action: ShortcutAction;
  readonly description: string;
  /** Acts only while the tour is open or in presentation mode (else the keys scroll the page). */
  readonly stepping?: boolean;
}

/** Optimiser steps per clicker press in presentation mode (one step barely moves anything). */
export const CLICK_STEPS = 10;

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['?'], shown: ['?'], action: 'help', description: 'Show or hide these shortcuts' },
  { keys: ['t'], shown: ['T'], action: 'tour', description: 'Start or leave the guided tour' },
  {
    keys: ['PageDown', 'ArrowRight', 'ArrowDown', ' '],
    shown: ['Page Down', '→', '↓', 'Space'],
    action: 'next',
    description: `Tour: next step. Presentation mode without the tour: ${CLICK_STEPS} optimiser steps`,
    stepping: true,
  },
  {
    keys: ['PageUp', 'ArrowLeft', 'ArrowUp'],
    shown: ['Page Up', '←', '↑'],
    action: 'previous',
    description:
      'Tour: previous step. Presentation mode without the tour: start the optimiser again, paused',
    stepping: true,
  },
  {
    keys: ['Home'],
    shown: ['Home'],
    action: 'first',
    description: 'Tour: first step',
    stepping: true,
  },
  { keys: ['End'], shown: ['End'], action: 'last', description: 'Tour: last step', stepping: true },
  {
    keys: ['p'],
    shown: ['P'],
    action: 'present',
    description: 'Presentation mode: large type, slower animation',
  },
  { keys: ['f'], shown: ['F'], action: 'fullscreen', description: 'Full screen on or off' },
  {
    keys: ['c'],
    shown: ['C'],
    action: 'palette',
    description: 'Next colour palette: lab, colour-blind safe, high contrast',
  },
  {
    keys: ['r'],
    shown: ['R'],
    action: 'run',
    description: 'Make the prototypes again from the seed',
  },
];

/** What the handler needs of the element that has focus (a plain object in tests). */
export interface KeyTarget {
  readonly tagName?: string;
  readonly type?: string;
  readonly role?: string | null;
  readonly isContentEditable?: boolean;
}

export interface KeyInput {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
  readonly target: KeyTarget | null;
}

export interface ShortcutContext {
  /** The tour is open. */
  readonly tour: boolean;
  readonly present: boolean;
  readonly helpOpen: boolean;
}

/** Input types that take no typing (every other input type takes keys itself). */
const KEYLESS_INPUTS = ['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'image'];
/** Roles of widgets that use letters or arrows themselves. */
const TYPING_ROLES = ['textbox', 'combobox', 'searchbox', 'spinbutton', 'slider', 'listbox'];
/** Roles and elements that space activates. */
const ACTIVATED_ROLES = [
  'button',
  'checkbox',
  'radio',
  'switch',
  'tab',
  'menuitem',
  'link',
  'option',
];
const ACTIVATED_TAGS = ['BUTTON', 'A', 'SUMMARY'];

/** True when the key belongs to what has focus: a text field, a select, a slider. */
export function isTyping(target: KeyTarget | null): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !KEYLESS_INPUTS.includes((target.type ?? 'text').toLowerCase());
  return target.role ? TYPING_ROLES.includes(target.role) : false;
}

/** True when space on the focused element presses it (a button, a checkbox, a link). */
function isActivatedBySpace(target: KeyTarget | null): boolean {
  if (!target) return false;
  const tag = target.tagName?.toUpperCase() ?? '';
  if (ACTIVATED_TAGS.includes(tag) || tag === 'INPUT') return true;
  return target.role ? ACTIVATED_ROLES.includes(target.role) : false;
}

/**
 * The action a key press asks for, or null when the key is not ours: a modifier (browser
 * shortcuts), typing in a field, space on a button (it presses the button), a stepping key while
 * neither the tour nor presentation mode is on (it scrolls), anything but `?` under the help.
 */
export function shortcutFor(e: KeyInput, context: ShortcutContext): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (isTyping(e.target)) return null;
  if (e.key === ' ' && isActivatedBySpace(e.target)) return null;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const shortcut = SHORTCUTS.find((s) => s.keys.includes(key));
  if (!shortcut) return null;
  if (context.helpOpen && shortcut.action !== 'help') return null;
  if (shortcut.stepping && !context.tour && !context.present) return null;
  if ((shortcut.action === 'first' || shortcut.action === 'last') && !context.tour) return null;
  return shortcut.action;
}
