/** A right's profile, as the API names it (a right is a profile in a legal area). */
export type Profile =
  | 'REQUEST_HANDLER'
  | 'ALLOCATOR'
  | 'ALERT_HANDLER'
  | 'VIEWER'
  | 'LOCAL_DATA_ADMINISTRATOR'
  | 'VALIDATOR'
  | 'REFERRAL_HANDLER';

export const PROFILES: readonly Profile[] = [
  'REQUEST_HANDLER', 'ALLOCATOR', 'ALERT_HANDLER', 'VIEWER', 'LOCAL_DATA_ADMINISTRATOR', 'VALIDATOR', 'REFERRAL_HANDLER',
];

export interface Right {
  /** Null: every legal area of the authority. */
  legalArea: string | null;
  profile: Profile;
}

/** The signed-in official. */
export interface SessionUser {
  fullName: string;
  email: string;
  language: string;
  rights: Right[];
  authority: { id: string; name: string; language: string; country: string; coordinator: boolean };
}

export function hasProfile(user: SessionUser, profile: Profile): boolean {
  return user.rights.some((right) => right.profile === profile);
}

/** Coordinators administer the authorities of their country; local data administrators the users of theirs. */
export function administers(user: SessionUser): boolean {
  return user.authority.coordinator || hasProfile(user, 'LOCAL_DATA_ADMINISTRATOR');
}
