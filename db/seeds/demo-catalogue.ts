/**
 * The invented market of the demo landscape: vendors and products that do not exist. Whimsical Dutch names on
 * purpose, so that nobody mistakes a demo figure for a claim about a real product's compliance.
 */
import type { Layer } from '@tm/shared/schemas/application';

/** Vendors of the long-standing, monolithic packages that most legacy applications come from. */
export const LEGACY_VENDORS = [
  { name: 'Polderpraat Informatisering', brand: 'Polderpraat' },
  { name: 'Kwakkelhuis Gemeentesoftware', brand: 'Kwakkel' },
  { name: 'Molenwiek Systemen', brand: 'Molenwiek' },
  { name: 'Hagelslag Automatisering', brand: 'Hagelslag' },
  { name: 'Klompenmakerij Digitaal', brand: 'Klomp' },
  { name: 'Slootwater ICT', brand: 'Slootwater' },
  { name: 'Dijkgraaf & Kievit Bestuurssystemen', brand: 'Dijkgraaf' },
  { name: 'Kaasdoek Applicaties', brand: 'Kaasdoek' },
] as const;

/** Vendors and cooperatives building separate, API-first components. */
export const COMPLIANT_VENDORS = [
  { name: 'Grutto Open Componenten', brand: 'Grutto' },
  { name: 'Kievitsbloem Coöperatie', brand: 'Kievitsbloem' },
  { name: 'Wadlooper Labs', brand: 'Wadlooper' },
  { name: 'Zeekraal Digitaal', brand: 'Zeekraal' },
  { name: 'Fietsbel Platform', brand: 'Fietsbel' },
  { name: 'Hunebed Open Source', brand: 'Hunebed' },
] as const;

export const DEMO_VENDOR_NAMES: readonly string[] = [...LEGACY_VENDORS, ...COMPLIANT_VENDORS].map((v) => v.name);

/** Departments that tell apart several installations of one product within a municipality. */
export const DEPARTMENTS = [
  'Publiekszaken', 'Sociaal Domein', 'Ruimte', 'Bedrijfsvoering', 'Dienstverlening', 'Openbare Ruimte',
  'Veiligheid', 'Financiën', 'Belastingen', 'Informatievoorziening', 'Burgerzaken', 'Omgevingsdienst',
] as const;

/** Components that nearly every municipality runs, so they turn up more often. */
export const CORE_COMPONENTS = [
  'Zaakregistratiecomponent', 'Zaaktypecataloguscomponent', 'Documentregistratiecomponent', 'Documentcreatiecomponent',
  'Generiek zaakafhandelcomponent', 'Burgerzakencomponent', 'GBA-administratiecomponent', 'Belastingencomponent',
  'WOZ-beheercomponent', 'WOZ-taxatiecomponent', 'Inningencomponent', 'Financieel component', 'Inkoopcomponent',
  'Wmo-component', 'Jeugdzorgcomponent', 'Inkomenscomponent', 'Reïntegratie- en werkzoekendencomponent',
  'Budgetadvies- en schuldhulpverleningcomponent', 'Vergunning- Toezicht- Handhavingcomponent',
  'Vergunning- Toezicht- en Handhavingcomponent fysieke leefomgeving', 'Toepasbare regelscomponent',
  'BAG-beheercomponent', 'BGT-beheercomponent', 'Relatiebeheercomponent (CRM)', 'Klantgeleidingcomponent',
  'Mijngemeentecomponent', 'E-formulieren publicatie-en-beheercomponent', 'Webcontentpublicatie- en beheercomponent',
  'Personeelsinformatiecomponent', 'Salarisadministratie en -verwerkingcomponent', 'Archiefbeheercomponent',
  'Meldingen openbare ruimtecomponent', 'Bestuur- en Raadsinformatiecomponent', 'Gegevensmagazijncomponent',
  'Onlinebetalingcomponent',
];

