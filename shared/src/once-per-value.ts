/**
 * `fn` computed once per distinct argument: a pass over the rows of an import repeats a few hundred spellings
 * thousands of times, and folding a spelling into a key is most of its work in JavaScript. It forgets nothing, so
 * make one per pass, never one for the life of the process.
 */
export function oncePerValue<A, R>(fn: (value: A) => R): (value: A) => R {
  const known = new Map<A, R>();
  return (value) => {
    if (known.has(value)) return known.get(value) as R;
    const found = fn(value);
    known.set(value, found);
    return found;
  };
}
