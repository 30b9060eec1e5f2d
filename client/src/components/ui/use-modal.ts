import { useEffect, useLayoutEffect, useRef } from 'react';
import { tabbable } from 'tabbable';

type Options = {
  /** Escape, or the browser's own close request: the owner decides, usually by unmounting the dialog. */
  onCancel: () => void;
  /** Where focus goes on closing instead of back to the opener (null: to the opener). */
  returnFocusTo?: (() => HTMLElement | null) | undefined;
  /** Where focus goes on closing when the opener is unknown or gone (opened from the address, or removed since). */
  fallbackFocus?: (() => HTMLElement | null) | undefined;
};

/** Focus on nothing in particular: the body, or the main region after a navigation. */
const isElsewhere = (element: Element | null) => !element || element === document.body || element.id === 'main' || !element.isConnected;

/**
 * Tab from the last control goes to the first and Shift+Tab from the first to the last: a modal `<dialog>` makes the
 * page behind it inert, but the browser would still let focus leave for its own address bar or the document.
 */
function keepTabInside(dialog: HTMLDialogElement, event: KeyboardEvent) {
  // A dialog opened inside this one keeps its own focus.
  if (event.key !== 'Tab' || event.defaultPrevented || (event.target as Element).closest('dialog') !== dialog) return;
  const controls = tabbable(dialog);
  const first = controls[0];
  const last = controls[controls.length - 1];
  const active = document.activeElement;
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const before = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_PRECEDING);
  if (event.shiftKey && (active === first || !active || !dialog.contains(active) || before(first, active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !active || !dialog.contains(active) || before(active, last))) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A `<dialog>` opened as a modal for as long as the component lives: the page behind is inert and Tab goes round
 * inside it; Escape asks to close; on closing, focus goes back to what had it when the dialog opened (or, when that
 * is gone, to the fallback or the main region), never to the body.
 */
export function useModal({ onCancel, returnFocusTo, fallbackFocus }: Options) {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef({ onCancel, returnFocusTo, fallbackFocus });
  useEffect(() => {
    latest.current = { onCancel, returnFocusTo, fallbackFocus };
  });

  // A layout effect: the dialog is modal before the browser paints, and its clean-up runs while it is still there.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && !isElsewhere(document.activeElement) ? document.activeElement : null;
    if (!dialog.open) dialog.showModal?.();
    const cancel = (event: Event) => {
      // A dialog opened inside this one has its own Escape.
      if (event.target !== dialog) return;
      event.preventDefault();
      latest.current.onCancel();
    };
    const keydown = (event: KeyboardEvent) => keepTabInside(dialog, event);
    dialog.addEventListener('cancel', cancel);
    dialog.addEventListener('keydown', keydown);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.removeEventListener('keydown', keydown);
      dialog.close?.();
      const { returnFocusTo, fallbackFocus } = latest.current;
      const target = returnFocusTo?.() ?? (opener && !isElsewhere(opener) ? opener : (fallbackFocus?.() ?? document.getElementById('main')));
      target?.focus();
    };
  }, []);

  return ref;
}
