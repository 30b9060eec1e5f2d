/**
 * The measure computed by brute force from the raw rows, for tests to hold the API's rollups against: every
 * application's state at every date straight from its events, through the shared pure functions.
 */
import type { Knex } from 'knex';
import { LAYERS, type Layer, type Lifecycle, type Status } from '@tm/shared/schemas/application';
import type { Measure } from '@tm/shared/schemas/progress';
import type { Settings } from '@tm/shared/schemas/settings';
import { addDays, addMonths, monthlyPoints, monthOf } from '@tm/shared/measure/calendar';
import { contributionAt, type MeasuredApplication, shareFigures, shareOf } from '@tm/shared/measure/share';
import { statusOf, targetAt } from '@tm/shared/measure/target';
import { completenessOf, countCompleteness } from '@tm/shared/measure/completeness';
import { isInLandscape, stateAt } from '@tm/shared/measure/timeline';
import { addVerified, NO_VERIFIED, verifiedContributionOf, verifiedFigures } from '@tm/shared/measure/verified';
import type { AssessmentLevel, Verdict } from '@tm/shared/schemas/assessment';
import { judgementOf } from '@tm/shared/catalogue/judgement';

export type OracleApplication = MeasuredApplication & {
  id: string;
  /** Where it belongs now. */
  municipalityCode: string;
  /** Where it was created, and every merger's move (and undoing) of it: which municipality it belonged to when. */
  createdIn: string;
  moves: { seq: number; effectiveDate: string; municipalityCode: string }[];
  name: string;
  vendor: string | null;
  product: string | null;
  plannedReplacementYear: number | null;
  referenceComponentIds: string[];
  productVersionId: string | null;
  /** The catalogue product of its version. */
  productId: string | null;
};

/** The raw rows, as the database holds them now or as it knew them at `knownAt`. */
export async function loadLandscape(db: Knex, knownAt?: string): Promise<OracleApplication[]> {
  const apps: {
    id: string;
    municipality_code: string;
    name: string;
    vendor: string | null;
    product: string | null;
    planned_replacement_year: number | null;
    layer: Layer | null;
    annual_cost: number | null;
    product_version_id: string | null;
    product_id: string | null;
  }[] = await db('applications as a')
    .leftJoin('product_versions as v', 'v.id', 'a.product_version_id')
    .select('a.id', 'a.municipality_code', 'a.name', 'a.vendor', 'a.product', 'a.planned_replacement_year', 'a.layer', 'a.annual_cost', 'a.product_version_id', 'v.product_id')
    .where((w) => {
      w.whereNull('a.deleted_at');
      if (knownAt) w.orWhere('a.deleted_at', '>', knownAt);
    });
  const events: {
    application_id: string;
    id: number;
    action: string;
    municipality_code: string;
    effective_date: string;
    status: Status | null;
    lifecycle: Lifecycle | null;
  }[] =
    await db('application_events')
      .select('application_id', 'id', 'action', 'municipality_code', 'effective_date', 'status', 'lifecycle')
      .modify((q) => {
        if (knownAt) q.where('recorded_at', '<=', knownAt);
      });
  const links: { application_id: string; reference_component_id: string }[] = await db('application_reference_components').select();
  return apps.map((a) => ({
    id: a.id,
    municipalityCode: a.municipality_code,
    createdIn: events.find((e) => e.application_id === a.id && e.action === 'created')?.municipality_code ?? a.municipality_code,
    moves: events
      .filter((e) => e.application_id === a.id && e.action === 'moved')
      .map((e) => ({ seq: Number(e.id), effectiveDate: e.effective_date, municipalityCode: e.municipality_code })),
    name: a.name,
    vendor: a.vendor,
    product: a.product,
    plannedReplacementYear: a.planned_replacement_year,
    referenceComponentIds: links.filter((l) => l.application_id === a.id).map((l) => l.reference_component_id),
    productVersionId: a.product_version_id,
    productId: a.product_id,
    layer: a.layer,
    annualCost: a.annual_cost === null ? null : Number(a.annual_cost),
    events: events
      .filter((e) => e.application_id === a.id)
      .map((e) => ({ effectiveDate: e.effective_date, seq: Number(e.id), status: e.status, lifecycle: e.lifecycle })),
  }));
}

