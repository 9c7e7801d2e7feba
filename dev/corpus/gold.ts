// zod schema of a GoldSpan (dev/corpus/types.ts), for gold read from fixture files.
import { z } from 'zod';
import { Category, InjectionKind } from '../../src/detect/types.js';
import { Region } from '../../src/page/types.js';

export const GoldSpan = z.object({
  text: z.string().min(1),
  where: Region,
  kind: InjectionKind,
  category: Category,
  lang: z.string(),
});
