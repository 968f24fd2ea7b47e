/**
 * The Word file's look: A4 with 2 cm margins, Arial 11 pt as the HTML's print styles,
 * heading and caption styles Word's navigation pane and accessibility checker know, and
 * British English on every style so Word's spelling and screen readers use it.
 */
import {
  AlignmentType,
  LevelFormat,
  type INumberingOptions,
  type IRunStylePropertiesOptions,
  type IStylesOptions,
} from 'docx';

/** A4 in twips (twentieths of a point). */
export const A4 = { width: 11906, height: 16838 } as const;
/** 2 cm. */
const MARGIN = 1134;
/** 1 cm: where the running header and the page numbers sit. */
const HEADER_MARGIN = 567;

export const PAGE = {
  size: A4,
  margin: {
    top: MARGIN,
    right: MARGIN,
    bottom: MARGIN,
    left: MARGIN,
    header: HEADER_MARGIN,
    footer: HEADER_MARGIN,
    gutter: 0,
  },
} as const;

export const TEXT_WIDTH_TWIPS = A4.width - 2 * MARGIN;
/** The same width in CSS pixels (96 to the inch, 1440 twips to the inch). */
export const TEXT_WIDTH_PX = Math.floor((TEXT_WIDTH_TWIPS * 96) / 1440);

export const LANGUAGE = 'en-GB';
const FONT = 'Arial';
const TEXT = '0B0C0C';
const SECONDARY = '505A5F';

const run = (options: IRunStylePropertiesOptions = {}): IRunStylePropertiesOptions => ({
  language: { value: LANGUAGE },
  ...options,
});

const headingStyle = (size: number, before: number) => ({
  run: run({ font: FONT, size, bold: true, color: TEXT }),
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: run({ font: FONT, size: 22, color: TEXT }),
      paragraph: { spacing: { after: 120 } },
    },
    title: {
      run: run({ font: FONT, size: 40, bold: true, color: TEXT }),
      paragraph: { spacing: { after: 120 } },
    },
    heading1: headingStyle(36, 360),
    heading2: headingStyle(30, 320),
    heading3: headingStyle(26, 240),
    heading4: headingStyle(24, 200),
    heading5: headingStyle(22, 200),
    heading6: headingStyle(22, 200),
    caption: {
      run: run({ font: FONT, size: 22, bold: true, italics: false, color: TEXT }),
      paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
    },
    listParagraph: { run: run() },
  },
  paragraphStyles: [
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: run({ size: 26, color: SECONDARY }),
      paragraph: { spacing: { after: 60 } },
    },
    {
      id: 'ChartSubtitle',
      name: 'Chart Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      run: run({ size: 20, color: SECONDARY }),
      paragraph: { keepNext: true, spacing: { after: 80 } },
    },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: run({ italics: true }),
      paragraph: { indent: { left: 567 } },
    },
    {
      id: 'Code',
      name: 'Code',
      basedOn: 'Normal',
      run: run({ font: 'Consolas', size: 20 }),
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: 'RunningHeader',
      name: 'Running Header',
      basedOn: 'Normal',
      run: run({ size: 18, color: SECONDARY }),
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: 'Notice',
      name: 'Notice',
      basedOn: 'Normal',
      run: run({ bold: true, size: 24 }),
      paragraph: {
        spacing: { after: 120 },
        border: {
          top: { style: 'single', size: 12, color: TEXT, space: 4 },
          bottom: { style: 'single', size: 12, color: TEXT, space: 4 },
        },
      },
    },
  ],
};

export const BULLET_LIST = 'sc-bullets';
export const NUMBERED_LIST = 'sc-numbers';
const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
const BULLETS = ['•', '◦', '▪'] as const;
const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

export function listIndentTwips(level: number): number {
  return 567 * (level + 1);
}

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLET_LIST,
      levels: LEVELS.map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: BULLETS[level % BULLETS.length] ?? '•',
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: listIndentTwips(level), hanging: 283 } } },
      })),
    },
    {
      reference: NUMBERED_LIST,
      levels: LEVELS.map((level) => ({
        level,
        format: NUMBER_FORMATS[level % NUMBER_FORMATS.length] ?? LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: listIndentTwips(level), hanging: 425 } } },
      })),
    },
  ],
};
