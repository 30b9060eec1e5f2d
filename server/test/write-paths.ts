/**
 * The ways a CIO changes applications, each as the product's users send it: a PATCH per application, one bulk
 * edit, and a spreadsheet import. Tests send the same change through each and expect the same result.
 */
import type supertest from 'supertest';
import type { Application, Layer, Lifecycle, Status } from '@tm/shared/schemas/application';
import { LAYER_LABELS, LIFECYCLE_LABELS, STATUS_LABELS } from '../src/modules/imports/values.ts';
import { csv } from './spreadsheets.ts';

/** What a bulk edit can set; a PATCH and an import row can set the same. */
export type Change = {
  status?: Status;
  lifecycle?: Lifecycle;
  layer?: Layer | null;
  plannedReplacementYear?: number | null;
  effectiveDate?: string;
};

/** An application as its writer last read it: the base a stale writer is refused on. */
export type Seen = Pick<Application, 'id' | 'name' | 'updatedAt'> & { etag: string };

export type WritePath = (agent: supertest.Agent, code: string, apps: readonly Seen[], change: Change) => supertest.Test | Promise<supertest.Response>;

const dutchDate = (iso: string) => iso.split('-').reverse().join('-');

/** One PATCH per application, each with the ETag its writer read; answers the last response, or the first refusal. */
export const patchEach: WritePath = async (agent, _code, apps, change) => {
  let last: supertest.Response | undefined;
  for (const app of apps) {
    last = await agent.patch(`/api/v1/applications/${app.id}`).set('If-Match', app.etag).send(change);
    if (last.status !== 200) return last;
  }
  return last!;
};

export const bulkEdit: WritePath = (agent, code, apps, change) =>
  agent
    .post(`/api/v1/municipalities/${code}/applications/bulk-updates`)
    .send({ applications: apps.map((a) => ({ id: a.id, updatedAt: a.updatedAt })), changes: change });

/** A file as a CIO makes it from an export: ID, name, the moment of the export, and the columns that change. */
export const importFile: WritePath = (agent, code, apps, change) => {
  const columns: [string, (value: NonNullable<unknown>) => string, keyof Change][] = [
    ['Status', (v) => STATUS_LABELS[v as Status], 'status'],
    ['Gebruiksstatus', (v) => LIFECYCLE_LABELS[v as Lifecycle], 'lifecycle'],
    ['Laag', (v) => LAYER_LABELS[v as Layer], 'layer'],
    ['Gepland vervangjaar', (v) => String(v), 'plannedReplacementYear'],
    ['Ingangsdatum', (v) => dutchDate(String(v)), 'effectiveDate'],
  ];
  const given = columns.filter(([, , field]) => field in change);
  const cells = given.map(([, show, field]) => (change[field] === null ? '' : show(change[field]!)));
  const file = csv([
    ['ID', 'Naam', 'Laatst gewijzigd', ...given.map(([header]) => header)],
    ...apps.map((a) => [a.id, a.name, a.updatedAt, ...cells]),
  ]);
  return agent.post(`/api/v1/municipalities/${code}/imports?mode=commit`).attach('file', Buffer.from(file, 'utf8'), 'inventaris.csv');
};

/** A DELETE with the ETag its writer read (the change is not used: deleting is the change). */
export const deleteEach: WritePath = async (agent, _code, apps) => {
  let last: supertest.Response | undefined;
  for (const app of apps) {
    last = await agent.delete(`/api/v1/applications/${app.id}`).set('If-Match', app.etag);
    if (last.status !== 204) return last;
  }
  return last!;
};

/** Each application as it is now, with the ETag and `updatedAt` a writer would base a change on. */
export async function readForWriting(agent: supertest.Agent, ids: readonly string[]): Promise<Seen[]> {
  return Promise.all(
    ids.map(async (id) => {
      const res = await agent.get(`/api/v1/applications/${id}`).expect(200);
      return { id, name: res.body.name, updatedAt: res.body.updatedAt, etag: res.headers.etag! };
    }),
  );
}
