import type { Client } from '@urql/core';
import type { AuthoritySummary, DirectoryQuery, DirectoryResult } from '../../directory/types';
import { graphql } from '../../graphql/generated';
import type { AuthorityLevel } from '../../graphql/generated/graphql';
import { read } from '../../graphql/operations';
import { AUTHORITY_LEVELS } from '../../reference/types';

const DIRECTORY_PAGE = 20;

const AuthoritiesQuery = graphql(`
  query Authorities($input: AuthoritiesInput!) {
    authorities(input: $input) {
      edges {
        node {
          id
          officialName
          officialLanguage
          countryCode
          city
          level
          email
          phone
          legalAreas {
            code
          }
        }
      }
    }
  }
`);

const LEVELS: readonly string[] = AUTHORITY_LEVELS;

function isLevel(value: string): value is AuthorityLevel {
  return LEVELS.includes(value);
}

/** The directory filtered by name part and filters (the API's directory listing, ordered by official name). */
export async function searchAuthorities(client: Client, query: DirectoryQuery): Promise<DirectoryResult> {
  const data = await read(client, AuthoritiesQuery, {
    input: {
      nameContains: query.text.trim() || null,
      countries: query.country ? [query.country] : [],
      levels: isLevel(query.level) ? [query.level] : [],
      legalAreas: query.legalArea ? [query.legalArea] : [],
      procedures: query.procedure ? [query.procedure] : [],
      statuses: ['ACTIVE'],
      first: DIRECTORY_PAGE,
    },
  });
  const hits: AuthoritySummary[] = data.authorities.edges.map(({ node }) => ({
    id: node.id,
    officialName: node.officialName,
    officialNameLanguage: node.officialLanguage,
    country: node.countryCode,
    city: node.city ?? null,
    level: node.level,
    legalAreas: node.legalAreas.map((area) => area.code),
    email: node.email ?? null,
    phone: node.phone ?? null,
    highlights: [],
  }));
  return { total: null, hits, facets: { country: [], level: [], legalArea: [] } };
}
