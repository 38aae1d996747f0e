// The kund facts eligibility needs, as the kvl states them at aktualisering. The API and the
// simulator validate with this schema; no name or personnummer, only an opaque id.
import { z } from 'zod';
import { kundIdSchema } from './ids';

export const kundSchema = z
  .object({
    id: kundIdSchema.optional(),
    alder: z.number().int().min(0).max(130),
    ekonomisktBistand: z.boolean(),
    /** Percent. Full unless the kvl states a reduced one ("fastställd till mindre än 100 procent", 2023 §9.2.1). */
    arbetsformaga: z.number().min(0).max(100).default(100),
    /** A stated arbetshinder ("uttalade arbetshinder", 2023 §2.1, 2024 §7). */
    arbetshinder: z.boolean().default(false),
    /** Swedish judged a barrier to the labour market (2023 §1.1, §2.3; 2024 §1.3). */
    svenskaHinder: z.boolean().default(false),
    /** Enrolled in Arbetsförmedlingen's etableringsprogram (2023 §1.1, §2.2); false = outside or after it. */
    etableringsprogram: z.boolean().default(false),
    /** Enrolled in an AF programme (jobb- och utvecklingsgarantin, ungdomsgarantin) with AF compensation (2023 §7.4). */
    afProgram: z.boolean().default(false),
    /** 2024 §1.3: within the municipality's activity responsibility for youth (KAA). */
    kaa: z.boolean().default(false),
    /** 2024 §1.3: outside work and studies (young adults 18–24); a kund seeking an insats usually is. */
    utanforArbeteOchStudier: z.boolean().default(true),
    /** 2024 §1.3: resident in Nacka ("Nackabor"). */
    nackabo: z.boolean().default(true),
  })
  .strict();

/** The facts after defaults. */
export type Kund = z.output<typeof kundSchema>;
/** The facts as stated, with defaults still to apply. */
export type KundInput = z.input<typeof kundSchema>;
