import { describe, expect, it } from 'vitest';
import { refusedApplications } from './bulk-update-applications.ts';

const sent = ['A', 'B', 'C'].map((name, i) => ({ id: `id-${i}`, name, updatedAt: '2026-01-01T00:00:00.000Z' }));

describe('refusedApplications', () => {
  it('when the server names items by their place in the request, then those applications come back once each, in order', () => {
    const errors = [
      { path: 'applications.2.updatedAt', message: 'Changed since you read it' },
      { path: 'applications.0.id', message: 'No application with this id in GM0546' },
      { path: 'applications.2.id', message: 'Listed more than once' },
    ];
    expect(refusedApplications(errors, sent).map((a) => a.name)).toEqual(['A', 'C']);
  });

  it('when the errors name fields of the changes or the request as a whole, then no application is named', () => {
    expect(refusedApplications([{ path: 'changes.status', message: 'x' }, { path: 'applications', message: 'y' }], sent)).toEqual([]);
  });
});
