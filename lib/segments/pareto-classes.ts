/**
 * The Pareto classes of a team's clients by revenue (DOMAIN.md, seed 004): the clients that make
 * up the first 80 % of revenue are key (class A, a meeting a quarter), the most valuable of them
 * are the top (a meeting a month); B takes the next slice, C the rest and everyone without
 * revenue. The server computes them (server/src/segments/recompute-segments.ts, in SQL: the split
 * runs over every card of the organisation, and moving them to JavaScript and back cost seconds).
 *
 * The rule: rank a team's cards by revenue, largest first, ties by key. A card is in A while the
 * revenue of the cards above it is still short of `aShare` of the total — so A is the smallest set
 * of the largest cards that reaches the share, the one crossing the line included; B the same up
 * to `bShare`; C the rest and every card without revenue. The first `topShare` of A (at least
 * one, none at 0) are the top.
 */
export const PARETO_CLASSES = ['top', 'a', 'b', 'c'] as const;
export type ParetoClass = (typeof PARETO_CLASSES)[number];

export interface ParetoOptions {
  /** Revenue share class A covers, counted from the largest client down (0.8). */
  aShare: number;
  /** Revenue share A and B cover together (0.95). */
  bShare: number;
  /** Share of A's clients, the largest first, that are the top (0.2). */
  topShare: number;
}

export const DEFAULT_PARETO: ParetoOptions = { aShare: 0.8, bShare: 0.95, topShare: 0.2 };
