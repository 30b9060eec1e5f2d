import { useAbout } from '../api/get-about.ts';

/** Says on every screen that the figures are the fictional demo landscape, so nobody takes them for real. */
export function DemoBanner() {
  const { data } = useAbout();
  if (!data?.demo) return null;
  return (
    <div
      role="note"
      aria-label="Demogegevens"
      style={{ background: '#ffd500', color: '#000', padding: '0.5rem 1rem', fontWeight: 600, textAlign: 'center' }}
    >
      Demogegevens: alle applicaties, leveranciers en cijfers in deze omgeving zijn fictief.
    </div>
  );
}
