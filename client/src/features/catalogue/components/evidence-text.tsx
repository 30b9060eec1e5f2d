import { Fragment } from 'react';
import { Link } from '@utrecht/component-library-react';

const WEB_ADDRESS = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/;

/** An assessment's evidence as written, its web addresses as links (only http and https ever become a link). */
export function EvidenceText({ evidence }: { evidence: string }) {
  const parts = evidence.split(WEB_ADDRESS);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <Link key={i} href={part} external rel="noopener noreferrer" className="tm-break">
            {part}
          </Link>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
