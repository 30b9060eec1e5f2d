import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../../lib/api.ts';
import { StatusMessage } from './status-message.tsx';
import { useModal } from './use-modal.ts';

/** A write refused because the version it was based on is no longer the newest (If-Match failed). */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

type DrawerState = {
  /** The record shown, read again after a 412. */
  record: { refetch: () => unknown };
  /** Its id, or null for a new one: the heading takes focus again when it changes (a new record was created). */
  recordId: string | null;
  /** The last failed write. */
  writeError: unknown;
  /** Where the page says what happened, for after the drawer closes. */
  onMessage: (message: string) => void;
  /** Where focus goes once the record has been removed, as the row that opened the drawer is gone. */
  focusAfterDelete: () => HTMLElement | null;
};

/**
 * What a drawer's owner tells it: the record, its last failed write, what a save did (said inside the drawer, as the
 * page behind it is inert, and on the page for after it closes) and where focus goes after a removal.
 */
export function useDrawerState({ record, recordId, writeError, onMessage, focusAfterDelete }: DrawerState) {
  const [message, setMessage] = useState<string | null>(null);
  const removed = useRef(false);
  return {
    saved: (text: string) => {
      setMessage(text);
      onMessage(text);
    },
    removed: (text: string) => {
      onMessage(text);
      removed.current = true;
    },
    drawerProps: { record, writeError, message, focusKey: recordId ?? 'new', returnFocusTo: () => (removed.current ? focusAfterDelete() : null) },
  };
}

type Props = {
  title: string;
  onClose: () => void;
  /** The drawer's last failed write; a 412 reloads the record it shows and says that someone else changed it. */
  writeError: unknown;
  record: { refetch: () => unknown };
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
export function Drawer({ title, onClose, writeError, record, message, focusKey, returnFocusTo, fallbackFocus, children }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useModal({ onCancel: onClose, returnFocusTo, fallbackFocus });
  const heading = useRef<HTMLHeadingElement>(null);
  const stale = isStale(writeError);

  useEffect(() => heading.current?.focus(), [focusKey, message]);
  useEffect(() => {
    // The form then shows the newest version, so the change can be redone on top of it.
    if (stale) void record.refetch();
  }, [stale, writeError]);

  return (
    <dialog ref={dialog} className="tm-drawer" aria-labelledby={`${id}-heading`}>
      <div className="tm-drawer__head">
        <Heading2 id={`${id}-heading`} ref={heading} tabIndex={-1} className="tm-drawer__heading">
          {title}
        </Heading2>
        <Button appearance="subtle-button" onClick={onClose}>
          {t('drawer.close')}
        </Button>
      </div>
      <StatusMessage message={message ?? null} />
      {stale && (
        <Alert type="warning" role="alert">
          <Paragraph>{t('drawer.stale')}</Paragraph>
        </Alert>
      )}
      {children}
    </dialog>
  );
}
