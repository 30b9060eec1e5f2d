/**
 * The identifiers and property definitions of the exchange files this application writes, which its import
 * recognises again. Identifiers are prefixed, as an `xs:ID` may not start with the digit a UUID may start with.
 */
import type { PropertyDataType } from './ameff-format.ts';
import { COLUMNS } from '../imports/columns.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const modelIdentifier = (municipalityCode: string) => `model-${municipalityCode}`;
export const applicationIdentifier = (applicationId: string) => `app-${applicationId}`;
/** GEMMA's own ArchiMate model names its reference components so, so a file of ours lines up with it in Archi. */
export const referenceComponentIdentifier = (referenceComponentId: string) => `id-${referenceComponentId}`;
export const relationshipIdentifier = (applicationId: string, referenceComponentId: string) =>
  `rel-${applicationId}-${referenceComponentId}`;

/** The application id behind an identifier written by `applicationIdentifier`, or null for any other. */
export function applicationIdOf(identifier: string): string | null {
  const id = identifier.startsWith('app-') ? identifier.slice(4) : '';
  return UUID.test(id) ? id.toLowerCase() : null;
}

/** A GEMMA object id as GEMMA writes it: bare, or as its ArchiMate identifier `id-…`. */
export function gemmaIdOf(value: string): string | null {
  const id = value.trim().replace(/^id-/i, '');
  return UUID.test(id) ? id.toLowerCase() : null;
}

type PropertyDefinition = { identifier: string; name: string; type: PropertyDataType };

/**
 * Application fields carry the Dutch column names of the spreadsheet export, so the import maps a property exactly
 * as it maps a column; the reference components' own properties say which GEMMA object they are.
 */
export const AMEFF_PROPERTIES = {
  municipality: { identifier: 'propid-municipality', name: COLUMNS.municipality.dutch, type: 'string' },
  status: { identifier: 'propid-status', name: COLUMNS.status.dutch, type: 'string' },
  lifecycle: { identifier: 'propid-lifecycle', name: COLUMNS.lifecycle.dutch, type: 'string' },
  layer: { identifier: 'propid-layer', name: COLUMNS.layer.dutch, type: 'string' },
  vendor: { identifier: 'propid-vendor', name: COLUMNS.vendor.dutch, type: 'string' },
  product: { identifier: 'propid-product', name: COLUMNS.product.dutch, type: 'string' },
  version: { identifier: 'propid-version', name: COLUMNS.version.dutch, type: 'string' },
  plannedReplacementYear: { identifier: 'propid-planned-replacement-year', name: COLUMNS.plannedReplacementYear.dutch, type: 'number' },
  annualCost: { identifier: 'propid-annual-cost', name: COLUMNS.annualCost.dutch, type: 'currency' },
  /** As the spreadsheet export writes it: an import of an edited copy refuses applications changed since. */
  updatedAt: { identifier: 'propid-updated-at', name: COLUMNS.updatedAt.dutch, type: 'string' },
  gemmaId: { identifier: 'propid-gemma-id', name: 'GEMMA-id', type: 'string' },
  gemmaType: { identifier: 'propid-gemma-type', name: 'GEMMA-type', type: 'string' },
} as const satisfies Record<string, PropertyDefinition>;
