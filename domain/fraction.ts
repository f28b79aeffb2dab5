// Exact threshold arithmetic. Every "2/3", "more than 1/2", "80%" of the guideline is a Fraction and is compared by
// cross-multiplying integers, so 6 of 9 is exactly 2/3 and never 0.6666 < 0.6667.

/** count/total compared with num/den: `>=` by default, `>` when strict ("more than"). */
export type Fraction = { num: number; den: number; strict: boolean };

export function percent(value: number, strict = false): Fraction {
  return { num: value, den: 100, strict };
}

/** Does `count` out of `total` reach the fraction? `den * count >= num * total` (or `>`). */
export function reaches(count: number, total: number, f: Fraction): boolean {
  const left = f.den * count;
  const right = f.num * total;
  return f.strict ? left > right : left >= right;
}

/** Like `reaches`, but an empty whole never reaches anything (0 of 0 members is not "80% rated good"). */
export function reachesNonEmpty(count: number, total: number, f: Fraction): boolean {
  return total > 0 && reaches(count, total, f);
}

/** floor(num * base / den) with integer division only; e.g. the 15% cap of 20 members is 3. */
export function floorShare(base: number, f: Fraction): number {
  const product = f.num * base;
  return (product - (product % f.den)) / f.den;
}
