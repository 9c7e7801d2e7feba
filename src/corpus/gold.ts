// zod schema of a GoldSpan (src/corpus/types.ts), for gold read from fixture files.
import { z } from 'zod';
import { Category, InjectionKind } from '../detect/types.js';
import { Region } from '../page/types.js';

export const GoldSpan = z.object({
  text: z.string().min(1),
  where: Region,
  kind: InjectionKind,
  category: Category,
  lang: z.string(),
});
