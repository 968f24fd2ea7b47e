/**
 * The small trend line on a figure card. Built by hand rather than with Vega: there is
 * one per card, it has no axes or legend, and a few path commands cost nothing.
 */
import type { Element } from 'hast';
import { s } from 'hastscript';
import { VALUE_STYLE } from './series-style.js';

export interface SparklineOptions {
  /** Period labels alongside `values` (`Q1 2023/24`...), for the description. */
  readonly labels?: readonly string[];
  /** How a value reads in the description; plain numbers unless given. */
  readonly format?: (value: number) => string;
  /** What the periods are (`quarters`); guessed from `labels` when not given. */
  readonly periodNoun?: string;
  readonly width?: number;
  readonly height?: number;
  /** Alongside `values`: the symbol standing in a gap (`c`), shown at the line's end. */
  readonly symbols?: readonly (string | undefined)[];
}

const DEFAULT_WIDTH = 120;
const DEFAULT_HEIGHT = 32;
/** Room at the edges for the line's width and the end marker. */
const PAD = 4;
const MARKER_RADIUS = 3;

/** `quarters`, `months`... read off labels such as `Q3 2023/24`, `May 2024`, `2023/24`. */
function guessNoun(labels: readonly string[]): string {
  const all = (re: RegExp): boolean => labels.length > 0 && labels.every((l) => re.test(l));
  if (all(/^Q[1-4] \d{4}\/\d{2}$/)) return 'quarters';
  if (all(/^H[12] \d{4}\/\d{2}$/)) return 'half years';
  if (all(/^\d{4}\/\d{2}$/)) return 'years';
  if (all(/^[A-Z][a-z]+ \d{4}$/)) return 'months';
  return 'periods';
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

interface Defined {
  readonly index: number;
  readonly value: number;
}

function describe(
  values: readonly (number | undefined)[],
  defined: readonly Defined[],
  options: Readonly<SparklineOptions>,
): string {
  const labels = options.labels ?? [];
  const format = options.format ?? ((value: number) => String(value));
  const noun = options.periodNoun ?? guessNoun(labels);
  const first = labels[0];
  const last = labels.at(-1);
  const span =
    first !== undefined && last !== undefined && labels.length > 1 ? `, ${first} to ${last}` : '';
  const head = `Trend over ${values.length} ${values.length === 1 ? noun.replace(/s$/, '') : noun}${span}`;
  const at = (d: Defined, end: number): string => {
    const label = labels[d.index];
    return d.index === end || label === undefined
      ? format(d.value)
      : `${format(d.value)} (${label})`;
  };
  const start = defined[0];
  const finish = defined.at(-1);
  if (!start || !finish) return `${head}: no figures`;
  const endIndex = values.length - 1;
  const endSymbol = finish.index === endIndex ? undefined : options.symbols?.[endIndex];
  const latest =
    endSymbol !== undefined
      ? `; the latest${labels[endIndex] ? ` (${labels[endIndex]})` : ''} is not shown [${endSymbol}]`
      : '';
  if (start === finish) return `${head}: only one figure, ${at(start, -1)}${latest}`;
  return `${head}: from ${at(start, 0)} to ${at(finish, endIndex)}${latest}`;
}

/**
 * A sparkline of `values` (oldest first; undefined breaks the line) with a marker on
 * the latest figure, named for assistive technology by a summary of what it shows.
 */
export function sparklineSvg(
  values: readonly (number | undefined)[],
  options: Readonly<SparklineOptions> = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  const defined: Defined[] = [];
  values.forEach((value, index) => {
    if (value !== undefined && Number.isFinite(value)) defined.push({ index, value });
  });
  const low = Math.min(...defined.map((d) => d.value));
  const high = Math.max(...defined.map((d) => d.value));
  const x = (index: number): number =>
    values.length > 1 ? round(PAD + (index * (width - 2 * PAD)) / (values.length - 1)) : width / 2;
  // A flat series sits in the middle rather than on the floor.
  const y = (value: number): number =>
    high === low
      ? height / 2
      : round(height - PAD - ((value - low) * (height - 2 * PAD)) / (high - low));

  let d = '';
  const lone: Defined[] = [];
  defined.forEach((point, i) => {
    const joined = defined[i - 1]?.index === point.index - 1;
    const continues = defined[i + 1]?.index === point.index + 1;
    if (!joined && !continues) lone.push(point);
    d += `${joined ? 'L' : 'M'}${x(point.index)} ${y(point.value)}`;
  });
  const last = defined.at(-1);
  // The "latest" marker belongs on the latest period only: when that one is a gap (a
  // suppressed figure), its letter stands there instead and the dot before it is plain.
  const endSymbol =
    last && last.index !== values.length - 1 ? options.symbols?.[values.length - 1] : undefined;
  const latestDot = endSymbol === undefined ? last : undefined;
  const colour = VALUE_STYLE.colour;
  return s(
    'svg.sc-sparkline',
    {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      ariaLabel: describe(values, defined, options),
      focusable: 'false',
    },
    [
      d
        ? s('path', {
            d,
            fill: 'none',
            stroke: colour,
            strokeWidth: 2,
            strokeLineJoin: 'round',
            strokeLineCap: 'round',
          })
        : null,
      // A figure with no neighbour would draw nothing as a path; a dot shows it is there.
      ...lone
        .filter((p) => p !== latestDot)
        .map((p) => s('circle', { cx: x(p.index), cy: y(p.value), r: 1.5, fill: colour })),
      latestDot
        ? s('circle', {
            cx: x(latestDot.index),
            cy: y(latestDot.value),
            r: MARKER_RADIUS,
            fill: colour,
          })
        : null,
      endSymbol !== undefined
        ? s(
            'text',
            {
              x: x(values.length - 1),
              y: height - 1,
              textAnchor: 'end',
              fontSize: 11,
              fontWeight: 700,
              fontFamily: 'sans-serif',
              fill: '#0b0c0c',
            },
            endSymbol,
          )
        : null,
    ],
  );
}
