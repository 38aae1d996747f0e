// The avslut of an insats: its reason and, for a goal reached, the job or studies it ends in.
// One schema, shared by the API, the simulator and the bonus rules (2023 §7, §9.2; 2024 §9).
import { z } from 'zod';

/** RULEBOOK.md "Avslut reasons" (2023 §7, 2024 §9). */
export const AVSLUT_ORSAKER = [
  'arbete',
  'studier',
  'eget-foretag',
  'annan-insats',
  'byte-av-anordnare',
  'annan-myndighet',
  'avbrott',
  'svag-progression',
  'brister-hos-anordnare',
  'planerad-franvaro',
] as const;
export type AvslutOrsak = (typeof AVSLUT_ORSAKER)[number];

/** The reasons that mean the goal was reached (2023 §7.1; 2024 §1.2). */
export const MAL_UPPNATT: readonly AvslutOrsak[] = ['arbete', 'studier', 'eget-foretag'];

/**
 * Employment forms the bonus rules tell apart: open-ended, fixed-term (needs ≥ 6 months),
 * hourly (needs full time), temporary (vikariat, behovsanställning: only once 6 months are
 * proven, 2023 §9.2.1) and the supported forms that count (2023 §9.2; 2024 §9).
 */
export const ANSTALLNINGSFORMER = [
  'tillsvidare',
  'visstid',
  'timanstallning',
  'vikariat',
  'behovsanstallning',
  'nystartsjobb',
  'introduktionsjobb',
  'instegsjobb',
  'osa',
] as const;
export type Anstallningsform = (typeof ANSTALLNINGSFORMER)[number];

/**
 * `csn`: studiemedel with bidrag and lån; `csn-bidrag`: CSN-eligible studies with the bidrag part
 * only (2023 §9.2.2); `studiestartsstod`; `ovrigt`: without studiemedel.
 */
export const STUDIEFORMER = ['csn', 'csn-bidrag', 'studiestartsstod', 'ovrigt'] as const;
export type Studieform = (typeof STUDIEFORMER)[number];

/** Temporary benefits that are never bonus-grounding (2023 §9.2; 2024 §9). */
export const TILLFALLIGA_ERSATTNINGAR = ['etableringsersattning', 'a-kassa', 'alfa-kassa', 'aktivitetsstod'] as const;

/** Percent of full time. */
const omfattning = z.number().gt(0).max(100);

export const anstallningSchema = z
  .object({
    form: z.enum(ANSTALLNINGSFORMER),
    omfattning,
    /** Contract length in months, for a fixed-term contract. */
    manader: z.number().int().positive().optional(),
  })
  .strict();
export type Anstallning = z.infer<typeof anstallningSchema>;

export const studierSchema = z.object({ form: z.enum(STUDIEFORMER), omfattning }).strict();
export type Studier = z.infer<typeof studierSchema>;

export const avslutSchema = z
  .object({
    orsak: z.enum(AVSLUT_ORSAKER),
    anstallning: anstallningSchema.optional(),
    studier: studierSchema.optional(),
    /** Self-sufficient with the support of others in the household (2023 §9.2.1; 2024 §9.2.2, §9.3.4). */
    hushallsstod: z.boolean().optional(),
    /** The household still receives ekonomiskt bistånd after the avslut. */
    ekonomisktBistand: z.boolean().optional(),
    /** Self-sufficiency rests on a temporary benefit. */
    tillfalligErsattning: z.enum(TILLFALLIGA_ERSATTNINGAR).optional(),
  })
  .strict()
  .superRefine((avslut, context) => {
    if (avslut.orsak === 'arbete' && !avslut.anstallning) {
      context.addIssue({ code: 'custom', path: ['anstallning'], message: 'an avslut to arbete names the anstallning' });
    }
    if (avslut.orsak === 'studier' && !avslut.studier) {
      context.addIssue({ code: 'custom', path: ['studier'], message: 'an avslut to studier names the studier' });
    }
  });
export type Avslut = z.infer<typeof avslutSchema>;
