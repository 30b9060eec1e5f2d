import { useEffect, useRef, type ReactNode } from 'react';
import { Heading3 } from '@utrecht/component-library-react';

/** Each step opens with its heading focused, so keyboard and screen-reader users continue where the content changed. */
export function StepHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <Heading3 ref={heading} tabIndex={-1} className="tm-step-heading">
      {children}
    </Heading3>
  );
}
