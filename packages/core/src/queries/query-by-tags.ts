import type { Database } from '@elf/schema';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import type { CoreHandle } from '../core-handle.js';
import { toLearning } from '../mappers.js';
import type { Learning, Page } from '../types.js';
import { limit, offset, requiredTags } from '../validation/fields.js';
import { parseInput } from '../validation/parse-input.js';
import { fetchPage, type PageParams, paged } from './paging.js';

const byTagsInput = v.object({ tags: requiredTags, limit, offset });
export type QueryByTagsInput = v.InferInput<typeof byTagsInput>;

export interface TagsResult {
  tags: string[];
  learnings: Learning[];
  page: Page;
}

/** Learnings carrying any of the tags (exact match on the tag, not a substring), newest first. */
export function learningsByTagsQuery(db: Kysely<Database>, params: PageParams & { tags: string[] }) {
  return db
    .selectFrom('learnings')
    .selectAll()
    .where('id', 'in', db.selectFrom('learning_tags').select('learning_id').where('tag', 'in', params.tags))
    .orderBy('created_at', 'desc')
    .$call(paged(params));
}

export async function queryByTags(ctx: CoreHandle, input: QueryByTagsInput): Promise<TagsResult> {
  const data = parseInput(byTagsInput, input);
  const { rows, page } = await fetchPage(data, learningsByTagsQuery(ctx.db, data));
  return { tags: data.tags, learnings: rows.map(toLearning), page };
}
