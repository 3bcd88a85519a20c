import type { Client } from '@urql/core';
import { graphql } from '../../graphql/generated';
import type { SessionUserFieldsFragment } from '../../graphql/generated/graphql';
import { read, success, write } from '../../graphql/operations';
import type { SessionUser } from '../../session/types';

graphql(`
  fragment SessionUserFields on User {
    fullName
    email
    language
    rights {
      legalArea
      profile
    }
    authority {
      id
      officialName
      officialLanguage
      countryCode
      coordinatorRole
    }
  }
`);

const MeQuery = graphql(`
  query Me {
    me {
      user {
        ...SessionUserFields
      }
    }
  }
`);

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignInSuccess {
        user {
          ...SessionUserFields
        }
      }
      ... on ValidationFailed {
        message
        problems {
          field
          message
        }
      }
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      __typename
      ... on NotAllowed {
        message
      }
    }
  }
`);

function sessionUser(user: SessionUserFieldsFragment): SessionUser {
  return {
    fullName: user.fullName,
    email: user.email,
    language: user.language,
    rights: user.rights,
    authority: {
      id: user.authority.id,
      name: user.authority.officialName,
      language: user.authority.officialLanguage,
      country: user.authority.countryCode,
      coordinator: user.authority.coordinatorRole !== 'NONE',
    },
  };
}

export async function me(client: Client): Promise<SessionUser | null> {
  const data = await read(client, MeQuery, {});
  return data.me?.user ? sessionUser(data.me.user) : null;
}

export async function signIn(client: Client, email: string, password: string): Promise<SessionUser> {
  const data = await write(client, SignInMutation, { input: { email, password } });
  return sessionUser(success(data.signIn, 'SignInSuccess').user);
}

export async function signOut(client: Client): Promise<void> {
  const data = await write(client, SignOutMutation, {});
  success(data.signOut, 'SignOutSuccess');
}
