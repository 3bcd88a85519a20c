import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every GraphQL document in src, checked against the committed schema. */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      // Documents as plain query strings (not syntax trees): a fraction of the size in the first-load bundle.
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // Dates travel as ISO 8601 text (YYYY-MM-DD, and with time for DateTime); uploads are browser files.
        scalars: { Date: 'string', DateTime: 'string', JSON: 'unknown', Upload: 'File' },
      },
    },
  },
};

export default config;
