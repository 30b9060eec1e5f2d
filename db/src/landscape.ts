import { LANDSCAPE_LIFECYCLES } from '@tm/shared/schemas/application';

/** Today's landscape in SQL, from the one list of the lifecycles that count (PRODUCT §3.1): `lifecycle in LANDSCAPE`. */
export const LANDSCAPE = `(${LANDSCAPE_LIFECYCLES.map((l) => `'${l}'`).join(', ')})`;
