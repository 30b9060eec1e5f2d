import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../../lib/api.ts';
import { StatusMessage } from './status-message.tsx';
import { useModal } from './use-modal.ts';

/** A write refused because the version it was based on is no longer the newest (If-Match failed). */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

type Props = {
  title: string;
  closeLabel: string;
  onClose: () => void;
  /** The drawer's last failed write; a 412 reloads what it shows and says that someone else changed it. */
  writeError: unknown;
  reload: () => void;
  staleMessage: string;
  /** What the last save did, announced inside the drawer (the page behind it is inert while it is open). */
  message?: string | null | undefined;
  /** The heading takes focus again when this changes, e.g. when a new record has been created and is now shown. */
  focusKey?: string | undefined;
  returnFocusTo?: (() => HTMLElement | null) | undefined;
  /** Where focus goes on closing when what opened the drawer is unknown or gone. */
  fallbackFocus?: (() => HTMLElement | null) | undefined;
  children: ReactNode;
};

/**
 * The side panel in which one record is read and changed: a modal dialog at the window's edge. Focus starts at its
 * heading, stays inside until it closes (button or Escape), then goes back to what opened it; after a save it is
 * back at the heading, with the message beside it.
 */
export function Drawer({ title, closeLabel, onClose, writeError, reload, staleMessage, message, focusKey, returnFocusTo, fallbackFocus, children }: Props) {
  const id = useId();
  const dialog = useModal({ onCancel: onClose, returnFocusTo, fallbackFocus });
  const heading = useRef<HTMLHeadingElement>(null);
  const stale = isStale(writeError);

  useEffect(() => heading.current?.focus(), [focusKey, message]);
  useEffect(() => {
    // The form then shows the newest version, so the change can be redone on top of it.
    if (stale) reload();
  }, [stale, writeError]);

  return (
    <dialog ref={dialog} className="tm-drawer" aria-labelledby={`${id}-heading`}>
      <div className="tm-drawer__head">
        <Heading2 id={`${id}-heading`} ref={heading} tabIndex={-1} className="tm-drawer__heading">
          {title}
        </Heading2>
        <Button appearance="subtle-button" onClick={onClose}>
          {closeLabel}
        </Button>
      </div>
      <StatusMessage message={message ?? null} />
      {stale && (
        <Alert type="warning" role="alert">
          <Paragraph>{staleMessage}</Paragraph>
        </Alert>
      )}
      {children}
    </dialog>
  );
}
