import { formatTime } from '../lib/format';
import { ValueView } from './value-view';

type Raw = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

/** The summaries core wrote for a session (tools, content, conversation), those that exist. */
export function SessionSummaries({ session, summary }: { session: Raw; summary: unknown }) {
  const parts = [
    ['Summary', summary],
    ['Conversation', session.conversation_summary],
    ['Content', session.content_summary],
    ['Tools', session.tool_summary],
  ].filter(([, v]) => typeof v === 'string' && v !== '') as Array<[string, string]>;
  if (parts.length === 0) return <p class="muted">No summary was written for this session.</p>;
  return (
    <dl class="summaries">
      {parts.map(([term, text]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Items shown to the session: kind, id (heuristics link to their page), by which event, when. */
export function InjectionTable({ rows }: { rows: Raw[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table" id="injections-table">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Item</th>
            <th scope="col">Event</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const kind = str(row.kind);
            const id = str(row.item_id ?? row.itemId ?? row.id);
            return (
              <tr key={i}>
                <td>{kind}</td>
                <td class="num">
                  {kind.includes('heuristic') || kind.includes('golden') ? (
                    <a href={`#/heuristics/${id}`}>#{id}</a>
                  ) : (
                    `#${id}`
                  )}
                </td>
                <td>{str(row.event)}</td>
                <td class="when">{formatTime(str(row.created_at ?? row.at))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Calls and failures per tool. */
export function ToolTable({ rows }: { rows: Raw[] }) {
  return (
    <div class="table-wrap">
      <table class="data-table" id="tools-table">
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col" class="num">
              Calls
            </th>
            <th scope="col" class="num">
              Failures
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={str(row.tool_name ?? row.tool)}>
              <td>{str(row.tool_name ?? row.tool)}</td>
              <td class="num">{str(row.calls)}</td>
              <td class="num">{str(row.failures)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Shown elsewhere on the page (summaries, tools) or only internal.
const shownElsewhere = new Set([
  'id',
  'session_id',
  'sessionId',
  'conversation_summary',
  'content_summary',
  'tool_summary',
  'summary',
  'tools',
]);

/** Whatever else the server sends about the session, field by field. */
export function SessionFields({ session }: { session: Raw }) {
  const rest = Object.fromEntries(Object.entries(session).filter(([key]) => !shownElsewhere.has(key)));
  return <ValueView value={rest} />;
}
