import fc from 'fast-check';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, STATUSES } from '@tm/shared/schemas/application';
import { useTestApp } from '../../../test/harness.ts';
import * as blocking from '../blocking-products/blocking-products.repository.ts';
import { currentLegacyUses } from '../blocking-products/blocking-products.service.ts';
import { keeper, type KeptNation, nationKeeping } from './kept-municipality-rows.ts';
import { topCompliantProducts } from './top-compliant-products.ts';

const { db, signIn } = useTestApp();
const CODES = ['GM0546', 'GM0363', 'GM0014'];
let editor: supertest.Agent;
let steward: supertest.Agent;
let admin: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: CODES })).agent;
  steward = (await signIn({ role: 'steward' })).agent;
  admin = (await signIn({ role: 'admin' })).agent;
});

/** The rows in one order, whatever order the database returned them in. */
const sorted = <T>(rows: ReadonlyMap<string, readonly T[]>) =>
  new Map([...rows].map(([code, list]) => [code, [...list].map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? String(v) : v))).sort()]));

function normalised(nation: KeptNation) {
  return { ...nation, figures: sorted(nation.figures), compliantProducts: sorted(nation.compliantProducts), componentProducts: sorted(nation.componentProducts) };
}

type Operation =
  | { kind: 'create'; code: number; status: number; product: number; layer: number; cost: number | null }
  | { kind: 'patch'; app: number; status: number; cost: number | null; day: number; year: number | null }
  | { kind: 'delete'; app: number }
  | { kind: 'attest'; code: number }
  | { kind: 'judge'; app: number; compliant: boolean }
  | { kind: 'settings'; rate: number };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), code: fc.nat(2), status: fc.nat(STATUSES.length - 1), product: fc.nat(2), layer: fc.nat(LAYERS.length - 1), cost: fc.option(fc.nat(100_000)) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('patch' as const), app: fc.nat(), status: fc.nat(STATUSES.length - 1), cost: fc.option(fc.nat(100_000)), day: fc.nat(2_000), year: fc.option(fc.integer({ min: 2027, max: 2030 })) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), app: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('attest' as const), code: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('judge' as const), app: fc.nat(), compliant: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), rate: fc.integer({ min: 5, max: 15 }) }) },
);

describe('every municipality’s rows, kept by a server between reads', () => {
  it('when applications are created, changed, deleted and judged, inventories attested and settings changed, then after every write the kept rows equal rows read afresh', async () => {
    const apps: { id: string; etag: string }[] = [];
    const kept = keeper(db(), nationKeeping(db()));
    await kept();
    await currentLegacyUses(db());
    const afterDay = (day: number) => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    for (const op of fc.sample(operation, { numRuns: 40, seed: 20261207 })) {
      const app = 'app' in op && apps.length > 0 ? apps[op.app % apps.length]! : undefined;
      if (op.kind === 'create' || !app) {
        const create = op.kind === 'create' ? op : { code: 0, status: 0, product: 0, layer: 0, cost: null };
        const res = await editor
          .post(`/api/v1/municipalities/${CODES[create.code]}/applications`)
          .send({ name: `App ${apps.length}`, vendor: 'Leverancier', product: ['Zaaksysteem', 'Archief', 'Portaal'][create.product], status: STATUSES[create.status], layer: LAYERS[create.layer], annualCost: create.cost })
          .expect(201);
        apps.push({ id: res.body.id, etag: res.headers.etag! });
      } else if (op.kind === 'patch') {
        const res = await editor.patch(`/api/v1/applications/${app.id}`).set('If-Match', app.etag).send({ status: STATUSES[op.status], annualCost: op.cost, plannedReplacementYear: op.year, effectiveDate: afterDay(op.day) }).expect(200);
        app.etag = res.headers.etag!;
      } else if (op.kind === 'delete') {
        await editor.delete(`/api/v1/applications/${app.id}`).set('If-Match', app.etag).expect(204);
        apps.splice(apps.indexOf(app), 1);
      } else if (op.kind === 'judge') {
        const { productVersionId } = (await editor.get(`/api/v1/applications/${app.id}`).expect(200)).body;
        await steward.post(`/api/v1/product-versions/${productVersionId}/assessments`).send({ verdict: op.compliant ? 'compliant' : 'not_compliant', evidence: 'Proef', effectiveDate: '2024-01-01' }).expect(201);
      }
      if (op.kind === 'attest') await editor.post(`/api/v1/municipalities/${CODES[op.code]}/attestations`).send({}).expect(201);
      if (op.kind === 'settings') await admin.put('/api/v1/settings').send({ programmeStart: '2024-01-01', annualRate: op.rate / 100, staleAfterMonths: 12 }).expect(200);

      const nation = await kept();
      expect(normalised(nation), JSON.stringify(op)).toEqual(normalised(await nationKeeping(db()).all(nation.date)));
      expect(sorted(await currentLegacyUses(db())), JSON.stringify(op)).toEqual(sorted(await blocking.legacyProductUses(db())));
      // The top lists counted from the kept uses, of all and of a group, are those counted from uses read afresh.
      for (const codes of [undefined, CODES.slice(0, 1)])
        expect(await topCompliantProducts(db(), 50, { codes, kept: nation.compliantProducts }), JSON.stringify(op)).toEqual(await topCompliantProducts(db(), 50, { codes }));
    }
  }, 300_000);
});
