import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import { TextField } from '../../../components/ui/text-field.tsx';

type Props = { id: string; label: string; q: string | undefined; onSearch: (text: string) => void };

/** Words of a product or vendor, roughly spelled (the server forgives slips), searched on submit. */
export function SearchForm({ id, label, q, onSearch }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(q ?? '');
  // Back and forward through the address bring their own search.
  useEffect(() => setText(q ?? ''), [q]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text);
  };
  return (
    <form role="search" className="tm-filters__search" aria-label={label} onSubmit={submit}>
      <TextField id={id} label={label} hint={t('catalogue.search.hint')} type="search" autoComplete="off" spellCheck={false} value={text} onChange={setText} />
      <Button type="submit" appearance="primary-action-button">
        {t('catalogue.search.submit')}
      </Button>
    </form>
  );
}
