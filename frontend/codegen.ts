import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types for every GraphQL document in src, checked against the committed schema. */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, strictScalars: false },
    },
  },
};

export default config;
