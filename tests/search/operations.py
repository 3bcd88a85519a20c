"""GraphQL documents of the search tests."""

SEARCH = """query($input: SearchAuthoritiesInput!) { searchAuthorities(input: $input) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor score highlights { field html } node { id externalId officialName countryCode status version } }
  facets { countries { value count } levels { value count } legalAreas { value count } } } }"""

RESULT = "__typename ... on AuthoritySuccess { authority { id version status } } ... on Error { message }"
REGISTER = f"""mutation($input: RegisterAuthorityInput!) {{ registerAuthority(input: $input) {{ {RESULT} }} }}"""
VALIDATE = f"""mutation($input: AuthorityVersionInput!) {{ validateAuthority(input: $input) {{ {RESULT} }} }}"""
GRANT = f"""mutation($input: GrantLegalAreaInput!) {{ grantLegalArea(input: $input) {{ {RESULT} }} }}"""
SET_STATUS = f"""mutation($input: SetAuthorityStatusInput!) {{ setAuthorityStatus(input: $input) {{ {RESULT} }} }}"""
