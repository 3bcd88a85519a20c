import type { Client } from '@urql/core';
import type { AuthorityRegistration, ManagedAuthority, ManagedUser, NewUser } from '../../admin/types';
import { graphql } from '../../graphql/generated';
import { read, success, write } from '../../graphql/operations';
import type { Right } from '../../session/types';

const ADMIN_PAGE = 100;

const ManagedAuthoritiesQuery = graphql(`
  query ManagedAuthorities($input: AuthoritiesInput!) {
    authorities(input: $input) {
      edges {
        node {
          id
          version
          officialName
          officialLanguage
          countryCode
          level
          city
          status
          legalAreas {
            code
          }
        }
      }
    }
  }
`);

const RegisterAuthorityMutation = graphql(`
  mutation RegisterAuthority($input: RegisterAuthorityInput!) {
    registerAuthority(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const InviteAuthorityMutation = graphql(`
  mutation InviteAuthority($input: InviteAuthorityInput!) {
    inviteAuthority(input: $input) {
      __typename
      ...Refusal
      ... on InviteAuthoritySuccess {
        invitationToken
      }
    }
  }
`);

const ValidateAuthorityMutation = graphql(`
  mutation ValidateAuthority($input: AuthorityVersionInput!) {
    validateAuthority(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const SetAuthorityStatusMutation = graphql(`
  mutation SetAuthorityStatus($input: SetAuthorityStatusInput!) {
    setAuthorityStatus(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const GrantLegalAreaMutation = graphql(`
  mutation GrantLegalArea($input: GrantLegalAreaInput!) {
    grantLegalArea(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const RevokeLegalAreaMutation = graphql(`
  mutation RevokeLegalArea($input: RevokeLegalAreaInput!) {
    revokeLegalArea(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const UsersQuery = graphql(`
  query Users($input: UsersInput!) {
    users(input: $input) {
      edges {
        node {
          id
          fullName
          email
          language
          isActive
          rights {
            legalArea
            profile
          }
        }
      }
    }
  }
`);

const AddUserMutation = graphql(`
  mutation AddUser($input: AddUserInput!) {
    addUser(input: $input) {
      __typename
      ...Refusal
      ... on AddUserSuccess {
        setPasswordToken
      }
    }
  }
`);

const SetUserRightsMutation = graphql(`
  mutation SetUserRights($input: SetUserRightsInput!) {
    setUserRights(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

const SetUserActiveMutation = graphql(`
  mutation SetUserActive($input: SetUserActiveInput!) {
    setUserActive(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

export async function managedAuthorities(client: Client, country: string): Promise<ManagedAuthority[]> {
  const data = await read(client, ManagedAuthoritiesQuery, { input: { countries: [country], statuses: ['PENDING', 'ACTIVE', 'INACTIVE'], first: ADMIN_PAGE } });
  return data.authorities.edges.map(({ node }) => ({
    id: node.id,
    version: node.version,
    officialName: node.officialName,
    officialNameLanguage: node.officialLanguage,
    country: node.countryCode,
    level: node.level,
    city: node.city ?? null,
    status: node.status,
    legalAreas: node.legalAreas.map((area) => area.code),
  }));
}

export async function registerAuthority(client: Client, registration: AuthorityRegistration): Promise<{ invitationToken: string | null }> {
  const details = {
    country: registration.country,
    level: registration.level,
    officialName: registration.officialName,
    officialLanguage: registration.officialLanguage,
    city: registration.city || null,
    email: registration.email || null,
  };
  if (registration.administratorEmail) {
    const data = await write(client, InviteAuthorityMutation, { input: { details, administratorEmail: registration.administratorEmail } });
    return { invitationToken: success(data.inviteAuthority, 'InviteAuthoritySuccess').invitationToken };
  }
  success((await write(client, RegisterAuthorityMutation, { input: { details } })).registerAuthority, 'AuthoritySuccess');
  return { invitationToken: null };
}

export async function validateAuthority(client: Client, authority: ManagedAuthority): Promise<void> {
  const data = await write(client, ValidateAuthorityMutation, { input: { authorityId: authority.id, version: authority.version } });
  success(data.validateAuthority, 'AuthoritySuccess');
}

export async function setAuthorityActive(client: Client, authority: ManagedAuthority, active: boolean): Promise<void> {
  const data = await write(client, SetAuthorityStatusMutation, { input: { authorityId: authority.id, version: authority.version, active } });
  success(data.setAuthorityStatus, 'AuthoritySuccess');
}

export async function grantLegalArea(client: Client, authorityId: string, legalArea: string): Promise<void> {
  success((await write(client, GrantLegalAreaMutation, { input: { authorityId, legalArea } })).grantLegalArea, 'AuthoritySuccess');
}

export async function revokeLegalArea(client: Client, authorityId: string, legalArea: string): Promise<void> {
  success((await write(client, RevokeLegalAreaMutation, { input: { authorityId, legalArea } })).revokeLegalArea, 'AuthoritySuccess');
}

export async function users(client: Client): Promise<ManagedUser[]> {
  const data = await read(client, UsersQuery, { input: { first: ADMIN_PAGE } });
  return data.users.edges.map(({ node }) => ({
    id: node.id,
    fullName: node.fullName,
    email: node.email,
    language: node.language,
    active: node.isActive,
    rights: node.rights.map((right) => ({ legalArea: right.legalArea ?? null, profile: right.profile })),
  }));
}

export async function addUser(client: Client, user: NewUser): Promise<{ setPasswordToken: string }> {
  const data = await write(client, AddUserMutation, { input: user });
  return { setPasswordToken: success(data.addUser, 'AddUserSuccess').setPasswordToken };
}

export async function setUserRights(client: Client, userId: string, rights: Right[]): Promise<void> {
  success((await write(client, SetUserRightsMutation, { input: { userId, rights } })).setUserRights, 'UserSuccess');
}

export async function setUserActive(client: Client, userId: string, active: boolean): Promise<void> {
  success((await write(client, SetUserActiveMutation, { input: { userId, active } })).setUserActive, 'UserSuccess');
}
