import type { ReactNode } from 'react';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { ModalDialog } from './modal-dialog.tsx';

type Props = {
  title: string;
  /** A sentence, or richer content such as a list of what will change. */
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal question before an action that is hard to undo; Escape or the cancel button backs out. */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, busy, onConfirm, onCancel }: Props) {
  return (
    <ModalDialog title={title} onCancel={onCancel} description={typeof body === 'string' ? <Paragraph>{body}</Paragraph> : body}>
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" busy={busy} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {cancelLabel}
        </Button>
      </ButtonGroup>
    </ModalDialog>
  );
}
