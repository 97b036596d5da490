import { useEffect, useRef, useState } from 'preact/hooks';
import { href, navigate } from '../lib/route';

/** The header's search form; `/` anywhere outside a text field focuses it. */
export function SearchBox({ query }: { query: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <search class="search-box">
      <form
        class="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(href('search', { q: text.trim() }));
        }}
      >
        <label for="global-search" class="visually-hidden">
          Search the memory
        </label>
        <span class="search-field">
          <input
            id="global-search"
            ref={input}
            type="search"
            placeholder="Search…"
            aria-keyshortcuts="/"
            value={text}
            onInput={(event) => setText(event.currentTarget.value)}
            autocomplete="off"
          />
          <span class="search-hint" aria-hidden="true">
            /
          </span>
        </span>
        <button type="submit" class="button">
          Search
        </button>
      </form>
    </search>
  );
}