/**
 * Each product version's verified verdict in force, by brute force over every assessment (as the database knew them
 * at `knownAt`): the verified one with the latest effective date, then the latest recorded.
 */
export async function loadVerdicts(db: Knex, knownAt?: string): Promise<Map<string, Verdict>> {
  const rows: { id: string; product_version_id: string; verdict: Verdict; level: string; effective_date: string; recorded_at: Date }[] = await db('assessments').select();
  const latest = new Map<string, (typeof rows)[number]>();
  const later = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    a.effective_date !== b.effective_date ? a.effective_date > b.effective_date : a.recorded_at.getTime() !== b.recorded_at.getTime() ? a.recorded_at > b.recorded_at : a.id > b.id;
  for (const r of rows) {
    if (r.level !== 'verified' || (knownAt && r.recorded_at > new Date(knownAt))) continue;
    const current = latest.get(r.product_version_id);
    if (!current || later(r, current)) latest.set(r.product_version_id, r);
  }
  return new Map([...latest].map(([version, r]) => [version, r.verdict]));
}

export type Judgement = { verdict: Verdict; level: AssessmentLevel };

/** Each judged product version's current judgement, by brute force: the latest verified one, else the latest claimed. */
export async function loadJudgements(db: Knex): Promise<Map<string, Judgement>> {
  const rows: { id: string; product_version_id: string; verdict: Verdict; level: AssessmentLevel; effective_date: string; recorded_at: Date }[] = await db('assessments').select();
  const stands = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    a.level !== b.level ? a.level === 'verified' : a.effective_date !== b.effective_date ? a.effective_date > b.effective_date : a.recorded_at.getTime() !== b.recorded_at.getTime() ? a.recorded_at > b.recorded_at : a.id > b.id;
  const current = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const standing = current.get(r.product_version_id);
    if (!standing || stands(r, standing)) current.set(r.product_version_id, r);
  }
  return new Map([...current].map(([version, r]) => [version, { verdict: r.verdict, level: r.level }]));
}

/** The compliant applications of `landscape` that a list may count: none whose version is judged `not_compliant`. */
function recommendable<T extends OracleApplication & { status: string }>(landscape: readonly T[], judgements: ReadonlyMap<string, Judgement>) {
  return landscape.filter((a) => a.status === 'compliant' && judgements.get(a.productVersionId ?? '')?.verdict !== 'not_compliant');
}

/** How the versions `apps` run are judged, taken together. */
function levelOf(apps: readonly OracleApplication[], judgements: ReadonlyMap<string, Judgement>) {
  return judgementOf(apps.map((a) => judgements.get(a.productVersionId ?? '')?.level ?? null));
}

/** PRODUCT §9 by brute force: every application of `apps` at `today` counted by its version's verdict where it has one. */
export function oracleVerified(apps: readonly OracleApplication[], verdicts: ReadonlyMap<string, Verdict>, measure: Measure, today: string) {
  const counts = apps.reduce(
    (sum, a) => addVerified(sum, verifiedContributionOf(stateAt(a.events, today), a.annualCost, (a.productVersionId && verdicts.get(a.productVersionId)) || null)),
    NO_VERIFIED,
  );
  return verifiedFigures(contributionAt(apps, today), counts, measure);
}

/**
 * The municipality an application belonged to on `date`, by brute force: the move recorded last among those dated
 * by then, else where it was created (PRODUCT §12).
 */
