import type { AssessmentSummary } from "./backend/bindings";

export interface OrganisationGroup {
  organisationId: number;
  organisation: string;
  assessments: AssessmentSummary[];
}

/**
 * Groups assessments by organisation for the home screen, keeping the order the back end
 * gave (organisations alphabetically, newest period first within each).
 */
export function groupByOrganisation(assessments: AssessmentSummary[]): OrganisationGroup[] {
  const groups = new Map<number, OrganisationGroup>();
  for (const assessment of assessments) {
    let group = groups.get(assessment.organisationId);
    if (!group) {
      group = {
        organisationId: assessment.organisationId,
        organisation: assessment.organisation,
        assessments: [],
      };
      groups.set(assessment.organisationId, group);
    }
    group.assessments.push(assessment);
  }
  return [...groups.values()];
}
