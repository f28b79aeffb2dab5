// M8: where the seats of the L1 cap end in a ranking, shared by the branch's own cap and a base committee's.

/** The ranked candidates split at the last seat; a tie across the boundary is left to people, never broken here. */
export type SeatCut<T> = { keep: T[]; out: T[]; tie?: { tied: T[]; seatsLeft: number } };

/**
 * `ranked` best first; `same` says two candidates rank equal. With no seat at all there is no tie to decide:
 * everyone is out.
 */
export function cutAtSeats<T>(ranked: readonly T[], seats: number, same: (a: T, b: T) => boolean): SeatCut<T> {
  if (ranked.length <= seats) return { keep: [...ranked], out: [] };
  const firstOut = ranked[seats]!;
  if (seats === 0 || !same(ranked[seats - 1]!, firstOut)) return { keep: ranked.slice(0, seats), out: ranked.slice(seats) };
  const start = ranked.findIndex((c) => same(c, firstOut));
  const end = ranked.length - [...ranked].reverse().findIndex((c) => same(c, firstOut));
  return { keep: ranked.slice(0, start), out: ranked.slice(end), tie: { tied: ranked.slice(start, end), seatsLeft: seats - start } };
}
