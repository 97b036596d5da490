// Reads the original ELF's memory/golden-rules.md:
//   ## 3. Title
//   > The rule sentence.
//   **Category:** core
//   **Why:** …
//   **Validations:** 12            (or, for distilled rules)
//   **Domain:** testing  /  **Confidence:** 0.92 | Validated: 14 | Violated: 0

export interface MarkdownGoldenRule {
  number: number;
  title: string;
  rule: string;
  category: string | null;
  why: string | null;
  domain: string | null;
  confidence: number | null;
  validations: number | null;
  violations: number | null;
}

const field = (block: string, name: string) =>
  new RegExp(`^\\*\\*${name}:\\*\\*\\s*(.+)$`, 'im').exec(block)?.[1]?.trim() ?? null;

export function parseGoldenRulesMarkdown(markdown: string): MarkdownGoldenRule[] {
  const rules: MarkdownGoldenRule[] = [];
  const headings = [...markdown.matchAll(/^##\s+(\d+)\.\s+(.+)$/gm)];
  for (const heading of headings) {
    const start = (heading.index ?? 0) + heading[0].length;
    // A rule's block ends at the next heading of level 1 or 2 (a later section is not part of it).
    const next = /^#{1,2}\s/m.exec(markdown.slice(start));
    const end = next ? start + next.index : markdown.length;
    const block = markdown.slice(start, end);
    const quoted = [...block.matchAll(/^>\s?(.*)$/gm)].map((m) => m[1]?.trim() ?? '').filter(Boolean);
    const title = (heading[2] ?? '').trim();
    const confidenceLine = field(block, 'Confidence');
    const number = (text: string | null | undefined) => {
      const value = text ? Number.parseFloat(text) : Number.NaN;
      return Number.isFinite(value) ? value : null;
    };
    rules.push({
      number: Number(heading[1]),
      title,
      rule: quoted.length > 0 ? quoted.join(' ') : title,
      category: field(block, 'Category')?.toLowerCase() ?? null,
      why: field(block, 'Why'),
      domain: field(block, 'Domain'),
      confidence: number(confidenceLine?.split('|')[0]),
      validations: number(field(block, 'Validations') ?? /Validated:\s*(\d+)/i.exec(confidenceLine ?? '')?.[1]),
      violations: number(/Violated:\s*(\d+)/i.exec(confidenceLine ?? '')?.[1]),
    });
  }
  return rules;
}
