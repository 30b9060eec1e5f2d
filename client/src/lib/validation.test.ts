import { describe, expect, it } from 'vitest';
import { createApplicationSchema, updateApplicationSchema } from '@tm/shared/schemas/application';
import { settingsSchema } from '@tm/shared/schemas/settings';
import { checkForm } from './validation.ts';

describe('checkForm', () => {
  it('when the shared schema rejects a create, then every field gets the Dutch message the server would give', () => {
    const checked = checkForm(
      createApplicationSchema,
      { name: '', plannedReplacementYear: 1800, annualCost: -5, effectiveDate: '2999-01-01', layer: 'roof', vendor: 'x'.repeat(201) },
      'nl',
    );
    expect(checked.errors).toEqual({
      name: 'Vul dit veld in.',
      vendor: 'Gebruik ten hoogste 200 tekens.',
      layer: 'Kies een van de mogelijkheden: interaction, process, integration, services of data.',
      plannedReplacementYear: 'Vul een waarde van minstens 1990 in.',
      annualCost: 'Vul een waarde van minstens 0 in.',
      effectiveDate: 'Een datum in de toekomst kan niet.',
    });
  });

  it('when the interface is English, then so are the messages', () => {
    expect(checkForm(updateApplicationSchema, {}, 'en').errors).toEqual({ _form: 'Nothing has changed.' });
    expect(checkForm(updateApplicationSchema, {}, 'nl').errors).toEqual({ _form: 'Er is niets gewijzigd.' });
  });

  it('when a year is not whole, a cost no number or a value left out, then it says what to type', () => {
    expect(checkForm(createApplicationSchema, { name: 'a', plannedReplacementYear: 2027.5, annualCost: Number.NaN }, 'nl').errors).toEqual({
      plannedReplacementYear: 'Vul een heel getal in.',
      annualCost: 'Vul een getal in.',
    });
    expect(checkForm(settingsSchema, { programmeStart: '2021-01-01', annualRate: undefined }, 'nl').errors).toEqual({ annualRate: 'Vul dit veld in.' });
  });

  it('when the values are valid, then the parsed data comes back', () => {
    expect(checkForm(settingsSchema, { programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 }, 'nl')).toEqual({
      data: { programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 },
    });
  });
});
