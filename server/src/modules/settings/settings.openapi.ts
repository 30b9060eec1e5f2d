import { settingsSchema } from '@tm/shared/schemas/settings';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerSettingsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/settings',
    summary: 'The programme settings: start, annual rate and how long an attestation lasts',
    description:
      'target(t) = min(100%, share(t0) + annualRate × years since programmeStart). share(t0) is the share at the end ' +
      'of the month before the month of programmeStart (for 2021-01-01: on 2020-12-31). An inventory not attested for ' +
      '`staleAfterMonths` is stale.',
    tags: ['Settings'],
    success: { 200: { description: 'The settings in force', schema: settingsSchema } },
  });
  docs.add({
    method: 'put',
    path: '/settings',
    summary: 'Change the programme settings',
    description:
      'Replaces the settings; every target, status and freshness follows on the next read. Announced in the change feed as ' +
      '`nl.transitiemonitor.settings.updated`.',
    tags: ['Settings'],
    request: { body: { content: { 'application/json': { schema: settingsSchema } } } },
    success: { 200: { description: 'The settings now in force', schema: settingsSchema } },
    problems: [415],
    access: 'admin',
  });
}
