import { formatTime } from '../lib/format';
import type { Learning } from '../lib/types';

/** One failure, success or observation: type, title, where and when, what happened. */
export function LearningItem({ learning, showDate = true }: { learning: Learning; showDate?: boolean }) {
  return (
    <article class={`learning learning-${learning.type}`} data-learning-id={learning.id}>
      <header class="learning-head">
        <span class={`badge type-${learning.type}`}>{learning.type}</span>
        <h3 class="learning-title">{learning.title}</h3>
      </header>
      <p class="meta">
        <span>#{learning.id}</span>
        <span>{learning.domain}</span>
        <span>severity {learning.severity}</span>
        <time dateTime={learning.created_at}>
          {showDate ? formatTime(learning.created_at) : formatTime(learning.created_at).slice(11)}
        </time>
        {learning.tags.length > 0 && <span>{learning.tags.map((tag) => `#${tag}`).join(' ')}</span>}
      </p>
      {learning.summary && <p class="learning-summary">{learning.summary}</p>}
    </article>
  );
}
