import { describe, expect, it } from 'vitest';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { matchMunicipalities } from './municipality-search.tsx';

const m = (code: string, name: string): Municipality => ({
  code,
  name,
  province: 'Zuid-Holland',
  population: 1000,
  sizeClass: 1,
  validFrom: null,
  validTo: null,
  predecessors: [],
  mergedInto: null,
});
const all = [m('GM0546', 'Leiden'), m('GM0547', 'Leiderdorp'), m('GM0575', 'Noordwijk'), m('GM1884', 'Kaag en Braassem'), m('GM0080', 'Leeuwarden'), m('GM1900', 'Súdwest-Fryslân')];

describe('matchMunicipalities', () => {
  it('when someone types "Lei", then Leiden and Leiderdorp come first', () => {
    expect(matchMunicipalities(all, 'Lei').map((x) => x.name)).toEqual(['Leiden', 'Leiderdorp']);
  });

  it('when the query is inside a name, then it matches after the names that start with it', () => {
    expect(matchMunicipalities(all, 'ee').map((x) => x.name)).toEqual(['Leeuwarden']);
    expect(matchMunicipalities(all, 'wijk').map((x) => x.name)).toEqual(['Noordwijk']);
  });

  it('when accents or case differ, then it still matches', () => {
    expect(matchMunicipalities(all, 'sudwest').map((x) => x.name)).toEqual(['Súdwest-Fryslân']);
  });

  it('when the query is a CBS code or empty, then the code matches and empty gives nothing', () => {
    expect(matchMunicipalities(all, 'gm0546').map((x) => x.name)).toEqual(['Leiden']);
    expect(matchMunicipalities(all, '  ')).toEqual([]);
  });
});
