/**
 * A version-4-shaped UUID from an md5 hex expression, in SQL, so that generated ids are as reproducible as the rest
 * of what generated them (the demo landscape).
 */
export function uuidFromMd5(hash: string): string {
  return `(substr(${hash}, 1, 8) || '-' || substr(${hash}, 9, 4) || '-4' || substr(${hash}, 14, 3) || '-'
    || substr('89ab', (('x' || substr(${hash}, 17, 1))::bit(4)::int & 3) + 1, 1) || substr(${hash}, 18, 3) || '-'
    || substr(${hash}, 21, 12))::uuid`;
}
