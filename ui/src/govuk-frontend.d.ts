// The part of GOV.UK Frontend's JavaScript that Yardstick uses; the package ships no types.
declare module "govuk-frontend" {
  export class Button {
    constructor($root: Element, config?: { preventDoubleClick?: boolean });
  }
  export class ErrorSummary {
    constructor($root: Element, config?: { disableAutoFocus?: boolean });
  }
}
