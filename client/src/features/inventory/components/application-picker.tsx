import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MultiCombobox, type Choice } from '../../../components/ui/multi-combobox.tsx';
import { applicationsQueryOptions } from '../api/get-applications.ts';
import { useApplicationNames } from '../api/get-application-names.ts';

type Props = {
  municipalityCode: string;
  /** The application being edited, which cannot replace itself. */
  excludeId: string | null;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** An application id, or '' for none. */
  value: string;
  onChange: (id: string) => void;
  inputId: string;
};

const SUGGESTIONS = 8;
const TYPING_PAUSE_MS = 250;

/** One application of the municipality, found by typing part of its name, vendor or product (searched on the server). */
export function ApplicationPicker({ municipalityCode, excludeId, label, hint, error, value, onChange, inputId }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAsked(query.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  const found = useQuery({ ...applicationsQueryOptions(municipalityCode, { q: asked, pageSize: SUGGESTIONS + 1 }), enabled: asked.length > 0 });
  const names = useApplicationNames(value ? [value] : []);
  const results = useMemo<Choice[]>(
    () =>
      asked && asked === query.trim()
        ? (found.data?.items ?? []).filter((a) => a.id !== excludeId).slice(0, SUGGESTIONS).map((a) => ({ value: a.id, label: a.name, description: a.vendor ?? undefined }))
        : [],
    [found.data, excludeId, asked, query],
  );
  const name = names.get(value);
  const chosen = value ? [{ value, label: name ?? (name === null ? t('successor.removed') : t('states.loading')) }] : [];

  return (
    <MultiCombobox
      inputId={inputId}
      label={label}
      hint={hint}
      error={error}
      choices={chosen}
      search={{ results, loading: query.trim() !== asked || found.isFetching, onQuery: setQuery }}
      value={value ? [value] : []}
      onChange={(ids) => onChange(ids[0] ?? '')}
      max={1}
    />
  );
}
