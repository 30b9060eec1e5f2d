import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { registerUpdateSchema } from '@tm/shared/schemas/municipality-merger';
import register2025 from '../reference/municipalities.json' with { type: 'json' };
import { type RegisterEntry, readMunicipalityList } from './municipality-list.ts';
import { inferRegisterUpdate } from './register-update.ts';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'register-update-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const meta = { date: '2027-01-01', source: 'test lists' };
const entry = (code: string, name: string, population: number, province: RegisterEntry['province'] = 'Utrecht'): RegisterEntry => ({
  code,
  name,
  province,
  population,
});
/** Every population grown by its own amount between -1% and +2%, the same on every run. */
const grown = (m: RegisterEntry) => ({ ...m, population: Math.round(m.population * (1 + (((Number(m.code.slice(2)) * 7919) % 300) - 100) / 10_000)) });

describe('the register update a newer CBS list implies', () => {
  it('when a list of 2027 has two municipalities merged into a new code and one renamed, then the file holds that merger and that rename for review', async () => {
    const previous = register2025.map((m) => entry(m.code, m.name, m.population, m.province as RegisterEntry['province']));
    const merged = previous.filter((m) => m.code === 'GM0037' || m.code === 'GM0047');
    const next = [
      ...previous
        .filter((m) => !merged.includes(m))
        .map(grown)
        .map((m) => (m.code === 'GM0518' ? { ...m, name: 'Den Haag' } : m)),
      grown(entry('GM1995', 'Veenkoloniën', merged[0]!.population + merged[1]!.population, 'Groningen')),
    ];
    // As CBS publishes it: semicolons, its own headers, codes without GM.
    const csv = ['Gemeentecode;Gemeentenaam;Provincienaam;Bevolking', ...next.map((m) => `${m.code.slice(2)};${m.name};${m.province};${m.population}`)];
    const list = join(work, 'gemeenten-2027.csv');
    const out = join(work, 'register-update-2027.json');
    writeFileSync(list, csv.join('\n') + '\n');

    await promisify(execFile)(process.execPath, ['--import', 'tsx', join(here, 'build-reference-data.ts'), '--newer-list', list, '--date', '2027-01-01', '--out', out]);

    const update = registerUpdateSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(update.mergers).toEqual([{ date: '2027-01-01', from: ['GM0037', 'GM0047'], into: { code: 'GM1995', name: 'Veenkoloniën', province: 'Groningen' } }]);
    expect(update.renames).toEqual([{ date: '2027-01-01', code: 'GM0518', name: 'Den Haag' }]);
    expect(update.populations).toHaveLength(341);
    expect(update.populations.find((p) => p.code === 'GM1995')?.population).toBe(next.at(-1)!.population);
    expect(update.review).toEqual([expect.stringMatching(/^GM1995 Veenkoloniën \(new code\) ← GM0037 Stadskanaal \(32038\) \+ GM0047 Veendam \(27687\)/)]);
    expect(update.review.join('\n')).not.toContain('CHECK');
    expect(update.unresolved).toEqual([]);
    expect(update.source).toMatch(/CBS.*CC BY 4\.0/);
  });

  it('when a municipality vanishes and a neighbour grows by about its size, then the neighbour absorbed it and keeps its code', () => {
    const previous = [entry('GM0001', 'Groot', 80_000), entry('GM0002', 'Klein', 9_000), entry('GM0003', 'Elders', 40_000), entry('GM0004', 'Ook', 30_000)];
    const next = [entry('GM0001', 'Groot', 89_500), entry('GM0003', 'Elders', 40_300), entry('GM0004', 'Ook', 30_100)];
    const update = inferRegisterUpdate(previous, next, meta);
    expect(update.mergers).toEqual([{ date: '2027-01-01', from: ['GM0001', 'GM0002'], into: { code: 'GM0001', name: 'Groot', province: 'Utrecht' } }]);
    expect(update.review[0]).toContain('keeps its code');
    expect(update.renames).toEqual([]);
  });

  it('when four vanish into two new codes in one province, then each new code gets the ones whose populations add up to it', () => {
    const previous = [entry('GM0011', 'A', 10_000), entry('GM0012', 'B', 23_000), entry('GM0013', 'C', 41_000), entry('GM0014', 'D', 7_000), entry('GM0015', 'E', 50_000)];
    const next = [entry('GM1990', 'AC', 51_000), entry('GM1991', 'BD', 30_000), entry('GM0015', 'E', 50_000)];
    const update = inferRegisterUpdate(previous, next, meta);
    expect(update.mergers.map((m) => [m.into.code, m.from])).toEqual([
      ['GM1990', ['GM0011', 'GM0013']],
      ['GM1991', ['GM0012', 'GM0014']],
    ]);
    expect(update.review.join('\n')).not.toContain('CHECK');
  });

  it('when the populations fit two ways of merging equally well, then the review names the other way', () => {
    const previous = [entry('GM0011', 'A', 10_000), entry('GM0012', 'B', 10_000), entry('GM0013', 'C', 20_000), entry('GM0014', 'D', 20_000)];
    const next = [entry('GM1990', 'Een', 30_000), entry('GM1991', 'Twee', 30_000)];
    const update = inferRegisterUpdate(previous, next, meta);
    expect(update.mergers).toHaveLength(2);
    expect(update.review.at(-1)).toMatch(/^CHECK Utrecht: .* fits nearly as well/);
  });

  it('when the list has what no merger explains, then it is listed as unresolved instead of guessed', () => {
    const previous = [entry('GM0011', 'A', 10_000), entry('GM0012', 'B', 10_000, 'Zeeland'), entry('GM0013', 'C', 10_000, 'Drenthe')];
    const next = [entry('GM1990', 'Nieuw', 10_000, 'Limburg'), entry('GM0013', 'C', 10_000, 'Fryslân')];
    const update = inferRegisterUpdate(previous, next, meta);
    expect(update.mergers).toEqual([]);
    expect(update.unresolved).toEqual([
      expect.stringMatching(/^GM0011 A left the list, and nothing in Utrecht/),
      expect.stringMatching(/^GM0012 B left the list, and nothing in Zeeland/),
      expect.stringMatching(/^GM1990 Nieuw is new, but no municipality of Limburg left the list/),
      expect.stringMatching(/^GM0013 C moved from Drenthe to Fryslân/),
    ]);
  });
});

describe('reading a municipality list', () => {
  it("when it has the project's headers, commas and Dutch thousands separators, then every row is read", () => {
    const list = readMunicipalityList('\uFEFFcode,name,province,province_code,population\nGM0014,Groningen,Groningen,PV20,244.441\n546,Leiden,Zuid-Holland,PV28,130638\n');
    expect(list).toEqual([entry('GM0014', 'Groningen', 244_441, 'Groningen'), entry('GM0546', 'Leiden', 130_638, 'Zuid-Holland')]);
  });

  it('when rows cannot be read, then every one is named by its row number, and a missing column by its field', () => {
    const bad = 'code;name;province;population\nGM0014;Groningen;Groningen;veel\nX1;;Gelre;10\nGM0014;Groningen;Groningen;1\n';
    expect(() => readMunicipalityList(bad)).toThrow(
      ['row 2: "veel" is not a number of inhabitants', 'row 3: "X1" is not a CBS municipality code', 'row 3: the name is empty', 'row 3: "Gelre" is not a province', 'row 4: GM0014 is listed twice'].join('\n'),
    );
    expect(() => readMunicipalityList('code;naam\nGM0014;Groningen\n')).toThrow(/no column for province .*; no column for population/);
  });
});
