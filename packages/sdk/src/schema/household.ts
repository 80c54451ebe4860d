import * as z from 'zod/mini';
import { object } from './formats.js';
import { Address, Audience, Id, MobilePhone, PersonName } from './common.js';

export const OCCUPANCIES = ['owner', 'tenant'] as const;
export const Occupancy = z.enum(OCCUPANCIES);
export type Occupancy = z.infer<typeof Occupancy>;

export const Contact = object({
  name: PersonName,
  phone: MobilePhone,
});
export type Contact = z.infer<typeof Contact>;

/** A household, office or shop in the compound, with its contacts. */
export const Household = object({
  id: Id,
  type: Audience,
  occupancy: Occupancy,
  address: Address,
  contacts: z.array(Contact),
});
export type Household = z.infer<typeof Household>;
