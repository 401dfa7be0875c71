// One tab stop for a whole list: the rows (elements marked data-row) are reached with the arrow keys, and the
// controls inside a row (checkbox, title, tags, delete) with Left/Right. Tab leaves the list. The tab stop is the
// first control of the row last used, so coming back with Shift+Tab lands where the user left off. When that row
// goes away while it holds the focus (a completed task leaves the "pending" list), the focus moves to the row that
// took its place rather than falling to the page.
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

const CONTROLS = 'input, button, a[href], select, textarea';

function rowsOf(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>('[data-row]'));
}

function controlsOf(row: HTMLElement): HTMLElement[] {
  return Array.from(row.querySelectorAll<HTMLElement>(CONTROLS)).filter((c) => c.closest('[data-row]') === row);
}

export interface RovingList<T extends HTMLElement> {
  ref: RefObject<T | null>;
  onKeyDown: (e: KeyboardEvent<T>) => void;
  onFocus: (e: FocusEvent<T>) => void;
  onBlur: (e: FocusEvent<T>) => void;
}

export function useRovingList<T extends HTMLElement>(): RovingList<T> {
  const ref = useRef<T | null>(null);
  const active = useRef<{ key: string | null; index: number }>({ key: null, index: 0 });
  const focusInside = useRef(false);

  const setTabStops = useCallback((container: HTMLElement, activeRow: HTMLElement | undefined) => {
    for (const c of container.querySelectorAll<HTMLElement>(CONTROLS)) {
      if (c.closest('[data-row]')) c.tabIndex = -1;
    }
    if (activeRow) {
      const first = controlsOf(activeRow)[0];
      if (first) first.tabIndex = 0;
    }
  }, []);

  // After every render: rows may have come, gone or moved.
  useLayoutEffect(() => {
    const container = ref.current;
    if (!container) return;
    const rows = rowsOf(container);
    let row = rows.find((r) => r.dataset.row === active.current.key);
    if (!row && rows.length > 0) {
      row = rows[Math.min(active.current.index, rows.length - 1)];
      const lost = document.activeElement === null || document.activeElement === document.body;
      if (focusInside.current && lost) controlsOf(row)[0]?.focus();
    }
    active.current = { key: row?.dataset.row ?? null, index: row ? rows.indexOf(row) : 0 };
    setTabStops(container, row);
  });

  const onFocus = useCallback(
    (e: FocusEvent<T>) => {
      focusInside.current = true;
      const container = ref.current;
      const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
      if (!container || !row) return;
      const rows = rowsOf(container);
      active.current = { key: row.dataset.row ?? null, index: rows.indexOf(row) };
      setTabStops(container, row);
    },
    [setTabStops],
  );

  const onBlur = useCallback((e: FocusEvent<T>) => {
    const to = e.relatedTarget as Node | null;
    if (to && ref.current?.contains(to)) return;
    if (to) {
      focusInside.current = false;
      return;
    }
    // Focus went nowhere: the focused row was removed (keep it), or the user clicked the page (let go).
    const from = e.target as HTMLElement;
    setTimeout(() => {
      if (from.isConnected && !ref.current?.contains(document.activeElement)) focusInside.current = false;
    }, 0);
  }, []);

  const onKeyDown = useCallback((e: KeyboardEvent<T>) => {
    const container = ref.current;
    const target = e.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-row]');
    if (!container || !row || e.altKey || e.ctrlKey || e.metaKey) return;
    const rows = rowsOf(container);
    const at = rows.indexOf(row);
    let next: HTMLElement | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = rows[Math.min(at + 1, rows.length - 1)];
        break;
      case 'ArrowUp':
        next = rows[Math.max(at - 1, 0)];
        break;
      case 'Home':
        next = rows[0];
        break;
      case 'End':
        next = rows[rows.length - 1];
        break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const controls = controlsOf(row);
        const i = controls.indexOf(target);
        const to = controls[i + (e.key === 'ArrowRight' ? 1 : -1)];
        if (i >= 0 && to) {
          e.preventDefault();
          to.focus();
        }
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    if (next) controlsOf(next)[0]?.focus();
  }, []);

  return { ref, onKeyDown, onFocus, onBlur };
}
