import { describe, expect, it } from 'vitest';
import { createApplicationSchema, updateApplicationSchema } from '@tm/shared/schemas/application';
import { initI18n } from './i18n.ts';
import { fieldErrorsFromProblem, fieldErrorsFromZod } from './validation.ts';

const i18n = initI18n('nl');
const t = i18n.getFixedT('nl');

describe('fieldErrorsFromZod', () => {
  it('when the shared schema rejects a create, then every field gets a Dutch message', () => {
    const result = createApplicationSchema.safeParse({
      name: '',
      plannedReplacementYear: 1800,
      annualCost: -5,
      effectiveDate: '2999-01-01',
      layer: 'roof',
      vendor: 'x'.repeat(201),
    });
    expect(result.success).toBe(false);
    expect(fieldErrorsFromZod(result.error!, t)).toEqual({
      name: 'Vul dit veld in.',
      vendor: 'Gebruik ten hoogste 200 tekens.',
      layer: 'Kies een van de mogelijkheden.',
      plannedReplacementYear: 'Vul een waarde van minstens 1990 in.',
      annualCost: 'Vul een waarde van minstens 0 in.',
      effectiveDate: 'Een datum in de toekomst kan niet.',
    });
  });

  it('when an update changes nothing, then the form-level message says so', () => {
    const result = updateApplicationSchema.safeParse({});
    expect(fieldErrorsFromZod(result.error!, t)).toEqual({ _form: 'Er is niets gewijzigd.' });
  });

  it('when a year is not whole or a cost is no number, then it says what to type', () => {
    const result = createApplicationSchema.safeParse({ name: 'a', plannedReplacementYear: 2027.5, annualCost: Number.NaN });
    expect(fieldErrorsFromZod(result.error!, t)).toEqual({
      plannedReplacementYear: 'Vul een heel getal in.',
      annualCost: 'Vul een getal in.',
    });
  });
});

describe('fieldErrorsFromProblem', () => {
  it('when the server names fields, then known messages are translated and others shown as sent', () => {
    expect(
      fieldErrorsFromProblem(
        [
          { path: 'effectiveDate', message: 'Must not be in the future' },
          { path: 'referenceComponentIds.0', message: 'Unknown reference component x' },
        ],
        t,
      ),
    ).toEqual({ effectiveDate: 'Een datum in de toekomst kan niet.', referenceComponentIds: 'Unknown reference component x' });
  });
});
