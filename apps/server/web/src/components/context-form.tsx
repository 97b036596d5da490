import { href, navigate, type Route } from '../lib/route';
import { useFields } from '../lib/use-fields';

export const DEFAULT_BUDGET = '2000';

/** Task, budget and domain; Enter or Preview writes them to the URL. */
export function ContextForm({ route }: { route: Route }) {
  const q = route.query;
  const { fields, set } = useFields({
    task: q.get('task') ?? '',
    budget: q.get('budget') ?? DEFAULT_BUDGET,
    domain: q.get('domain') ?? '',
  });
  const submit = (event: Event) => {
    event.preventDefault();
    navigate(href('context', { ...fields, task: fields.task.trim() }));
  };
  return (
    <form class="filters" onSubmit={submit} aria-label="Context to preview">
      <label class="grow">
        <span>Task</span>
        <input
          name="task"
          value={fields.task}
          onInput={set('task')}
          placeholder="e.g. add an index to the orders table"
          required
        />
      </label>
      <label>
        <span>Budget (tokens)</span>
        <input
          name="budget"
          type="number"
          min={100}
          max={50000}
          step={100}
          value={fields.budget}
          onInput={set('budget')}
        />
      </label>
      <label>
        <span>Domain</span>
        <input name="domain" value={fields.domain} onInput={set('domain')} placeholder="inferred" />
      </label>
      <div class="filter-buttons">
        <button type="submit" class="button primary">
          Preview
        </button>
      </div>
    </form>
  );
}
