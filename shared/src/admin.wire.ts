import * as z from 'zod/mini';

// The administration's region answers, in zod/mini: what the web reads (see
// docs/decisions.md, "Wire shapes in zod/mini"). The requests are in ./admin.schema.ts.

/** A region with how many poles it holds. */
const RegionWithCountSchema = z.object({
  code: z.string(),
  name: z.string(),
  poles: z.int(),
});
export type RegionWithCount = z.infer<typeof RegionWithCountSchema>;

/** `GET /api/admin/regions`: every region by code. */
export const RegionsResponseSchema = z.object({ regions: z.array(RegionWithCountSchema) });
export type RegionsResponse = z.infer<typeof RegionsResponseSchema>;

/** `POST /api/admin/regions`: the region created. */
export const RegionResponseSchema = z.object({ region: RegionWithCountSchema });
export type RegionResponse = z.infer<typeof RegionResponseSchema>;
