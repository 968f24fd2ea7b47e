import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective);

/** Markdown with YAML front matter, GFM tables and directives -> mdast. */
export function parseReport(text: string): Root {
  return parser.runSync(parser.parse(text)) as Root;
}

/** The YAML front matter's text and the report line its first line is on. */
export function frontMatterOf(tree: Root): { yaml: string | undefined; firstLine: number } {
  const first = tree.children[0];
  if (first?.type !== 'yaml') return { yaml: undefined, firstLine: 1 };
  return { yaml: first.value, firstLine: (first.position?.start.line ?? 1) + 1 };
}
