import { describe, expect, it } from 'vitest';
import {
  describeData,
  horizontalBars,
  labelEvery,
  horizontalLayout,
  verticalBars,
  verticalLayout,
} from './bar-geometry.ts';

const months = [
  { label: 'oct.', value: 4, display: '4' },
  { label: 'nov.', value: 0, display: '0' },
  { label: 'déc.', value: 2, display: '2' },
];

describe('bar charts', () => {
  it('scale the tallest bar to the plot and keep a zero as a bar of no height', () => {
    const bars = verticalBars(months);
    const plot = verticalLayout.height - verticalLayout.top - verticalLayout.bottom;
    expect(bars.map((bar) => bar.height)).toEqual([plot, 0, plot / 2]);
    expect(bars[0]!.y).toBe(verticalLayout.top);
    expect(bars.every((bar, index) => index === 0 || bar.x > bars[index - 1]!.x + bars[index - 1]!.width)).toBe(true);
  });

  it('draw nothing tall when every value is zero, and never a negative width', () => {
    expect(verticalBars([{ label: 'a', value: 0, display: '0' }])[0]!.height).toBe(0);
    expect(horizontalBars([{ label: 'a', value: -3, display: '-3' }])[0]!.width).toBe(0);
  });

  it('lay horizontal bars in rows, the longest filling the room left by the labels and values', () => {
    const bars = horizontalBars(months);
    const room = horizontalLayout.width - horizontalLayout.labelWidth - horizontalLayout.valueWidth;
    expect(bars.map((bar) => bar.width)).toEqual([room, 0, room / 2]);
    expect(bars.map((bar) => bar.middle)).toEqual([17, 51, 85]);
  });

  it('label every bar up to twelve, then one in n', () => {
    expect([3, 12, 13, 24, 120].map((count) => labelEvery(count))).toEqual([1, 1, 2, 2, 10]);
  });

  it('describe their data in words for assistive technologies', () => {
    expect(describeData(months)).toBe('oct. : 4 ; nov. : 0 ; déc. : 2');
  });
});
