import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Suggestion } from '@tm/shared/schemas/suggestion';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';
import { useFormat } from '../../../lib/format.ts';

type Props = {
  rows: readonly Suggestion[];
  caption: string;
  busy: boolean;
  onAccept: (row: Suggestion) => void;
  /** The row whose decline form is open, and the form itself, shown under it. */
  declining: { applicationId: string; form: ReactNode } | null;
  onDecline: (row: Suggestion) => void;
};

/** Each application that departs from its version's verified verdict: what it is now, what the verdict asks, from when. */
export function SuggestionsTable({ rows, caption, busy, onAccept, declining, onDecline }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const product = (r: Suggestion) => [r.product.vendor, r.product.name, r.version].filter(Boolean).join(' · ');
  return (
    <CaptionedTable
      caption={caption}
      headings={[
        { label: t('suggestions.columns.application') },
        { label: t('suggestions.columns.product') },
        { label: t('suggestions.columns.status') },
        { label: t('suggestions.columns.suggested') },
        { label: t('suggestions.columns.from') },
        { label: t('suggestions.columns.actions') },
      ]}
    >
      {rows.map((r) => (
        <Fragment key={r.applicationId}>
          <TableRow>
            <TableHeaderCell scope="row">{r.applicationName}</TableHeaderCell>
            <TableCell className="tm-wrap">{product(r)}</TableCell>
            <TableCell>{t(`statuses.${r.status}`)}</TableCell>
            <TableCell>{t(`statuses.${r.suggestedStatus}`)}</TableCell>
            <TableCell>{f.date(r.effectiveDate)}</TableCell>
            <TableCell>
              <ButtonGroup>
                <Button appearance="secondary-action-button" disabled={busy} onClick={() => onAccept(r)}>
                  {t('suggestions.acceptOne', { name: r.applicationName })}
                </Button>
                <Button appearance="subtle-button" aria-expanded={declining?.applicationId === r.applicationId} onClick={() => onDecline(r)}>
                  {t('suggestions.declineOne', { name: r.applicationName })}
                </Button>
              </ButtonGroup>
            </TableCell>
          </TableRow>
          {declining?.applicationId === r.applicationId && (
            <TableRow>
              <TableCell colSpan={6}>{declining.form}</TableCell>
            </TableRow>
          )}
        </Fragment>
      ))}
    </CaptionedTable>
  );
}
