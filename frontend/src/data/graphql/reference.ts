import type { Client } from '@urql/core';
import type { CatalogueSection } from '../../catalogue/types';
import { graphql } from '../../graphql/generated';
import type { CatalogueItemFieldsFragment } from '../../graphql/generated/graphql';
import { found, read } from '../../graphql/operations';
import type { CatalogueItem } from '../../catalogue/types';
import type { LegalArea } from '../../reference/types';

const LegalAreasQuery = graphql(`
  query LegalAreas($language: String!) {
    legalAreas {
      code
      name(language: $language)
      procedures {
        code
        kind
        legalAreaCode
        defaultReplyDays
        personalDataFields
        name(language: $language)
      }
    }
  }
`);

graphql(`
  fragment CatalogueItemFields on CatalogueItem {
    id
    type
    required
    parameters
    text
    help
    language
    options {
      id
      label
    }
  }
`);

const QuestionCatalogueQuery = graphql(`
  query QuestionCatalogue($procedure: String!, $language: String!) {
    questionCatalogue(procedure: $procedure, language: $language) {
      sections {
        id
        title
        items {
          ...CatalogueItemFields
        }
      }
    }
  }
`);

export function catalogueItem(item: CatalogueItemFieldsFragment): CatalogueItem {
  return { ...item, options: item.options.map((option) => ({ id: option.id, label: option.label })) };
}

export async function legalAreas(client: Client, language: string): Promise<LegalArea[]> {
  const data = await read(client, LegalAreasQuery, { language });
  return data.legalAreas.map((area) => ({
    code: area.code,
    name: area.name,
    procedures: area.procedures.map((procedure) => ({
      code: procedure.code,
      name: procedure.name,
      kind: procedure.kind,
      legalArea: procedure.legalAreaCode,
      defaultReplyDays: procedure.defaultReplyDays,
      personalDataFields: procedure.personalDataFields,
    })),
  }));
}

export async function questionCatalogue(client: Client, procedure: string, language: string): Promise<CatalogueSection[]> {
  const data = await read(client, QuestionCatalogueQuery, { procedure, language });
  return found(data.questionCatalogue).sections.map((section) => ({
    id: section.id,
    title: section.title,
    items: section.items.map(catalogueItem),
  }));
}
