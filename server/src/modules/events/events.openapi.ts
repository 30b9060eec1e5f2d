import { EVENT_TYPES, eventListQuerySchema, eventListSchema } from '@tm/shared/schemas/events';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerEventsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/events',
    summary: 'The change feed: every committed change, in commit order, as CloudEvents',
    description:
      'CloudEvents 1.0 in JSON following the NL GOV profile for CloudEvents, oldest first. Read on with `after` set to ' +
      'the `id` of the last event read; an empty page means there is nothing newer yet. An event is in the feed if and ' +
      'only if its change committed, and events appear in the order their changes committed: a reader that pages on ' +
      'never skips one. `time` is when the change was recorded, `sequence` its place in that order, `subject` the ' +
      `changed resource as a path of this API. Types: ${EVENT_TYPES.map((t) => `\`${t}\``).join(', ')}.`,
    tags: ['Change feed'],
    access: "admins (every event); editors (their municipalities' events)",
    request: { query: eventListQuerySchema },
    success: { 200: { description: 'The next events', schema: eventListSchema } },
  });
}
