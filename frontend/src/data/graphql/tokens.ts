import type { Client } from '@urql/core';
import { graphql } from '../../graphql/generated';
import { read, success, write } from '../../graphql/operations';
import type { ApiToken, NewApiToken } from '../../tokens/types';

const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      name
      prefix
      scopes
      createdAt
      expiresAt
    }
  }
`);

const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      __typename
      ...Refusal
      ... on CreateApiTokenSuccess {
        token
      }
    }
  }
`);

const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($input: RevokeApiTokenInput!) {
    revokeApiToken(input: $input) {
      __typename
      ...Refusal
    }
  }
`);

export async function apiTokens(client: Client): Promise<ApiToken[]> {
  const data = await read(client, ApiTokensQuery, {});
  return data.apiTokens.map((token) => ({ ...token }));
}

export async function createApiToken(client: Client, token: NewApiToken): Promise<{ token: string }> {
  const data = await write(client, CreateApiTokenMutation, { input: token });
  return { token: success(data.createApiToken, 'CreateApiTokenSuccess').token };
}

export async function revokeApiToken(client: Client, prefix: string): Promise<void> {
  success((await write(client, RevokeApiTokenMutation, { input: { prefix } })).revokeApiToken, 'RevokeApiTokenSuccess');
}
