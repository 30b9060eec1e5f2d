import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Suggestion } from '@tm/shared/schemas/suggestion';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';
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
    <TableScroll name={caption}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('suggestions.columns.application')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('suggestions.columns.product')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('suggestions.columns.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('suggestions.columns.suggested')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('suggestions.columns.from')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('suggestions.columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
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
        </TableBody>
      </Table>
    </TableScroll>
  );
}
