/** A search snippet: the parts core wrapped in `**` are shown as <mark>. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split('**');
  return (
    <span class="snippet">
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}
    </span>
  );
}
