import { useEffect, useLayoutEffect, useRef } from 'react';

type Options = {
  /** Escape, or the browser's own close request: the owner decides, usually by unmounting the dialog. */
  onCancel: () => void;
  /** Where focus goes on closing when it should not go back to what opened the dialog (null: back to the opener). */
  returnFocusTo?: (() => HTMLElement | null) | undefined;
};

/**
 * A `<dialog>` opened as a modal for as long as the component lives: the page behind is inert, so Tab and a screen
 * reader's cursor stay inside it; Escape asks to close; on closing, focus goes back to what had it when the dialog
 * opened (or, when that is gone from the page, to the main region), never to the body.
 */
export function useModal({ onCancel, returnFocusTo }: Options) {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef({ onCancel, returnFocusTo });
  useEffect(() => {
    latest.current = { onCancel, returnFocusTo };
  });

  // A layout effect: the dialog is modal before the browser paints, and its clean-up runs while it is still there.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!dialog.open) dialog.showModal?.();
    const cancel = (event: Event) => {
      // A dialog opened inside this one has its own Escape.
      if (event.target !== dialog) return;
      event.preventDefault();
      latest.current.onCancel();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close?.();
      const target = latest.current.returnFocusTo?.() ?? (opener?.isConnected ? opener : document.getElementById('main'));
      target?.focus();
    };
  }, []);

  return ref;
}
