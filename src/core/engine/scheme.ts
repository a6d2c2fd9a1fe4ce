/**
 * A scheme (方案): the indicators a role is scored on, their tiers, weights and targets (SPEC §6).
 * The default is for pre-sales (售前) in an ordinary month; teams edit it on the 设置 tab.
 */
export interface SchemeItem {
  id: string;
  better: 'higher' | 'lower';
  target: number;
  /** Three thresholds, lowest first, and the points of each tier. */
  thresholds: [number, number, number];
  points: [number, number, number];
  weight: number;
  maxPoints: number;
}

export interface Scheme {
  name: string;
  fullPay: number;
  items: SchemeItem[];
  /**
   * Leave figures flagged low-sample (min_sample) out of the total and the full marks; by default they
   * score like any other (SPEC §6: "the scheme decides whether a flagged figure still scores").
   */
  leaveOutLowSample?: boolean;
}

export const DEFAULT_SCHEME: Scheme = {
  name: '售前·日常',
  fullPay: 2000,
  items: [
    {
      id: 'fast_reply_rate',
      better: 'higher',
      target: 0.8,
      thresholds: [0.6, 0.7, 0.8],
      points: [6, 8, 10],
      weight: 10,
      maxPoints: 10,
    },
    {
      id: 'avg_response_s',
      better: 'lower',
      target: 30,
      thresholds: [20, 30, 45],
      points: [10, 8, 6],
      weight: 10,
      maxPoints: 10,
    },
    {
      id: 'conversion_rate',
      better: 'higher',
      target: 0.3,
      thresholds: [0.2, 0.25, 0.3],
      points: [4, 6, 8],
      weight: 8,
      maxPoints: 8,
    },
    {
      id: 'satisfaction_rate',
      better: 'higher',
      target: 0.9,
      thresholds: [0.8, 0.85, 0.9],
      points: [3, 4, 5],
      weight: 5,
      maxPoints: 5,
    },
  ],
};
