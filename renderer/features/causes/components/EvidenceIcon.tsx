/** A small paperclip (evidence), drawn inline so it shows whatever fonts the system has. */
export function EvidenceIcon() {
  return (
    <svg width="11" height="11" viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
      <path
        d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
