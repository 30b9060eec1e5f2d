import { z } from 'zod';
import { isoDateTimeSchema, listResponseSchema, municipalityCodeSchema, pageQuerySchema, uuidSchema } from './common.ts';

/** PRODUCT §6: what each kind of account may see and write. */
export const ROLES = ['viewer', 'editor', 'board', 'steward', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const emailSchema = z.email().max(254).transform((e) => e.toLowerCase());
const passwordSchema = z
  .string()
  .min(12)
  .max(1024);

export const userSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** The municipalities an editor writes for; empty for other roles. */
  municipalityCodes: z.array(municipalityCodeSchema),
  active: z.boolean(),
  /** Whether the account can sign in with a password (otherwise only through single sign-on). */
  hasPassword: z.boolean(),
  lastLoginAt: isoDateTimeSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type User = z.infer<typeof userSchema>;
export const userListSchema = listResponseSchema(userSchema);

export const userIdParamsSchema = z.strictObject({ id: uuidSchema });

export const userListQuerySchema = z.strictObject({
  role: roleSchema.optional(),
  municipalityCode: municipalityCodeSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** Only an editor is bound to municipalities; the binding means nothing for the other roles. */
function bindingsFitRole(value: { role?: Role | undefined; municipalityCodes?: string[] | undefined }, ctx: z.RefinementCtx): void {
  if (value.role === 'editor' && value.municipalityCodes !== undefined && value.municipalityCodes.length === 0)
    ctx.addIssue({ code: 'custom', path: ['municipalityCodes'], message: 'validation.editorNeedsMunicipality' });
  if (value.role !== undefined && value.role !== 'editor' && (value.municipalityCodes?.length ?? 0) > 0)
    ctx.addIssue({ code: 'custom', path: ['municipalityCodes'], message: 'validation.onlyEditorMunicipalities' });
}

export const createUserSchema = z
  .strictObject({
    email: emailSchema,
    name: z.string().trim().min(1).max(200),
    role: roleSchema,
    municipalityCodes: z.array(municipalityCodeSchema).max(400).default([]),
    /** Leave out for an account that signs in only through single sign-on. */
    password: passwordSchema.optional(),
  })
  .superRefine(bindingsFitRole);
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    role: roleSchema.optional(),
    municipalityCodes: z.array(municipalityCodeSchema).max(400).optional(),
    active: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .superRefine(bindingsFitRole);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const sessionSchema = z.object({
  user: userSchema,
  /** Send it back as the `X-CSRF-Token` header on every write made with the session cookie. */
  csrfToken: z.string(),
  /** When the session ends at the latest; it ends earlier after a period without requests. */
  expiresAt: isoDateTimeSchema,
  /** How the session was started. */
  method: z.enum(['password', 'oidc']),
});
export type Session = z.infer<typeof sessionSchema>;

/**
 * What a personal API token may do, on top of what its owner may: `read` (GET), `write` (every other method) and
 * `admin` (an admin's rights; without it an admin's token acts as a viewer).
 */
export const API_TOKEN_SCOPES = ['read', 'write', 'admin'] as const;
export const apiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof apiTokenScopeSchema>;

export const apiTokenSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  /** The first characters of the token, to recognise it; the token itself is shown only once. */
  prefix: z.string(),
  scopes: z.array(apiTokenScopeSchema),
  createdAt: isoDateTimeSchema,
  /** Every token ends: at most the configured maximum lifetime (one year by default) after it was made. */
  expiresAt: isoDateTimeSchema,
  lastUsedAt: isoDateTimeSchema.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokenListSchema = listResponseSchema(apiTokenSchema);

/** A token as an admin sees it: with whose it is. */
export const ownedApiTokenSchema = apiTokenSchema.extend({
  owner: z.object({ id: uuidSchema, email: z.string(), name: z.string(), role: roleSchema }),
});
export type OwnedApiToken = z.infer<typeof ownedApiTokenSchema>;
export const ownedApiTokenListSchema = listResponseSchema(ownedApiTokenSchema);

export const apiTokenListQuerySchema = pageQuerySchema.extend({
  /** Only this account's tokens. */
  userId: uuidSchema.optional(),
}).strict();
export type ApiTokenListQuery = z.infer<typeof apiTokenListQuerySchema>;

export const createApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** What the token may do; `read` alone when left out. `admin` only for an admin's own tokens. */
  scopes: z
    .array(apiTokenScopeSchema)
    .min(1, { message: 'validation.chooseScope' })
    .max(API_TOKEN_SCOPES.length)
    .default(['read']),
  /** Leave out for the longest lifetime allowed (one year unless configured otherwise). */
  expiresAt: isoDateTimeSchema
    .refine((v) => Date.parse(v) > Date.now(), { message: 'validation.mustBeFuture' })
    .optional(),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const createdApiTokenSchema = apiTokenSchema.extend({
  /** Use as `Authorization: Bearer <token>`. Shown only in this answer: it is stored hashed. */
  token: z.string(),
});

export const apiTokenIdParamsSchema = z.strictObject({ tokenId: uuidSchema });

export const oidcStartQuerySchema = z.strictObject({
  /** A path of this application to return to after logging in; never another site. */
  returnTo: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])[^\s\\]*$/, { message: 'validation.appPath' })
    .optional(),
});
