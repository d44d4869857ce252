/**
 * The geometry of the dashboard's bar charts, apart from their markup so that it can be tested
 * without a browser: where each bar goes and where its value is written (every bar carries its
 * value as text, so the chart reads without colour and without guessing from an axis).
 */
export type ChartDatum = { label: string; value: number; display: string };

export type VerticalBar = ChartDatum & { x: number; y: number; width: number; height: number; centre: number };
export type HorizontalBar = ChartDatum & { y: number; width: number; height: number; middle: number };

/** Room under the bars for the labels and above them for the values. */
export const verticalLayout = { width: 640, height: 260, top: 28, bottom: 40, gap: 0.3 };

/** Bars side by side, the tallest reaching the top; a zero is a bar of no height whose « 0 » is still written. */
export function verticalBars(data: ChartDatum[], layout = verticalLayout): VerticalBar[] {
  const max = Math.max(0, ...data.map((datum) => datum.value));
  const plotHeight = layout.height - layout.top - layout.bottom;
  const slot = data.length === 0 ? 0 : layout.width / data.length;
  const width = slot * (1 - layout.gap);
  return data.map((datum, index) => {
    const height = max === 0 ? 0 : (Math.max(0, datum.value) / max) * plotHeight;
    const x = index * slot + (slot - width) / 2;
    return { ...datum, x, width, height, y: layout.height - layout.bottom - height, centre: x + width / 2 };
  });
}

export const horizontalLayout = { width: 640, labelWidth: 200, valueWidth: 90, row: 34, bar: 22 };

/** One row per datum: its label on the left, the bar, then its value just after the bar's end. */
export function horizontalBars(data: ChartDatum[], layout = horizontalLayout): HorizontalBar[] {
  const max = Math.max(0, ...data.map((datum) => datum.value));
  const room = layout.width - layout.labelWidth - layout.valueWidth;
  return data.map((datum, index) => ({
    ...datum,
    y: index * layout.row + (layout.row - layout.bar) / 2,
    height: layout.bar,
    width: max === 0 ? 0 : (Math.max(0, datum.value) / max) * room,
    middle: index * layout.row + layout.row / 2,
  }));
}

/** Write the label and value of one bar in `n`, so that at most twelve share the width (a year's months, every one). */
export function labelEvery(count: number, most = 12): number {
  return Math.max(1, Math.ceil(count / most));
}

/** What a screen reader hears after the title: every label with its value, in order. */
export function describeData(data: ChartDatum[]): string {
  return data.map((datum) => `${datum.label} : ${datum.display}`).join(' ; ');
}
