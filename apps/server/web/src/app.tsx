import { LiveBadge } from './components/live-badge';
import { Nav } from './components/nav';
import { SearchBox } from './components/search-box';
import { ThemeToggle } from './components/theme-toggle';
import { Toast } from './components/toast';
import { ViewLoader } from './components/view-loader';
import { useRoute } from './lib/route';

export function App() {
  const route = useRoute();
  const current = route.path[0] ?? 'overview';
  return (
    <div class="shell">
      <button type="button" class="skip-link" onClick={skipToMain}>
        Skip to content
      </button>
      <header class="topbar">
        <a class="brand" href="#/overview" aria-label="ELF dashboard, overview">
          <span class="brand-mark" aria-hidden="true">
            ELF
          </span>
          <span class="brand-text">learning memory</span>
        </a>
        <SearchBox query={current === 'search' ? (route.query.get('q') ?? '') : ''} />
        <div class="topbar-end">
          <LiveBadge />
          <ThemeToggle />
        </div>
      </header>
      <Nav current={current} />
      <main id="main" class="main" tabIndex={-1}>
        <ViewLoader route={route} />
      </main>
      <Toast />
    </div>
  );
}

// A button, not a `#main` link: that hash would be read as a route.
function skipToMain() {
  document.getElementById('main')?.focus();
}
