import { useEffect, useId, useRef } from 'react';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';

type Props = {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal question before an action that is hard to undo; Escape or the cancel button backs out. */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, busy, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
    return () => element?.close?.();
  }, []);

  return (
    <dialog ref={dialog} className="tm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onCancel={onCancel}>
      <Heading2 id={`${id}-title`}>{title}</Heading2>
      <Paragraph id={`${id}-body`}>{body}</Paragraph>
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" busy={busy} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}
