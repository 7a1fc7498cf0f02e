import { it } from 'vitest';
import { z } from 'astro/zod';
it('z', () => { console.log(JSON.stringify(z.strictObject({ a: z.enum(['x', 'y']) }).safeParse({ a: 'q' }).error!.issues)); });
