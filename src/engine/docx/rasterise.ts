/**
 * Charts go into Word as their own SVG with a PNG beside it for Word versions and readers
 * that cannot draw SVG. The PNG is drawn by resvg (a Rust SVG renderer with a prebuilt
 * native binary per platform), loaded on first use so nothing else pays for it.
 */

/** Pixels per inch of the PNG: print resolution, so a chart stays sharp on paper. */
export const PRINT_DPI = 300;

/** CSS pixels per inch, the unit SVG sizes are in. */
const CSS_DPI = 96;

export type Rasterise = (svg: string, widthPx: number) => Uint8Array;

interface ResvgModule {
  readonly Resvg: new (
    svg: string,
    options: {
      readonly fitTo: { readonly mode: 'width'; readonly value: number };
      readonly font: {
        readonly loadSystemFonts: boolean;
        readonly sansSerifFamily: string;
        readonly defaultFontFamily: string;
      };
      readonly background: string;
    },
  ) => { render(): { asPng(): Uint8Array } };
}

/** The sans-serif every desktop has: Arial on Windows and macOS, DejaVu Sans on Linux. */
const SANS = process.platform === 'linux' ? 'DejaVu Sans' : 'Arial';

let loading: Promise<Rasterise> | undefined;

/** The PNG renderer; rejects with a reader-facing reason when resvg cannot load here. */
export function loadRasteriser(): Promise<Rasterise> {
  loading ??= import('@resvg/resvg-js').then(
    (loaded: unknown) => {
      const module = loaded as Partial<ResvgModule> & { default?: Partial<ResvgModule> };
      const Resvg = module.Resvg ?? module.default?.Resvg;
      if (!Resvg) throw new Error('the chart renderer (@resvg/resvg-js) has no Resvg export');
      return (svg: string, widthPx: number) =>
        new Resvg(svg, {
          fitTo: { mode: 'width', value: Math.round((widthPx * PRINT_DPI) / CSS_DPI) },
          // Chart text is set in the generic sans-serif; the system's fonts supply it.
          // Reading them costs more than drawing a sparkline, which has no text.
          font: {
            loadSystemFonts: svg.includes('<text'),
            sansSerifFamily: SANS,
            defaultFontFamily: SANS,
          },
          background: '#ffffff',
        })
          .render()
          .asPng();
    },
    (error: unknown) => {
      loading = undefined;
      throw new Error(
        `the chart renderer (@resvg/resvg-js) is not available on this platform (${process.platform}-${process.arch}): ${(error as Error).message.split('\n')[0] ?? ''}`,
      );
    },
  );
  return loading;
}
