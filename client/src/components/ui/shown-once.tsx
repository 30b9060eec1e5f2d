import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';

type Props = {
  title: string;
  /** What it is, and that it is shown only now. */
  children: ReactNode;
  /** Its visible name, which is also its accessible name. */
  label: string;
  value: string;
  copy: string;
  copied: string;
  /** When the browser refuses the clipboard (no secure context, no permission): it can still be selected. */
  copyFailed: string;
  /** Further buttons beside the copy button. */
  actions?: ReactNode;
};

/**
 * A secret the server gives this once (an API token, a webhook's signing secret) and keeps only as a hash or out of
 * reach: said so, copied with one button, selectable whole. It takes focus, so nobody misses it.
 */
export function ShownOnce({ title, children, label, value, copy, copied, copyFailed, actions }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [result, setResult] = useState<boolean | null>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Alert type="warning">
      <Heading3 ref={heading} tabIndex={-1}>
        {title}
      </Heading3>
      {children}
      <Paragraph>
        <span id={`${id}-label`}>{label}</span>{' '}
        <code className="tm-secret" aria-labelledby={`${id}-label`}>
          {value}
        </code>
      </Paragraph>
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={() => void navigator.clipboard.writeText(value).then(() => setResult(true), () => setResult(false))}>
          {copy}
        </Button>
        {actions}
      </ButtonGroup>
      <p role="status" className="tm-muted">
        {result === null ? '' : result ? copied : copyFailed}
      </p>
    </Alert>
  );
}
