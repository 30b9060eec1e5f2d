import { forwardRef } from 'react';
import { Alert, Heading3, Link, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

export type SummaryItem = { field: string; message: string; label?: string; href?: string };

/**
 * Every error of a form at its top, each linking to its field; it takes focus after a failed submit so keyboard
 * and screen-reader users learn at once what to fix.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { heading: string; items: readonly SummaryItem[] }>(function ErrorSummary({ heading, items }, ref) {
  if (items.length === 0) return null;
  return (
    <Alert type="error">
      <div ref={ref} tabIndex={-1}>
        <Heading3>{heading}</Heading3>
        <UnorderedList>
          {items.map((item) => (
            <UnorderedListItem key={item.field}>
              {item.href && item.label ? (
                <Link href={item.href}>
                  {item.label}: {item.message}
                </Link>
              ) : (
                item.message
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </div>
    </Alert>
  );
});
