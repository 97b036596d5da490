import { href, navigate, type Route } from '../lib/route';
import { useFields } from '../lib/use-fields';

const statuses = ['active', 'dormant', 'archived', 'retracted', 'superseded', 'all'];

/** Status, domain, golden and text filters; Enter or Apply writes them to the URL. */
export function HeuristicFilters({ route, domains }: { route: Route; domains: string[] }) {
  const q = route.query;
  const { fields, set } = useFields({
    status: q.get('status') ?? 'active',
    domain: q.get('domain') ?? '',
    golden: q.get('golden') ?? '',
    q: q.get('q') ?? '',
  });
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(href('heuristics', { ...fields, status: fields.status === 'active' ? null : fields.status }));
  };
  return (
    <form class="filters" onSubmit={submit} aria-label="Filter heuristics">
      <label>
        <span>Status</span>
        <select name="status" value={fields.status} onChange={set('status')}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Domain</span>
        <input name="domain" list="heuristic-domains" value={fields.domain} onInput={set('domain')} placeholder="any" />
        <datalist id="heuristic-domains">
          {domains.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      </label>
      <label>
        <span>Golden</span>
        <select name="golden" value={fields.golden} onChange={set('golden')}>
          <option value="">any</option>
          <option value="true">golden only</option>
          <option value="false">not golden</option>
        </select>
      </label>
      <label class="grow">
        <span>Text</span>
        <input name="q" type="search" value={fields.q} onInput={set('q')} placeholder="words in the rule" />
      </label>
      <div class="filter-buttons">
        <button type="submit" class="button primary">
          Apply
        </button>
        <a class="button" href="#/heuristics">
          Reset
        </a>
      </div>
    </form>
  );
}
