import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export type Tab<V extends string> = { value: V; label: string };

type Props<V extends string> = {
  id: string;
  label: string;
  tabs: readonly Tab<V>[];
  value: V;
  onChange: (value: V) => void;
  children: ReactNode;
};

/**
 * Tabs as the ARIA pattern has them: one tab stop for the list, arrow keys (and Home/End) to move and choose, and
 * the panel named by its tab.
 */
export function Tabs<V extends string>({ id, label, tabs, value, onChange, children }: Props<V>) {
  const list = useRef<HTMLDivElement>(null);
  const choose = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length]!;
    onChange(tab.value);
    list.current?.querySelector<HTMLButtonElement>(`#${id}-tab-${tab.value}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = tabs.findIndex((t) => t.value === value);
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    choose(next);
  };
  return (
    <div className="tm-tabs">
      <div role="tablist" aria-label={label} className="tm-tabs__list" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.value}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.value}`}
            aria-selected={tab.value === value}
            aria-controls={`${id}-panel`}
            tabIndex={tab.value === value ? 0 : -1}
            className="tm-tabs__tab"
            onClick={() => onChange(tab.value)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${value}`} className="tm-tabs__panel">
        {children}
      </div>
    </div>
  );
}
