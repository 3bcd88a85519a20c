/** How a question of a procedure's catalogue is answered. */
export type ItemType = 'YES_NO_DONT_KNOW' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'DATE' | 'NUMBER' | 'TEXT' | 'ATTACHMENT';

export interface CatalogueOption {
  id: string;
  label: string;
}

/** A question of a question set, or a field of a form, in the reader's language. */
export interface CatalogueItem {
  id: string;
  type: ItemType;
  required: boolean;
  /** Names of the values the requester fills in (e.g. `profession`), shown as `{profession}` in `text`. */
  parameters: string[];
  text: string;
  help: string;
  language: string;
  options: CatalogueOption[];
}

export interface CatalogueSection {
  id: string;
  title: string;
  items: CatalogueItem[];
}

/** An answer to one item, as typed in a form: a text, a date, a number, an option or several, or a yes/no. */
export interface AnswerEntry {
  item: string;
  type: ItemType;
  value: string | string[];
}
