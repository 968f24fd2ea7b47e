/**
 * The text a reader of an export gets, for tests that judge what it discloses: the text
 * of the page and the attributes read out (a sparkline's label, an abbreviation's
 * title), tags dropped.
 */
export function visible(html: string): string {
  return html
    .replace(/<[^>]*>/g, (tag) => {
      const read = [...tag.matchAll(/\s(?:aria-label|aria-description|title|alt)="([^"]*)"/g)];
      return ` ${read.map((m) => m[1]).join(' ')} `;
    })
    .replace(/\s+/g, ' ');
}