export function memberOn(app: OracleApplication, date: string): string {
  const inForce = app.moves.filter((m) => m.effectiveDate <= date);
  return inForce.length === 0 ? app.createdIn : inForce.reduce((a, b) => (b.seq > a.seq ? b : a)).municipalityCode;
}

/**
 * A municipality's monthly series by brute force: at each point, the applications that belonged to it then. A new
 * municipality's target grows from the starting share of `lineage` (it and its predecessors together).
 */
export function oracleMunicipalitySeries(
  apps: readonly OracleApplication[],
  code: string,
  settings: Settings,
  measure: Measure,
  today: string,
  lineage: readonly string[] = [code],
) {
  const startDate = addDays(monthOf(settings.programmeStart), -1);
  const startShare = shareOf(contributionAt(apps.filter((a) => lineage.includes(memberOn(a, startDate))), startDate), measure);
  return monthlyPoints(today).map((p) => {
    const f = shareFigures(contributionAt(apps.filter((a) => memberOn(a, p.date) === code), p.date), measure);
    return { date: p.date, share: f.share, target: targetAt(settings, startShare, p.date), landscapeCount: f.landscapeCount, compliantCount: f.compliantCount };
  });
}

/** Every attestation's moment per municipality, as the database holds them now or as it knew them at `knownAt`. */
export async function loadAttestations(db: Knex, knownAt?: string): Promise<Map<string, Date[]>> {
  const rows: { municipality_code: string; attested_at: Date }[] = await db('attestations')
    .select('municipality_code', 'attested_at')
    .modify((q) => {
      if (knownAt) q.where('attested_at', '<=', knownAt);
    });
  const byCode = new Map<string, Date[]>();
  for (const r of rows) byCode.set(r.municipality_code, [...(byCode.get(r.municipality_code) ?? []), r.attested_at]);
  return byCode;
}

/**
 * PRODUCT §11 by brute force: the latest of a municipality's attestations decides; its inventory is stale from
 * `staleAfterMonths` after that day on, and always when it was never attested.
 */
export function oracleFreshness(attested: readonly Date[] | undefined, staleAfterMonths: number, today: string) {
  const last = (attested ?? []).reduce<Date | null>((latest, d) => (latest === null || d > latest ? d : latest), null);
  if (last === null) return { attestedAt: null, staleOn: null, stale: true };
  const staleOn = addMonths(last.toISOString().slice(0, 10), staleAfterMonths);
  return { attestedAt: last.toISOString(), staleOn, stale: today >= staleOn };
}

export function oracleSeries(apps: readonly OracleApplication[], settings: Settings, measure: Measure, today: string) {
  const startShare = shareOf(contributionAt(apps, addDays(monthOf(settings.programmeStart), -1)), measure);
  return {
    startShare,
    series: monthlyPoints(today).map((p) => {
      const f = shareFigures(contributionAt(apps, p.date), measure);
      return { date: p.date, share: f.share, target: targetAt(settings, startShare, p.date), landscapeCount: f.landscapeCount, compliantCount: f.compliantCount };
    }),
  };
}

export function oracleStanding(apps: readonly OracleApplication[], settings: Settings, measure: Measure, today: string) {
  const start = shareOf(contributionAt(apps, addDays(monthOf(settings.programmeStart), -1)), measure);
  const now = shareFigures(contributionAt(apps, today), measure);
  const target = targetAt(settings, start, today);
  return { ...now, target, status: statusOf(now.share, target) };
}

/** The applications by their lifecycle in force on `today` (those with none yet count nowhere). */
export function oracleLifecycleCounts(apps: readonly OracleApplication[], today: string) {
  const count = (lifecycle: Lifecycle) => apps.filter((a) => stateAt(a.events, today).lifecycle === lifecycle).length;
  return { planned: count('planned'), inProduction: count('in_production'), phasingOut: count('phasing_out'), phasedOut: count('phased_out') };
}

