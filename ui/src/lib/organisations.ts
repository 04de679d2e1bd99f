import type { OrganisationKind } from "./backend/bindings";

export const ORGANISATION_KINDS: OrganisationKind[] = [
  "district",
  "county",
  "unitary",
  "metropolitan_borough",
  "london_borough",
  "welsh_principal",
  "scottish",
  "northern_irish",
  "other",
];

const LABELS: Record<OrganisationKind, string> = {
  district: "District council",
  county: "County council",
  unitary: "Unitary authority",
  metropolitan_borough: "Metropolitan borough council",
  london_borough: "London borough council",
  welsh_principal: "Welsh principal council",
  scottish: "Scottish council",
  northern_irish: "Northern Irish council",
  other: "Other",
};

export function kindLabel(kind: OrganisationKind): string {
  return LABELS[kind];
}
