import { describe, expect, it } from 'vitest';
import { municipalityMergerSchema } from './municipality-merger.ts';

const valid = { date: '2027-01-01', from: ['GM0037', 'GM0047'], into: { code: 'GM1995', name: 'Veenkoloniën', province: 'Groningen' } };

const pathsOf = (input: unknown) => {
  const result = municipalityMergerSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('a merger as POST /municipality-mergers takes it', () => {
  it.each([
    ['two into a new code', valid],
    ['one absorbing the other', { ...valid, into: { ...valid.into, code: 'GM0037' } }],
    ['one municipality taking a new code', { ...valid, from: ['GM0037'] }],
  ])('when it is %s, then it is accepted', (_, input) => {
    expect(pathsOf(input)).toEqual([]);
  });

  it.each([
    ['a code listed twice', { ...valid, from: ['GM0037', 'GM0047', 'GM0037'] }, ['from.2']],
    ['no municipality to merge', { ...valid, from: [] }, ['from']],
    ['one municipality keeping its own code', { ...valid, from: ['GM0037'], into: { ...valid.into, code: 'GM0037' } }, ['into.code']],
    ['a bad code, date, name and province', { date: '1-1-2027', from: ['37'], into: { code: 'GM1995', name: ' ', province: 'Friesland' } }, ['date', 'from.0', 'into.name', 'into.province']],
    ['a field it does not know', { ...valid, population: 60_000 }, ['']],
    ['a date within a month', { ...valid, date: '2027-01-15' }, ['date']],
  ])('when it has %s, then each wrong field is named', (_, input, paths) => {
    expect(pathsOf(input)).toEqual(paths);
  });
});
