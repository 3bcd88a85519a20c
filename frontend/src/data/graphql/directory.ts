import type { Client } from '@urql/core';
import type { AuthoritySummary, DirectoryQuery, DirectoryResult } from '../../directory/types';
import { graphql } from '../../graphql/generated';
import type { AuthorityLevel } from '../../graphql/generated/graphql';
import { read } from '../../graphql/operations';
import { AUTHORITY_LEVELS } from '../../reference/types';

const DIRECTORY_PAGE = 20;

const SearchAuthoritiesQuery = graphql(`
  query SearchAuthorities($input: SearchAuthoritiesInput!) {
    searchAuthorities(input: $input) {
      totalCount
      edges {
        highlights {
          field
          html
        }
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
      facets {
        countries {
          value
          count
        }
        levels {
          value
          count
        }
        legalAreas {
          value
          count
        }
      }
    }
  }
`);

const LEVELS: readonly string[] = AUTHORITY_LEVELS;

function isLevel(value: string): value is AuthorityLevel {
  return LEVELS.includes(value);
}

/** Active authorities matching what the reader typed, in the language of the interface, best first, with facet counts. */
export async function searchAuthorities(client: Client, query: DirectoryQuery): Promise<DirectoryResult> {
  const data = await read(client, SearchAuthoritiesQuery, {
    input: {
      query: query.text.trim(),
      language: query.language,
      countries: query.country ? [query.country] : [],
      levels: isLevel(query.level) ? [query.level] : [],
      legalAreas: query.legalArea ? [query.legalArea] : [],
      procedures: query.procedure ? [query.procedure] : [],
      first: DIRECTORY_PAGE,
    },
  });
  const { totalCount, edges, facets } = data.searchAuthorities;
  const hits: AuthoritySummary[] = edges.map(({ node, highlights }) => ({
    id: node.id,
    officialName: node.officialName,
    officialNameLanguage: node.officialLanguage,
    country: node.countryCode,
    city: node.city ?? null,
    level: node.level,
    legalAreas: node.legalAreas.map((area) => area.code),
    email: node.email ?? null,
    phone: node.phone ?? null,
    highlights,
  }));
  return { total: totalCount, hits, facets: { country: facets.countries, level: facets.levels, legalArea: facets.legalAreas } };
}
