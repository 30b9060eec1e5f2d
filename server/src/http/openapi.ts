import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { problemSchema } from '@tm/shared/schemas/problem';
import { API_VERSION } from './api-version.ts';

// Named schemas (components) need the registry's extension of zod; the schemas themselves stay plain zod.
extendZodWithOpenApi(z);

const versionHeader = {
  'API-Version': { description: 'The full semantic version of the API', schema: { type: 'string' as const, example: API_VERSION } },
};

const problemContent = { 'application/problem+json': { schema: problemSchema } };

const acceptLanguage = z.object({
  'Accept-Language': z
    .string()
    .optional()
    .meta({ description: 'The language of messages in problem documents: `nl` (the default) or `en`', example: 'en' }),
});
const problemHeaders = {
  ...versionHeader,
  'Content-Language': {
    description: 'The language of `title`, `detail` and the field messages, as asked for',
    schema: { type: 'string' as const, example: 'nl' },
  },
};

/** Every operation answers problems in the language asked for, next to whatever headers it takes itself. */
function withAcceptLanguage(headers: NonNullable<RouteConfig['request']>['headers']) {
  if (headers === undefined) return acceptLanguage;
  return headers instanceof z.ZodObject ? headers.extend(acceptLanguage.shape) : headers;
}

const STANDARD_PROBLEMS: Record<number, string> = {
  400: 'Invalid input: every invalid field is listed in `errors`',
  401: 'Not logged in',
  403: 'Not allowed for this account',
  404: 'Not found',
  409: 'Conflicts with the current state',
  412: 'The If-Match ETag is stale',
  413: 'The request body or file is too large',
  415: 'Unsupported media type',
  422: 'Well-formed but not acceptable',
  428: 'If-Match is required',
  429: 'Too many requests',
  503: 'The database is unavailable, or the server too busy for this now: see Retry-After',
};

export type Operation = {
  method: RouteConfig['method'];
  path: string;
  summary: string;
  /** What a caller needs to know beyond the summary: rules, defaults, side effects. */
  description: string;
  tags: string[];
  request?: RouteConfig['request'];
  /** Success responses by status; each gets the API-Version header. */
  success: Record<number, {
    description: string;
    schema?: z.ZodType;
    contentType?: string;
    /** Other representations of the same response, by media type (e.g. a spreadsheet of a list). */
    alternatives?: Record<string, z.ZodType>;
    headers?: Record<string, { description: string; schema: { type: 'string' } }>;
  }>;
  problems?: number[];
  /** A problem document that carries more than the standard fields, by status. */
  problemSchemas?: Record<number, z.ZodType>;
  /** Who may call it (PRODUCT §6), in words for the reader; leave out for anyone, including anonymous callers. */
  access?: string;
};

/** Collects every operation with the same shared schemas that validate the requests. */
export class ApiDocs {
  readonly registry = new OpenAPIRegistry();

  constructor() {
    this.registry.registerComponent('securitySchemes', 'sessionCookie', {
      type: 'apiKey',
      in: 'cookie',
      name: 'tm_session',
      description:
        'Set by `POST /sessions`. Every write made with it needs the header `X-CSRF-Token` with the `csrfToken` of the session.',
    });
    this.registry.registerComponent('securitySchemes', 'apiToken', {
      type: 'http',
      scheme: 'bearer',
      description:
        'A personal API token from `POST /users/current/tokens`; needs no CSRF token. It may do what its owner may, ' +
        'within its scopes: `read` (GET), `write` (other methods), `admin` (an admin\'s rights).',
    });
  }

  add(op: Operation): void {
    const responses: RouteConfig['responses'] = {};
    for (const [status, s] of Object.entries(op.success)) {
      responses[status] = {
        description: s.description,
        headers: { ...versionHeader, ...s.headers },
        ...(s.schema || s.contentType
          ? {
              content: {
                [s.contentType ?? 'application/json']: { schema: s.schema ?? z.string() },
                ...Object.fromEntries(Object.entries(s.alternatives ?? {}).map(([type, schema]) => [type, { schema }])),
              },
            }
          : {}),
      };
    }
    const guarded = op.access !== undefined;
    for (const status of [...new Set([400, ...(op.problems ?? []), ...(guarded ? [401, 403] : []), 503])]) {
      const schema = op.problemSchemas?.[status];
      responses[status] = {
        description: STANDARD_PROBLEMS[status] ?? 'Problem',
        headers: problemHeaders,
        content: schema ? { 'application/problem+json': { schema } } : problemContent,
      };
    }
    this.registry.registerPath({
      method: op.method,
      path: op.path.replace(/:(\w+)/g, '{$1}'),
      summary: op.summary,
      description: guarded ? `${op.description}\n\n**Who:** ${op.access}` : op.description,
      tags: op.tags,
      security: guarded ? [{ sessionCookie: [] }, { apiToken: [] }] : [],
      operationId: `${op.method}${op.path.replace(/[/:{}-](\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      request: { ...op.request, headers: withAcceptLanguage(op.request?.headers) },
      responses,
    });
  }

  document(serverUrl: string) {
    return new OpenApiGeneratorV31(this.registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: {
        title: 'Transitiemonitor Common Ground API',
        version: API_VERSION,
        description:
          'Application landscapes of Dutch municipalities, tagged Common Ground-compliant or legacy, and their progress ' +
          'against the target of replacing 10% of the landscape per year.',
        contact: {
          name: 'Transitiemonitor Common Ground team',
          email: 'transitiemonitor@example.org',
          url: 'https://github.com/transitiemonitor-common-ground',
        },
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [{ url: serverUrl }],
      tags: [
        { name: 'Service', description: 'Health and metadata' },
        { name: 'Municipalities', description: 'The municipal register' },
        { name: 'Reference components', description: 'GEMMA reference components' },
        { name: 'Inventory', description: "A municipality's application landscape and its history" },
        { name: 'Imports', description: 'Spreadsheets in and out: import, export and the import template' },
        { name: 'Accounts', description: 'Log-in sessions, personal API tokens and, for admins, user accounts' },
        { name: 'Audit', description: 'The append-only record of every write' },
        { name: 'Progress', description: 'Share, target, forecast and plan: municipal and national' },
        { name: 'Reports', description: 'The same figures as a PDF report, national or per municipality, as known at any date' },
        { name: 'Peers', description: 'Comparing municipalities, and saved peer groups' },
        { name: 'Settings', description: 'The programme settings behind every target' },
        { name: 'Catalogue', description: 'Products and their versions, one shared judgement per version, and the catalogue stewards’ work' },
        { name: 'Coalitions', description: 'Municipalities replacing one product together by a target year' },
        { name: 'Attestations', description: "Editors' confirmations that an inventory is complete and current" },
        { name: 'Change feed', description: 'Every committed change as a CloudEvent, in commit order' },
        { name: 'Webhooks', description: 'The change feed POSTed to subscribers, signed per Standard Webhooks' },
      ],
    });
  }
}
