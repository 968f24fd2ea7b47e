/**
 * Axis ticks, grid lines and labels in tick order. Vega keys them by tick value, so a
 * view drawing its next chart keeps an item whose value recurs where it was and adds the
 * new ones after it, while a new view makes them all in tick order. The SVG lists items
 * as they stand, so without this a reused view would write the same ticks in another
 * order (see vega-render.ts). Vega has measured and placed them by now: only the order
 * changes.
 */
import type { View } from 'vega';

/** What this needs of the scenegraph (vega-typings describe `scenegraph()` as the root mark). */
interface SceneMark {
  readonly role?: string;
  readonly items?: SceneItem[];
}

interface SceneItem {
  readonly datum?: { readonly index?: unknown };
  /** A group's marks. */
  readonly items?: SceneMark[];
}

const TICK_ROLES = new Set(['axis-tick', 'axis-grid', 'axis-label']);

/** Sorts every axis's tick items by the tick's place on the axis (Vega's `index`, 0 to 1). */
export function sortAxisItems(view: View): void {
  const scene = view.scenegraph() as unknown as { readonly root?: SceneMark };
  if (scene.root) sortMark(scene.root);
}

function sortMark(mark: SceneMark): void {
  const items = mark.items ?? [];
  if (mark.role !== undefined && TICK_ROLES.has(mark.role) && items.every(hasIndex)) {
    items.sort((a, b) => tickIndex(a) - tickIndex(b));
  }
  for (const item of items) for (const child of item.items ?? []) sortMark(child);
}

function hasIndex(item: SceneItem): boolean {
  return typeof item.datum?.index === 'number';
}

function tickIndex(item: SceneItem): number {
  return item.datum?.index as number;
}
