import { Alert, Paragraph } from '@utrecht/component-library-react';

/** What a save did, announced politely; the live region stays in place so screen readers hear each new message. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div aria-live="polite" role="status">
      {message && (
        <Alert type="ok">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
    </div>
  );
}
