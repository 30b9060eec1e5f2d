import type { Knex } from 'knex';
import { isDemoDataset } from '@tm/db/demo';
import type { About, DataSource } from '@tm/shared/schemas/about';
import packageJson from '../../../../package.json' with { type: 'json' };
import { API_VERSION } from '../../http/api-version.ts';

/** The attributions the sources' licences ask for (see README). */
const DATA_SOURCES: DataSource[] = [
  {
    name: 'Gemeenten, provincies en inwonertallen 2025',
    attribution: 'Bron: CBS, StatLine 03759NED; CBS / PDOK (gebiedsindelingen 2025), bewerkt door cartomap/nl',
    licence: 'CC BY 4.0',
    url: 'https://opendata.cbs.nl/statline/#/CBS/nl/dataset/03759ned',
  },
  {
    name: 'GEMMA referentiecomponenten',
    attribution: 'GEMMA, VNG Realisatie',
    licence: 'EUPL',
    url: 'https://gemmaonline.nl',
  },
];

export async function about(db: Knex): Promise<About> {
  return { version: packageJson.version, apiVersion: API_VERSION, demo: await isDemoDataset(db), dataSources: DATA_SOURCES };
}
