import { start } from './app/start';
import { graphqlSources } from './data/graphqlSources';
import { createApiClient } from './graphql/client';

void start(graphqlSources(createApiClient()));
