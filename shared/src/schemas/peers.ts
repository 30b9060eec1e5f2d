import { z } from 'zod';
import { layerSchema } from './application.ts';
import { judgedProductSchema } from './assessment.ts';
import { municipalityCodeSchema, uuidSchema } from './common.ts';
import { knownAtSchema, measureSchema, municipalityShareSchema } from './progress.ts';

export const BUILT_IN_PEER_GROUPS = ['sizeClass', 'province', 'all'] as const;

export const peersQuerySchema = z.strictObject({
  /** sizeClass, province, all, or the id of a saved group. */
  group: z.union([z.enum(BUILT_IN_PEER_GROUPS), uuidSchema], { message: 'validation.peerGroup' }).default('sizeClass'),
  measure: measureSchema.default('count'),
  knownAt: knownAtSchema.optional(),
});
export type PeersQuery = z.infer<typeof peersQuerySchema>;

export const peerMemberSchema = municipalityShareSchema.extend({ rank: z.number().int().nullable() });

export const recommendationSchema = z.object({
  referenceComponentId: z.uuid(),
  referenceComponentName: z.string(),
  /** My legacy applications for this reference component, with their layer (what a layer filter goes by). */
  myApplications: z.array(z.object({ id: z.uuid(), name: z.string(), layer: layerSchema.nullable() })),
  /** How many peers fill it with a compliant application: the recommendations come most peers first. */
  peerCount: z.number().int(),
  /** The products peers use for it, in all; `products` lists those most peers use and every one I run as legacy. */
  productCount: z.number().int(),
  products: z.array(
    judgedProductSchema.extend({
      municipalityCount: z.number().int(),
      /** At most 10 of them, the nearest in population first. */
      municipalities: z.array(z.object({ code: municipalityCodeSchema, name: z.string() })),
      /** My legacy applications of this very catalogue product: legacy here, compliant at these peers. */
      legacyHere: z.array(z.object({ id: z.uuid(), name: z.string() })),
    }),
  ),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

export const peerLayerComparisonSchema = z.object({
  layer: layerSchema.nullable(),
  share: z.number().nullable(),
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
});

export const peersSchema = z.object({
  municipalityCode: municipalityCodeSchema,
  group: z.object({ key: z.string(), name: z.string(), size: z.number().int() }),
  rank: z.number().int().nullable(),
  share: z.number().nullable(),
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
  members: z.array(peerMemberSchema),
  byLayer: z.array(peerLayerComparisonSchema),
  recommendations: z.array(recommendationSchema),
});
export type Peers = z.infer<typeof peersSchema>;

export const peerGroupSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  ownerId: z.string().nullable(),
  municipalityCodes: z.array(municipalityCodeSchema),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PeerGroup = z.infer<typeof peerGroupSchema>;

export const createPeerGroupSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  municipalityCodes: z.array(municipalityCodeSchema).min(2, { message: 'validation.groupTooSmall' }).max(342),
});
export type CreatePeerGroupInput = z.infer<typeof createPeerGroupSchema>;

export const peerGroupIdParamsSchema = z.strictObject({ id: uuidSchema });
