/**
 * Hands out turns one at a time, in the order they were asked for, each in a task of its own once the browser has
 * painted what the turn before it drew. A screen that draws all its panels in one commit makes one long task of the
 * commit and another of the style and layout after it; drawn a panel per turn, each of those is a panel's worth.
 * A hidden page paints no frames: its turns come on timers.
 */
const waiting: (() => void)[] = [];
let handing = false;

function afterPaint(next: () => void): void {
  // The frame's callbacks run just before it paints; the timeout, just after.
  if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(next));
  else setTimeout(next);
}

function handOut(): void {
  const turn = waiting.shift();
  if (!turn) {
    handing = false;
    return;
  }
  turn();
  afterPaint(handOut);
}

/** Runs `turn` when it is its turn; returns how to give the turn up. */
export function inTurn(turn: () => void): () => void {
  waiting.push(turn);
  if (!handing) {
    handing = true;
    afterPaint(handOut);
  }
  return () => {
    const index = waiting.indexOf(turn);
    if (index >= 0) waiting.splice(index, 1);
  };
}