/** Packages that fill several reference components at once, as the Softwarecatalogus lists them. */
export const SUITES: readonly { label: string; layer: Layer; components: readonly string[] }[] = [
  { label: 'Burgerzaken Suite', layer: 'data', components: ['Burgerzakencomponent', 'GBA-administratiecomponent', 'Verkiezingencomponent'] },
  { label: 'Sociaal Domein Suite', layer: 'process', components: ['Wmo-component', 'Jeugdzorgcomponent', 'Inkomenscomponent', 'Reïntegratie- en werkzoekendencomponent', 'Budgetadvies- en schuldhulpverleningcomponent'] },
  { label: 'Belastingen Suite', layer: 'data', components: ['Belastingencomponent', 'WOZ-beheercomponent', 'WOZ-taxatiecomponent', 'Inningencomponent'] },
  { label: 'Financiën Suite', layer: 'process', components: ['Financieel component', 'Inkoopcomponent', 'Planning en control component'] },
  { label: 'Zaken Suite', layer: 'process', components: ['Zaakregistratiecomponent', 'Zaaktypecataloguscomponent', 'Documentregistratiecomponent', 'Generiek zaakafhandelcomponent'] },
  { label: 'Omgeving Suite', layer: 'process', components: ['Vergunning- Toezicht- Handhavingcomponent', 'Vergunning- Toezicht- en Handhavingcomponent fysieke leefomgeving', 'Toepasbare regelscomponent'] },
  { label: 'Personeel Suite', layer: 'process', components: ['Personeelsinformatiecomponent', 'Salarisadministratie en -verwerkingcomponent', 'Tijdregistratiecomponent'] },
  { label: 'Geo Suite', layer: 'data', components: ['BAG-beheercomponent', 'BGT-beheercomponent', 'Geo-gegevens analysecomponent'] },
  { label: 'Klantcontact Suite', layer: 'interaction', components: ['Relatiebeheercomponent (CRM)', 'Callcentercomponent', 'Klantgeleidingcomponent', 'Afsprakenbeheercomponent'] },
];

const LAYER_KEYWORDS: readonly [Layer, readonly string[]][] = [
  ['interaction', ['portaal', 'mijngemeente', 'e-formulieren', 'webcontent', 'intranet', 'balie', 'callcenter', 'klantgeleiding', 'sociale media', 'narrowcasting', 'zelfdiagnose', 'klantfeedback', 'klanttevredenheid', 'ideeën', 'buurtmarktplaats', 'cocreatie', 'zoekmachine', 'afspraken', 'viewer', 'mediamonitor']],
  ['integration', ['servicebus', 'gegevensdistributie', 'notificatie', 'serviceregister', 'data-laad']],
  ['services', ['onlinebetaling', 'handtekening', 'documentcreatie', 'outputmanagement', 'ai-', 'engine', 'gebruikersbeheer', 'wachtwoord', 'logging', 'anti-', 'firewall', 'vpn', 'ids-ips', 'siem', 'netwerk', 'mobile-device', 'vulnerability', 'back-up', 'preventie', 'forensisch', 'media-behandeling', 'software-', 'kantoorautomatisering', 'scanning']],
  ['data', ['registratie', 'register', 'archief', 'bag-', 'bgt-', 'bro-', 'gba-', 'woz-', 'documentbeheer', 'warehouse', 'magazijn', 'bi-', 'catalogus', 'wkpb', 'basis']],
];

/** The Common Ground layer a component mostly sits in; domain components default to the process layer. */
export function layerOf(componentName: string): Layer {
  const name = componentName.toLowerCase();
  return LAYER_KEYWORDS.find(([, words]) => words.some((w) => name.includes(w)))?.[0] ?? 'process';
}

/** "Zaakregistratiecomponent" → "Zaakregistratie": the part a product name borrows. */
export function productLabel(componentName: string): string {
  const label = componentName
    .replace(/\s*\(.*\)$/, '')
    .replace(/[\s-]*component$/i, '')
    .replace(/[\s-]+$/, '')
    .trim();
  return label.length > 0 ? label.charAt(0).toUpperCase() + label.slice(1) : componentName;
}

export type CatalogueProduct = {
  key: number;
  name: string;
  vendor: string;
  layer: Layer;
  compliant: boolean;
  /** A package that fills several reference components. */
  suite: boolean;
  /** The versions it was released in, oldest first. */
  releases: string[];
  /** Reference component ids, sorted as the API sorts them. */
  componentIds: string[];
  /** Typical annual licence cost for a municipality of 50,000 inhabitants, in euros. */
  baseCost: number;
};

/** How often a product is chosen, among the products offered for one component. */
export type CatalogueOffer = { componentId: string; compliant: boolean; productKey: number; weight: number };

