// Minimal stand-in until the domain-2025 helper's version is merged (it adds OPEN_POINTS and withOpenPoints): the
// stored shape of a period's open points (ReviewPeriod.openPoints, RULES-2025 "Open points").
import { z } from "zod";
import { CAP_ROUNDINGS } from "./rulebook";

export const openPointsSchema = z
  .object({
    capBaseIncludesExcellent: z.boolean().optional(),
    capRounding: z.enum(CAP_ROUNDINGS).optional(),
    outstandingUnit: z.boolean().optional(),
  })
  .strict();
