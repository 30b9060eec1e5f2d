import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applicationListQuerySchema, createApplicationSchema, updateApplicationSchema } from '../schemas/application.ts';
import { bulkUpdateSchema } from '../schemas/application-bulk-update.ts';
import { settingsSchema } from '../schemas/settings.ts';
import type { Language } from './languages.ts';
import { translate } from './messages.ts';
import { issueMessage, PARSE_FOR_MESSAGES } from './zod-issues.ts';

function messages(schema: z.ZodType, input: unknown, language: Language = 'nl') {
  const result = schema.safeParse(input, PARSE_FOR_MESSAGES);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => {
      const said = issueMessage(issue);
      return [issue.path.join('.') || '_', `${said.key}: ${translate(language, said)}`];
    }),
  );
}

describe('issueMessage', () => {
  it('when an application is wrong in every field, then each issue has its key and Dutch words', () => {
    expect(
      messages(createApplicationSchema, {
        name: '',
        vendor: 'x'.repeat(201),
        layer: 'roof',
        plannedReplacementYear: 2027.5,
        annualCost: 1e12,
        effectiveDate: '2999-01-01',
        inUseSince: '15-06-2025',
      }),
    ).toEqual({
      name: 'validation.required: Vul dit veld in.',
      vendor: 'validation.tooLong: Gebruik ten hoogste 200 tekens.',
      layer: 'validation.invalidChoice: Kies een van de mogelijkheden: interaction, process, integration, services of data.',
      plannedReplacementYear: 'validation.notInteger: Vul een heel getal in.',
      annualCost: 'validation.tooLarge: Dit getal is te groot.',
      effectiveDate: 'validation.futureDate: Een datum in de toekomst kan niet.',
      inUseSince: 'validation.invalidDate: Vul een datum in als JJJJ-MM-DD.',
    });
  });

  it('when the same input is read in English, then the keys are the same and the words English', () => {
    expect(messages(createApplicationSchema, { plannedReplacementYear: 1800, annualCost: -1 }, 'en')).toEqual({
      name: 'validation.required: Please fill in this field.',
      plannedReplacementYear: 'validation.tooSmall: Enter a value of at least 1990.',
      annualCost: 'validation.tooSmall: Enter a value of at least 0.',
    });
  });

  it('when a value is missing rather than of the wrong type, then it asks to fill it in', () => {
    const schema = z.strictObject({ name: z.string(), count: z.number() });
    expect(messages(schema, { count: 'drie' })).toEqual({
      name: 'validation.required: Vul dit veld in.',
      count: 'validation.notNumber: Vul een getal in.',
    });
  });

  it("when a schema's own message takes the issue's bound or a refinement's params, then they are filled in", () => {
    expect(messages(bulkUpdateSchema, { applications: [], changes: {} })).toEqual({
      applications: 'validation.selectOne: Selecteer ten minste één applicatie.',
      changes: 'validation.nothingToChange: Er is niets gewijzigd.',
    });
    const many = Array.from({ length: 1001 }, () => ({ id: crypto.randomUUID() }));
    expect(messages(bulkUpdateSchema, { applications: many, changes: { layer: 'data' } }, 'en')).toEqual({
      applications: 'validation.tooManySelected: Select at most 1000 applications at once.',
    });
    expect(messages(applicationListQuerySchema, { sort: 'colour' }, 'en')).toEqual({
      sort: 'validation.sortKey: Sort by name, vendor, status, layer, lifecycle, plannedReplacementYear, annualCost, or updatedAt, prefixed with - for descending.',
    });
  });

  it('when a bound is exclusive or a refinement crosses fields, then the message says so', () => {
    expect(messages(settingsSchema, { programmeStart: '', annualRate: 0 })).toEqual({
      programmeStart: 'validation.invalidDate: Vul een datum in als JJJJ-MM-DD.',
      annualRate: 'validation.greaterThan: Vul een waarde groter dan 0 in.',
    });
    expect(messages(updateApplicationSchema, { effectiveDate: '2020-01-01' })).toEqual({
      _: 'validation.nothingToChange: Er is niets gewijzigd.',
      effectiveDate: 'validation.effectiveDateOnlyForStatus: Een ingangsdatum hoort alleen bij een wijziging van status of gebruiksstatus.',
    });
  });

  it('when any input is refused, then every issue gets a message of the catalogue in both languages', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = createApplicationSchema.safeParse(input, PARSE_FOR_MESSAGES);
        for (const issue of result.success ? [] : result.error.issues) {
          const said = issueMessage(issue);
          // What the caller sent (an unknown field named "{{", say) is quoted as it is; the catalogue's own words
          // must have no placeholder left.
          const quoted = Object.values(said.params ?? {}).flat().filter((v): v is string => typeof v === 'string');
          for (const language of ['nl', 'en'] as const) {
            const text = translate(language, said);
            expect(quoted.reduce((rest, v) => rest.replaceAll(v, ''), text)).not.toContain('{{');
            expect(text).not.toBe(said.key);
          }
        }
      }),
      { examples: [[{ '{{': 0 }]] },
    );
  });
});
