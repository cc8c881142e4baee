import { describe, expect, it } from 'vitest';
import { isTyping, SHORTCUTS, type ShortcutContext, shortcutFor } from './shortcuts.ts';

const body = { tagName: 'BODY' };
const idle: ShortcutContext = { tour: false, present: false, helpOpen: false };
const touring: ShortcutContext = { tour: true, present: false, helpOpen: false };
const presenting: ShortcutContext = { tour: false, present: true, helpOpen: false };

describe('keyboard shortcuts', () => {
  it('maps every key to one action', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) expect(s.shown.length).toBe(s.keys.length);
  });

  it('steps the tour with what presentation clickers send', () => {
    for (const key of ['PageDown', 'ArrowRight', 'ArrowDown', ' ']) {
      expect(shortcutFor({ key, target: body }, touring)).toBe('next');
      expect(shortcutFor({ key, target: body }, presenting)).toBe('next');
    }
    for (const key of ['PageUp', 'ArrowLeft', 'ArrowUp']) {
      expect(shortcutFor({ key, target: body }, touring)).toBe('previous');
    }
    expect(shortcutFor({ key: 'Home', target: body }, touring)).toBe('first');
    expect(shortcutFor({ key: 'End', target: body }, touring)).toBe('last');
  });

  it('leaves scrolling keys to the page when neither the tour nor presentation mode is on', () => {
    for (const key of ['PageDown', 'PageUp', 'ArrowDown', ' ', 'Home', 'End']) {
      expect(shortcutFor({ key, target: body }, idle)).toBeNull();
    }
    // Home and End only mean something in the tour.
    expect(shortcutFor({ key: 'End', target: body }, presenting)).toBeNull();
  });

  it('answers the letter keys in either case, and ? for help', () => {
    expect(shortcutFor({ key: 't', target: body }, idle)).toBe('tour');
    expect(shortcutFor({ key: 'T', target: body }, idle)).toBe('tour');
    expect(shortcutFor({ key: 'p', target: body }, idle)).toBe('present');
    expect(shortcutFor({ key: 'f', target: body }, idle)).toBe('fullscreen');
    expect(shortcutFor({ key: 'c', target: body }, idle)).toBe('palette');
    expect(shortcutFor({ key: 'r', target: body }, idle)).toBe('run');
    expect(shortcutFor({ key: '?', target: body }, idle)).toBe('help');
    expect(shortcutFor({ key: 'x', target: body }, idle)).toBeNull();
  });

  it('never fires while typing, nor over browser shortcuts', () => {
    const fields = [
      { tagName: 'INPUT', type: 'number' },
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'range' },
      { tagName: 'INPUT' },
      { tagName: 'SELECT' },
      { tagName: 'TEXTAREA' },
      { tagName: 'DIV', isContentEditable: true },
      { tagName: 'DIV', role: 'slider' },
    ];
    for (const target of fields) {
      expect(isTyping(target)).toBe(true);
      for (const key of ['t', '?', 'PageDown', 'ArrowRight', ' ']) {
        expect(shortcutFor({ key, target }, touring)).toBeNull();
      }
    }
    expect(isTyping({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTyping({ tagName: 'BUTTON' })).toBe(false);
    expect(shortcutFor({ key: 'p', ctrlKey: true, target: body }, idle)).toBeNull();
    expect(shortcutFor({ key: 'ArrowRight', altKey: true, target: body }, touring)).toBeNull();
    expect(shortcutFor({ key: 'f', metaKey: true, target: body }, idle)).toBeNull();
  });

  it('lets space press the focused button or checkbox, but arrows still step', () => {
    const button = { tagName: 'BUTTON' };
    const checkbox = { tagName: 'INPUT', type: 'checkbox' };
    expect(shortcutFor({ key: ' ', target: button }, touring)).toBeNull();
    expect(shortcutFor({ key: ' ', target: checkbox }, touring)).toBeNull();
    expect(shortcutFor({ key: ' ', target: { tagName: 'H2' } }, touring)).toBe('next');
    expect(shortcutFor({ key: 'PageDown', target: button }, touring)).toBe('next');
    expect(shortcutFor({ key: 't', target: checkbox }, touring)).toBe('tour');
  });

  it('under the help overlay, only ? acts (Escape closes it natively)', () => {
    const help: ShortcutContext = { tour: true, present: true, helpOpen: true };
    expect(shortcutFor({ key: '?', target: body }, help)).toBe('help');
    expect(shortcutFor({ key: 'PageDown', target: body }, help)).toBeNull();
    expect(shortcutFor({ key: 'p', target: body }, help)).toBeNull();
  });
});
