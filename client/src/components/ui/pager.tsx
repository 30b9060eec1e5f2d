import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import { SelectField } from './select-field.tsx';

type Props = {
  /** Names the navigation landmark, e.g. "Paginering van de inventaris". */
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  /** With these, the reader also chooses how many rows a page has. */
  pageSize?: { id: string; value: number; choices: readonly number[]; onChange: (size: number) => void } | undefined;
};

/** Previous and next through a paged list, where it stands, and optionally the page size. */
export function Pager({ label, page, pages, onPage, pageSize }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="tm-pager" aria-label={label}>
      <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pager.previous')}
      </Button>
      <span>{t('pager.page', { page, pages })}</span>
      <Button appearance="secondary-action-button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('pager.next')}
      </Button>
      {pageSize && (
        <SelectField
          id={pageSize.id}
          label={t('pager.pageSize')}
          value={String(pageSize.value)}
          options={pageSize.choices.map((size) => ({ value: String(size), label: String(size) }))}
          onChange={(size) => pageSize.onChange(Number(size))}
        />
      )}
    </nav>
  );
}
