import { views } from '../views/registry';

/** The views, as links: Tab reaches them, Enter follows them; the current one is marked. */
export function Nav({ current }: { current: string }) {
  return (
    <nav class="nav" aria-label="Views">
      <ul>
        {views.map((view) => (
          <li key={view.name}>
            <a href={`#/${view.name}`} class="nav-link" aria-current={view.name === current ? 'page' : undefined}>
              <span class="nav-icon" aria-hidden="true">
                {view.icon}
              </span>
              {view.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
