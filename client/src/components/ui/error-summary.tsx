import { forwardRef } from 'react';
import { Alert, Heading3, Link, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';

export type SummaryItem = { field: string; message: string; label?: string; href?: string };

/** The errors shown, in the order of the form's fields; `_form` is a message about the form as a whole. */
export function summaryItems(order: readonly string[], shown: Readonly<Record<string, string>>, label: (field: string) => string, idOf: (field: string) => string): SummaryItem[] {
  return order
    .filter((field) => shown[field])
    .map((field) => ({ field, message: shown[field]!, ...(field === '_form' ? {} : { label: label(field), href: `#${idOf(field)}` }) }));
}

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