export function oracleByLayer(apps: readonly OracleApplication[], measure: Measure, today: string) {
  return [...LAYERS, null].map((layer) => {
    const c = contributionAt(apps.filter((a) => a.layer === layer), today);
    return { layer, landscapeCount: c.landscape, compliantCount: c.compliant, inTransitionCount: c.inTransition, share: shareOf(c, measure) };
  });
}

/** Today's landscape with each application's state at `today`, straight from its events. */
function landscapeAt(apps: readonly OracleApplication[], today: string) {
  return apps
    .map((a) => ({ ...a, state: stateAt(a.events, today) }))
    .filter((a) => isInLandscape(a.state.lifecycle))
    .map((a) => ({ ...a, status: a.state.status ?? 'legacy' }));
}

export function oracleCompleteness(apps: readonly OracleApplication[], measure: Measure, today: string) {
  return completenessOf(
    countCompleteness(
      landscapeAt(apps, today).map((a) => ({ ...a, referenceComponentCount: a.referenceComponentIds.length })),
      measure,
    ),
  );
}

/** Every reference component with the number of municipalities that fill it with a legacy application. */
export function oracleLegacyComponents(apps: readonly OracleApplication[], today: string): Map<string, number> {
  const municipalities = new Map<string, Set<string>>();
  for (const a of landscapeAt(apps, today).filter((x) => x.status !== 'compliant'))
    for (const rc of a.referenceComponentIds) municipalities.set(rc, (municipalities.get(rc) ?? new Set()).add(a.municipalityCode));
  return new Map([...municipalities].map(([rc, codes]) => [rc, codes.size]));
}

/** Every catalogue product some compliant application runs, with its municipalities, applications and judgement. */
export function oracleCompliantProducts(apps: readonly OracleApplication[], judgements: ReadonlyMap<string, Judgement>, today: string) {
  const products = new Map<string, { municipalityCount: number; applicationCount: number; assessmentLevel: AssessmentLevel | null }>();
  const compliant = recommendable(landscapeAt(apps, today), judgements);
  for (const id of new Set(compliant.map((a) => a.productId!))) {
    const using = compliant.filter((a) => a.productId === id);
    products.set(id, { municipalityCount: new Set(using.map((a) => a.municipalityCode)).size, applicationCount: using.length, assessmentLevel: levelOf(using, judgements) });
  }
  return products;
}

/**
 * For each reference component `code` fills with a legacy application: its legacy applications, and per catalogue
 * product the peers among `peers` that use it as compliant for that component.
 */
export function oracleRecommendations(apps: readonly OracleApplication[], judgements: ReadonlyMap<string, Judgement>, code: string, peers: readonly string[], today: string) {
  const landscape = landscapeAt(apps, today);
  const mine = landscape.filter((a) => a.municipalityCode === code && a.status !== 'compliant');
  const components = [...new Set(mine.flatMap((a) => a.referenceComponentIds))];
  const candidates = recommendable(landscape, judgements).filter((a) => a.municipalityCode !== code && peers.includes(a.municipalityCode));
  return new Map(
    components.map((rc) => {
      const used = candidates.filter((a) => a.referenceComponentIds.includes(rc));
      const myHere = mine.filter((a) => a.referenceComponentIds.includes(rc));
      const products = new Map<string, { municipalities: string[]; legacyHere: string[]; assessmentLevel: AssessmentLevel | null }>();
      for (const id of new Set(used.map((a) => a.productId!))) {
        const using = used.filter((a) => a.productId === id);
        products.set(id, {
          municipalities: [...new Set(using.map((a) => a.municipalityCode))].sort(),
          legacyHere: myHere.filter((a) => a.productId === id).map((a) => a.id).sort(),
          assessmentLevel: levelOf(using, judgements),
        });
      }
      return [
        rc,
        {
          myApplicationIds: myHere.map((a) => a.id).sort(),
          peerCount: new Set(used.map((a) => a.municipalityCode)).size,
          products,
        },
      ];
    }),
  );
}
