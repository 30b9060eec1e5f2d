import { describe, expect, it } from 'vitest';
import { message } from '../messages/messages.ts';
import type { MunicipalityMergerInput } from '../schemas/municipality-merger.ts';
import { mergerProblems, type RegisterFacts } from './merger-rules.ts';

const TODAY = '2027-03-01';

const facts = (code: string, more: Partial<RegisterFacts> = {}): RegisterFacts => ({
  code,
  validFrom: null,
  validTo: null,
  mergedInto: null,
  lastChange: null,
  hasLandscape: true,
  ...more,
});

const register = new Map(
  [
    facts('GM0001'),
    facts('GM0002'),
    facts('GM0003'),
    facts('GM0004', { hasLandscape: false }),
    facts('GM0005', { validTo: '2026-01-01', mergedInto: 'GM1990' }),
    facts('GM1990', { validFrom: '2026-01-01' }),
    facts('GM0006', { lastChange: '2027-01-01' }),
  ].map((f) => [f.code, f]),
);

const merger = (date: string, from: string[], code: string): MunicipalityMergerInput => ({
  date,
  from,
  into: { code, name: 'Nieuw', province: 'Utrecht' },
});

describe('whether mergers fit the register', () => {
  it.each([
    ['two into a new code', [merger('2027-01-01', ['GM0001', 'GM0002'], 'GM1999')]],
    ['one absorbing another', [merger('2027-01-01', ['GM0001', 'GM0002'], 'GM0001')]],
    ['one taking a new code', [merger('2027-01-01', ['GM0003'], 'GM1999')]],
    ['a municipality that began later, after its start', [merger('2027-01-01', ['GM1990', 'GM0001'], 'GM1990')]],
    ['on the day of its latest change', [merger('2027-01-01', ['GM0006', 'GM0001'], 'GM0006')]],
    [
      'a chain over years, in one list given latest first',
      [merger('2027-01-01', ['GM1998', 'GM0003'], 'GM1999'), merger('2026-06-01', ['GM0001', 'GM0002'], 'GM1998')],
    ],
    [
      'two mergers of one year that share nothing',
      [merger('2027-01-01', ['GM0001', 'GM0002'], 'GM1998'), merger('2027-01-01', ['GM0003', 'GM0004'], 'GM1999')],
    ],
  ])('when it is %s, then there is no problem', (_, mergers) => {
    expect(mergerProblems(mergers, register, TODAY)).toEqual([]);
  });

  it.each([
    ['dated in the future', merger('2027-03-02', ['GM0001', 'GM0002'], 'GM1999'), { path: 'date', status: 400, message: message('mergers.inFuture') }],
    ['of an unknown code', merger('2027-01-01', ['GM0001', 'GM0999'], 'GM1999'), { path: 'from.1', status: 400, message: message('mergers.unknownMunicipality', { code: 'GM0999' }) }],
    ['of one already merged away', merger('2027-01-01', ['GM0005', 'GM0001'], 'GM1999'), { path: 'from.0', status: 409, message: message('mergers.mergedAlready', { code: 'GM0005', into: 'GM1990', date: '2026-01-01' }) }],
    ['dated before a municipality began', merger('2025-07-01', ['GM1990', 'GM0001'], 'GM1990'), { path: 'date', status: 400, message: message('mergers.beforeStart', { start: '2026-01-01', code: 'GM1990' }) }],
    ['dated on the day it began', merger('2026-01-01', ['GM1990', 'GM0001'], 'GM1990'), { path: 'date', status: 400 }],
    ['dated before a later change of it', merger('2026-07-01', ['GM0006', 'GM0001'], 'GM0006'), { path: 'date', status: 409, message: message('mergers.beforeLastChange', { code: 'GM0006', date: '2027-01-01' }) }],
    ['into a code with a landscape of its own', merger('2027-01-01', ['GM0001', 'GM0002'], 'GM0003'), { path: 'into.code', status: 409, message: message('mergers.targetHasLandscape', { code: 'GM0003' }) }],
    ['into an existing code without a landscape, not listed', merger('2027-01-01', ['GM0001', 'GM0002'], 'GM0004'), { path: 'into.code', status: 409, message: message('mergers.targetExists', { code: 'GM0004' }) }],
    ['into a code that merged away', merger('2027-01-01', ['GM0001', 'GM0002'], 'GM0005'), { path: 'into.code', status: 409, message: message('mergers.codeUsed', { code: 'GM0005', into: 'GM1990', date: '2026-01-01' }) }],
  ])('when it is %s, then that is the problem', (_, m, problem) => {
    expect(mergerProblems([m], register, TODAY)).toEqual([{ merger: 0, message: expect.objectContaining({ key: expect.any(String) }), ...problem }]);
  });

  it('when two mergers of one year overlap, then the later is refused until the earlier is registered, whichever comes first in the list', () => {
    const earlier = merger('2027-01-01', ['GM0001', 'GM0002'], 'GM1999');
    const later = merger('2027-02-01', ['GM1999', 'GM0003'], 'GM1999');
    expect(mergerProblems([later, earlier], register, TODAY)).toEqual([
      { merger: 0, path: 'from', status: 409, message: message('mergers.overlaps', { number: 2, codes: ['GM1999'] }) },
    ]);
    const afterwards = new Map(register)
      .set('GM0001', facts('GM0001', { validTo: '2027-01-01', mergedInto: 'GM1999' }))
      .set('GM0002', facts('GM0002', { validTo: '2027-01-01', mergedInto: 'GM1999' }))
      .set('GM1999', facts('GM1999', { validFrom: '2027-01-01' }));
    expect(mergerProblems([later], afterwards, TODAY)).toEqual([]);
  });

  it('when a list merges one municipality twice in different years, then the second finds it merged away by the first', () => {
    const first = merger('2025-01-01', ['GM0001', 'GM0002'], 'GM1998');
    const second = merger('2026-01-01', ['GM0001', 'GM0003'], 'GM1999');
    expect(mergerProblems([first, second], register, TODAY)).toEqual([
      { merger: 1, path: 'from.0', status: 409, message: message('mergers.mergedAlready', { code: 'GM0001', into: 'GM1998', date: '2025-01-01' }) },
    ]);
  });

  it('when a merger has several problems, then all of them are listed', () => {
    const problems = mergerProblems([merger('2027-06-01', ['GM0005', 'GM0999'], 'GM0003')], register, TODAY);
    expect(problems.map((p) => `${p.path} ${p.status}`)).toEqual(['date 400', 'from.0 409', 'from.1 400', 'into.code 409']);
  });
});
