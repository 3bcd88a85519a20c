"""The GraphQL API: schema composition, context, errors, global IDs, connections and limits."""
