import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { addDays } from '@tm/shared/measure/calendar';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useFormat } from '../../../lib/format.ts';

/**
 * On the page of a municipality that merged away (PRODUCT §12): where it went and since when, and that the figures
 * below are those of its last day.
 */
export function MergedNotice({ municipality }: { municipality: Municipality }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { mergedInto, validTo } = municipality;
  if (!mergedInto || !validTo) return null;
  return (
    <Alert type="info">
      <Paragraph>{t('register.wentInto', { name: municipality.name, into: mergedInto.name, date: f.date(validTo), last: f.date(addDays(validTo, -1)) })}</Paragraph>
      <Paragraph>
        <AppLink href={`/gemeenten/${mergedInto.code}`}>{t('register.toSuccessor', { name: mergedInto.name })}</AppLink>
      </Paragraph>
    </Alert>
  );
}
