import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { followPrefixedIds, unlinkExternal } from './page-links.js';
import { publicSchema, reportSchema } from './sanitize.js';
import type { Slots } from './slots.js';
import { EXIT, walkType } from '../tree-walk.js';

/**
 * mdast (directives already resolved to slot placeholders) -> sanitized hast -> HTML.
 * Author HTML is parsed (rehype-raw) and sanitized like GitHub does; generated content
 * is put in afterwards, so the sanitizer never has to trust anything.
 */
const withAuthorHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, reportSchema)
  .use(rehypeStringify);

/**
 * rehype-raw re-parses the whole tree with parse5, the dearest step of a render; a tree
 * without author HTML has nothing for it to parse, so it is skipped (the sanitizer runs
 * either way).
 */
const withoutAuthorHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, reportSchema)
  .use(rehypeStringify);

/** The same for the public export, whose schema keeps no `data-line`. */
const publicWithAuthorHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, publicSchema)
  .use(rehypeStringify);
const publicWithoutAuthorHtml = unified()
  .use(remarkRehype)
  .use(rehypeSanitize, publicSchema)
  .use(rehypeStringify);

export async function renderBody(
  tree: MdastRoot,
  slots: Slots,
  file: VFile,
  publicOutput = false,
  lineMark?: (line: number) => string,
): Promise<string> {
  tree.children = tree.children.filter((node) => node.type !== 'yaml');
  if (!publicOutput) for (const node of tree.children) markLine(node, lineMark);
  const authorHtml = hasAuthorHtml(tree);
  const processor = publicOutput
    ? authorHtml
      ? publicWithAuthorHtml
      : publicWithoutAuthorHtml
    : authorHtml
      ? withAuthorHtml
      : withoutAuthorHtml;
  const hast = (await processor.run(tree, file)) as HastRoot;
  followPrefixedIds(hast);
  slots.fill(hast);
  if (publicOutput) unlinkExternal(hast);
  return processor.stringify(hast, file);
}

/**
 * `data-line` on every top-level block lets the preview follow the editor (0-based like
 * VS Code). `mark` writes a place for the number instead, when it is put in later.
 */
function markLine(node: RootContent, mark: ((line: number) => string) | undefined): void {
  const line = node.position?.start.line;
  if (line === undefined) return;
  const dataLine = mark ? mark(line - 1) : line - 1;
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataLine } };
}

function hasAuthorHtml(tree: MdastRoot): boolean {
  let found = false;
  walkType(tree, 'html', () => {
    found = true;
    return EXIT;
  });
  return found;
}
