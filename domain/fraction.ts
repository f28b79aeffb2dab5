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

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/**
 * Does the mean of the parts' rates (Σ countᵢ/totalᵢ ÷ n) reach the fraction? Exact: every rate is brought to the
 * least common multiple of the totals in BigInt, so twelve meetings of a hundred members cannot overflow. No parts,
 * or a part with no total, never reaches anything.
 */
export function meanRateReaches(parts: readonly { count: number; total: number }[], f: Fraction): boolean {
  if (parts.length === 0 || parts.some((p) => p.total <= 0)) return false;
  const lcm = parts.reduce((acc, p) => (acc / gcd(acc, BigInt(p.total))) * BigInt(p.total), 1n);
  const sum = parts.reduce((acc, p) => acc + BigInt(p.count) * (lcm / BigInt(p.total)), 0n);
  const left = BigInt(f.den) * sum;
  const right = BigInt(f.num) * BigInt(parts.length) * lcm;
  return f.strict ? left > right : left >= right;
}
