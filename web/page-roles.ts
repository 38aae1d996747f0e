// Who gets the pages beyond Att göra and Insatsen. The menu shows each page to these roles only,
// and to any other role the page does not exist (404), as an insats that is not one's own.
import type { Caller } from '../api/caller';
import { PAYMENT_RUN_ROLES } from '../api/payment-commands';

type PageRole = Caller['role'];

const PAGE_ROLES = {
  // Only a kvl aktualiserar (api/caller.ts mayAktualisera).
  aktualisera: ['kvl'],
  // Every role that starts, approves or exports a run (api/payment-commands.ts): the
  // arbetsledare, and the operator without the approval.
  utbetalning: PAYMENT_RUN_ROLES,
  // The yearly quality follow-up of the anordnare and 2023 §7.6 are the arbetsledare's; the
  // operator watches the service.
  uppfoljning: ['arbetsledare', 'operator'],
} as const satisfies Record<string, readonly PageRole[]>;

export type RolePage = keyof typeof PAGE_ROLES;

export const mayOpen = (page: RolePage, role: PageRole) => (PAGE_ROLES[page] as readonly PageRole[]).includes(role);
