// The review's time zone in tests: the configuration's default, taken from the one place that defines it.
import { defaultTimeZone, reviewTimeZone } from "../../bot/config";

export const REVIEW_ZONE = defaultTimeZone();
export const REVIEW_OFFSET = REVIEW_ZONE.offsetMinutes;
export { reviewTimeZone };