/** A small, stable hash so that the catalogue does not depend on the seed: the same market in every demo. */
function fnv(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function pickDistinct<T>(list: readonly T[], count: number, key: string): T[] {
  return list
    .map((item, i) => ({ item, rank: fnv(`${key}/${i}`) }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, count)
    .map((x) => x.item);
}

/**
 * A few versions per product, so that municipalities share versions and one judgement of a version reaches many of
 * them: "4.0", "4.1", "4.2", "5.0", …
 */
function releaseLine(productName: string): string[] {
  const major = 1 + (fnv(`major:${productName}`) % 8);
  const count = 5 + (fnv(`releases:${productName}`) % 4);
  return Array.from({ length: count }, (_, i) => `${major + Math.floor(i / 3)}.${i % 3}`);
}

/**
 * How municipalities write a vendor's name, the vendor's own spelling first. All but the last are one vendor to the
 * catalogue's normaliser (a legal form, lower or upper case); the last, only the first word, is a vendor of its own
 * to it: the duplicates a steward finds and merges. Municipalities use it for suites only, so there are a few.
 */
export function vendorSpellings(vendor: string): string[] {
  return [vendor, `${vendor} B.V.`, `${vendor.toLowerCase()} bv`, vendor.toUpperCase(), vendor.split(' ')[0]!];
}

export function buildCatalogue(components: readonly { id: string; name: string }[]): {
  products: CatalogueProduct[];
  offers: CatalogueOffer[];
} {
  const products: CatalogueProduct[] = [];
  const offers: CatalogueOffer[] = [];
  const idByName = new Map(components.map((c) => [c.name, c.id]));
  const add = (p: Omit<CatalogueProduct, 'key' | 'suite' | 'releases'>, weights: Map<string, number>) => {
    const key = products.length + 1;
    products.push({ ...p, key, suite: p.componentIds.length > 1, releases: releaseLine(p.name) });
    for (const [componentId, weight] of weights) offers.push({ componentId, compliant: p.compliant, productKey: key, weight });
  };

  for (const c of [...components].sort((a, b) => a.name.localeCompare(b.name, 'nl'))) {
    const core = CORE_COMPONENTS.includes(c.name);
    const label = productLabel(c.name);
    const layer = layerOf(c.name);
    const costScale = core ? 3 : 1;
    pickDistinct(LEGACY_VENDORS, core ? 3 : 2, `legacy:${c.name}`).forEach((v, i) =>
      add(
        { name: `${v.brand} ${label}`, vendor: v.name, layer, compliant: false, componentIds: [c.id], baseCost: costScale * (6000 + (fnv(`${c.name}${i}`) % 9) * 1500) },
        new Map([[c.id, [5, 3, 1][i]!]]),
      ),
    );
    pickDistinct(COMPLIANT_VENDORS, core ? 3 : 1 + (fnv(c.name) % 2), `compliant:${c.name}`).forEach((v, i) =>
      add(
        { name: `${v.brand} ${label}`, vendor: v.name, layer, compliant: true, componentIds: [c.id], baseCost: costScale * (4000 + (fnv(`${c.name}c${i}`) % 9) * 1000) },
        new Map([[c.id, [4, 2, 1][i]!]]),
      ),
    );
  }

  for (const suite of SUITES) {
    const ids = suite.components.map((n) => idByName.get(n)).filter((id): id is string => id !== undefined).sort();
    if (ids.length === 0) continue;
    const weights = new Map(ids.map((id) => [id, 6]));
    for (const v of pickDistinct(LEGACY_VENDORS, 2, `suite:${suite.label}`))
      add({ name: `${v.brand} ${suite.label}`, vendor: v.name, layer: suite.layer, compliant: false, componentIds: ids, baseCost: 40000 + (fnv(`${suite.label}${v.name}`) % 7) * 10000 }, weights);
    const [open] = pickDistinct(COMPLIANT_VENDORS, 1, `suite:${suite.label}`);
    add({ name: `${open!.brand} ${suite.label}`, vendor: open!.name, layer: suite.layer, compliant: true, componentIds: ids, baseCost: 30000 + (fnv(`${suite.label}open`) % 5) * 8000 }, new Map(ids.map((id) => [id, 3])));
  }
  return { products, offers };
}
