import { useId, type ReactNode } from 'react';
import { Heading2 } from '@utrecht/component-library-react';
import { useModal } from './use-modal.ts';

type Props = {
  title: string;
  onCancel: () => void;
  /** Read out with the title when the dialog opens. */
  description?: ReactNode;
  /** Where focus goes on closing when what opened the dialog is unknown or gone. */
  fallbackFocus?: (() => HTMLElement | null) | undefined;
  children: ReactNode;
};

/** A question in the middle of the screen that must be answered or cancelled (Escape) before going on. */
export function ModalDialog({ title, onCancel, description, fallbackFocus, children }: Props) {
  const id = useId();
  const dialog = useModal({ onCancel, fallbackFocus });
  return (
    <dialog ref={dialog} className="tm-dialog" aria-labelledby={`${id}-title`} aria-describedby={description ? `${id}-description` : undefined}>
      <Heading2 id={`${id}-title`}>{title}</Heading2>
      {description && <div id={`${id}-description`}>{description}</div>}
      {children}
    </dialog>
  );
}
