/**
 * Orders names as a Dutch reader expects, accents and case after the letters. One collator for every comparison:
 * `localeCompare` with a locale sets one up per call, which a sort of hundreds of names pays for thousands of times.
 */
export const dutchOrder = new Intl.Collator('nl').compare;
