import { useEffect, useRef, useState, type ReactNode } from 'react';
import { usePrinting } from '../../lib/use-printing.ts';

type Props = {
  children: ReactNode;
  /** Holds the place until then, the same size as what comes, so nothing on the page shifts. */
  placeholder: (ref: React.RefObject<HTMLDivElement | null>) => ReactNode;
};

/**
 * Draws its children once their placeholder comes into the window, or the page is printed (a printout is never
 * scrolled, and must show everything). A dashboard holds a map and half a dozen charts; drawing all of them at load
 * kept a phone's main thread busy for seconds before the page answered a tap. Without IntersectionObserver (old
 * browsers, tests) it draws at once.
 */
export function WhenVisible({ children, placeholder }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const printing = usePrinting();
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  // Once printed it stays drawn: drawing it again for the next print would be work for nothing.
  if (printing && !seen) setSeen(true);
  return seen || printing ? children : placeholder(ref);
}
