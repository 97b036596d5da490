import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

/** A view's title (also the document's) with an optional line under it and actions beside it. */
export function PageHeader({ title, lead, children }: { title: string; lead?: string; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · ELF`;
  }, [title]);
  return (
    <header class="page-header">
      <div>
        <h1 id="view-title" tabIndex={-1}>
          {title}
        </h1>
        {lead && <p class="lead">{lead}</p>}
      </div>
      {children && <div class="page-actions">{children}</div>}
    </header>
  );
}
