/** What a ReqIF exchange holds once read, whatever tool wrote it (pure data, no database). */

export type WarningCode =
  | 'duplicateIdentifier'
  | 'danglingObject'
  | 'danglingType'
  | 'danglingAttribute'
  | 'danglingDatatype'
  | 'danglingEnumValue'
  | 'danglingRelationEnd'
  | 'badDate'
  | 'badNumber'
  | 'badBoolean'
  | 'severalPlaces'
  | 'missingNamespace'
  | 'textTooLong'
  | 'titleMissing'
  /** A specification of this very project, exported from here: an import writes requirements only. */
  | 'ownSpecification';

export interface ReqifWarning {
  code: WarningCode;
  /** The identifier concerned (object, attribute, relation…). */
  identifier: string;
  detail?: string;
}

export interface ReqifObject {
  identifier: string;
  title: string;
  /** Markdown, from ReqIF.Text (or the first XHTML attribute). */
  text: string;
  typeName: string;
  /** Every other attribute, by its name, as display text. */
  fields: Record<string, string>;
  /** The SPEC-OBJECT this one is filed under in its specification, if any. */
  parentIdentifier: string | null;
  /** Position among its siblings (specification order). */
  position: number;
  depth: number;
  specification: string | null;
}

export interface ReqifRelation {
  identifier: string;
  source: string;
  target: string;
  typeName: string;
  fields: Record<string, string>;
}

export interface ReqifSpecificationSummary {
  identifier: string;
  title: string;
  objectCount: number;
  depth: number;
}

export interface ReqifDocument {
  title: string;
  toolId: string;
  sourceToolId: string;
  files: string[];
  /** In specification order, parents before their children; objects in no specification come last. */
  objects: ReqifObject[];
  /** Only relations whose two ends are objects of the exchange; the others are warnings. */
  relations: ReqifRelation[];
  specifications: ReqifSpecificationSummary[];
  /** Deepest SPEC-HIERARCHY level (1 = top level). */
  depth: number;
  warnings: ReqifWarning[];
}

/** The ReqIF 1.0, 1.1 and 1.2 namespace (1.1 and 1.2 kept 1.0's). */
export const REQIF_NAMESPACE = 'http://www.omg.org/spec/ReqIF/20110401/reqif.xsd';
/** The draft before 1.0 (RIF 7.2 era), whose structure differs: refused, with the reason. */
export const REQIF_DRAFT_NAMESPACE = 'http://www.omg.org/spec/ReqIF/20101201';
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
