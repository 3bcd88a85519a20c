export interface PendingAuthority {
  id: string;
  officialName: string;
  officialNameLanguage: string;
  country: string;
  registeredAt: string;
}
