import { type ReactNode, useEffect, useState } from 'react';
import { inTurn } from '../../lib/in-turn.ts';
import { usePrinting } from '../../lib/use-printing.ts';

/**
 * Whether the component's turn (`lib/in-turn.ts`) has come: a few frames after the commit that mounted it, after the
 * turns asked for before it. Printing brings it at once, as a printout must show everything.
 */
export function useInTurn(): boolean {
  const printing = usePrinting();
  const [come, setCome] = useState(false);
  useEffect(() => (come ? undefined : inTurn(() => setCome(true))), [come]);
  // Once printed it stays: taking a panel away again after the print would be work for nothing.
  if (printing && !come) setCome(true);
  return come || printing;
}

/**
 * Draws its children in their turn, for what a screen shows below its first view; until then an empty box holds
 * part of their place, so that nothing above them moves.
 */
export function InTurn({ children }: { children: ReactNode }) {
  return useInTurn() ? children : <div className="tm-in-turn" />;
}
