/** Today's landscape in SQL: the lifecycles that count (PRODUCT §3), as `lifecycle in LANDSCAPE`. */
export const LANDSCAPE = `('in_production', 'phasing_out')`;
