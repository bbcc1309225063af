// govuk-frontend ships no type declarations; we use only these.
declare module 'govuk-frontend' {
  export class ExitThisPage {
    constructor(root: Element, config?: { i18n?: Record<string, string> });
  }
  export class SkipLink {
    constructor(root: Element);
  }
}
