//! Company benefits (deductions and contributions) and who is enrolled in them, with each
//! enrolment's configuration. The fixture enrolls people as `data::BENEFITS` says; the
//! `/employer/benefits*` writes change it.

use super::catalog;
use super::data;
use super::dates::Day;
use super::ids::{SplitMix64, Uuid};
use super::people::{Generated, Person};

/// Indexes into `data::BENEFITS`.
pub(crate) const RETIREMENT: usize = 0;
pub(crate) const ROTH: usize = 1;
pub(crate) const MEDICAL: usize = 2;
pub(crate) const DENTAL: usize = 3;
pub(crate) const HSA: usize = 4;
pub(crate) const COMMUTER: usize = 5;

/// 2025 IRS limits, in cents.
const RETIREMENT_LIMIT: i64 = 2_350_000;
const HSA_INDIVIDUAL_LIMIT: i64 = 430_000;
const HSA_FAMILY_LIMIT: i64 = 855_000;
const COMMUTER_LIMIT: i64 = 390_000;

/// The commuter benefit's monthly pre-tax deduction, in cents.
pub(crate) const COMMUTER_MONTHLY: i64 = 15_000;

/// A company benefit and who is enrolled in it.
#[derive(Debug)]
pub(crate) struct Benefit {
    pub(crate) id: Uuid,
    /// `BenefitType`, as sent (always one of the spec's values).
    pub(crate) kind: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) frequency: Option<String>,
    /// The company match, `(match, threshold)` tiers in basis points.
    pub(crate) company_match: Option<Vec<(i64, i64)>>,
    /// Enrolments, in enrolment order.
    pub(crate) enrollments: Vec<Enrollment>,
}

/// One individual's enrolment in a benefit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Enrollment {
    pub(crate) individual: Uuid,
    pub(crate) employee_deduction: Option<Contribution>,
    pub(crate) company_contribution: Option<Contribution>,
    pub(crate) annual_maximum: Option<i64>,
    pub(crate) catch_up: Option<bool>,
    /// `individual` or `family`.
    pub(crate) hsa_limit: Option<String>,
}

/// An amount per pay period: cents (`Fixed`), basis points of pay (`Percent`) or a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Contribution {
    Fixed(i64),
    Percent(i64),
    /// `(match, threshold)` tiers in basis points.
    Tiered(Vec<(i64, i64)>),
}

impl Benefit {
    /// The ids of the enrolled individuals, in enrolment order.
    pub(crate) fn enrolled_ids(&self) -> Vec<Uuid> {
        self.enrollments.iter().map(|e| e.individual).collect()
    }

    pub(crate) fn enrollment(&self, individual: Uuid) -> Option<&Enrollment> {
        self.enrollments.iter().find(|e| e.individual == individual)
    }

    /// Removes these individuals; ids that are not enrolled are ignored. Returns how many left.
    pub(crate) fn unenroll(&mut self, individuals: &[Uuid]) -> usize {
        let before = self.enrollments.len();
        self.enrollments
            .retain(|enrollment| !individuals.contains(&enrollment.individual));
        before - self.enrollments.len()
    }

    /// Enrolls an individual, or changes the given parts of their enrolment (an overwrite, as
    /// Finch's enrolment is).
    pub(crate) fn enroll(&mut self, update: Enrollment, given: EnrollmentFields) {
        match self
            .enrollments
            .iter_mut()
            .find(|existing| existing.individual == update.individual)
        {
            Some(existing) => {
                if given.employee_deduction {
                    existing.employee_deduction = update.employee_deduction;
                }
                if given.company_contribution {
                    existing.company_contribution = update.company_contribution;
                }
                if given.annual_maximum {
                    existing.annual_maximum = update.annual_maximum;
                }
                if given.catch_up {
                    existing.catch_up = update.catch_up;
                }
                if given.hsa_limit {
                    existing.hsa_limit = update.hsa_limit;
                }
            }
            None => self.enrollments.push(update),
        }
    }
}

/// Which parts of an enrolment a request set.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EnrollmentFields {
    pub(crate) employee_deduction: bool,
    pub(crate) company_contribution: bool,
    pub(crate) annual_maximum: bool,
    pub(crate) catch_up: bool,
    pub(crate) hsa_limit: bool,
}

/// Health plan cost multipliers by coverage tier, in percent of employee-only coverage.
const TIER_PERCENT: [i64; 4] = [100, 200, 180, 280];

/// `(employee, employer)` cents per pay period for the plan at `plan` in `catalog::PLANS`.
pub(crate) fn plan_cost(plan: usize, tier: usize) -> (i64, i64) {
    let (employee, employer) = catalog::PLANS.get(plan).map_or((0, 0), |p| p.cost);
    let multiplier = match catalog::PLANS.get(plan).map(|p| p.coverage_tiers.len()) {
        Some(1) => 100,
        _ => TIER_PERCENT.get(tier).copied().unwrap_or(100),
    };
    (employee * multiplier / 100, employer * multiplier / 100)
}

/// The medical plan a generated person is on: the HDHP with an HSA, otherwise the PPO.
pub(crate) fn medical_plan(g: &Generated) -> usize {
    usize::from(g.has_benefit(HSA))
}

/// HSA `(employee, employer)` cents per pay period.
pub(crate) fn hsa_amounts(g: &Generated) -> (i64, i64) {
    if family_coverage(g) {
        (15_000, 4_000)
    } else {
        (7_500, 2_000)
    }
}

fn family_coverage(g: &Generated) -> bool {
    g.tier != 0
}

/// The employer match on a deferral, in basis points of pay.
pub(crate) fn match_bp(tiers: &[(i64, i64)], deferral_bp: i64) -> i64 {
    let mut matched = 0;
    let mut below = 0;
    for &(rate, threshold) in tiers {
        let in_tier = (deferral_bp - below).clamp(0, threshold);
        matched += in_tier * rate / 10_000;
        below += threshold;
    }
    matched
}

/// The enrolment the fixture gives a person in `data::BENEFITS[benefit]`.
fn fixture_enrollment(person: &Person, g: &Generated, benefit: usize, today: Day) -> Enrollment {
    let template = data::BENEFITS.get(benefit);
    let company_match = template
        .filter(|t| !t.match_tiers.is_empty())
        .map(|t| Contribution::Tiered(t.match_tiers.to_vec()));
    let catch_up_age = g.age_on(today) >= 50;
    let (employee_deduction, company_contribution, annual_maximum, catch_up, hsa_limit) =
        match benefit {
            RETIREMENT => (
                Some(Contribution::Percent(g.deferral_bp)),
                company_match,
                Some(RETIREMENT_LIMIT),
                Some(catch_up_age),
                None,
            ),
            ROTH => (
                Some(Contribution::Percent(g.roth_bp)),
                company_match,
                Some(RETIREMENT_LIMIT),
                Some(catch_up_age),
                None,
            ),
            MEDICAL | DENTAL => {
                let plan = if benefit == MEDICAL {
                    medical_plan(g)
                } else {
                    2
                };
                let (employee, employer) = plan_cost(plan, g.tier);
                (
                    Some(Contribution::Fixed(employee)),
                    Some(Contribution::Fixed(employer)),
                    None,
                    None,
                    None,
                )
            }
            HSA => {
                let (employee, employer) = hsa_amounts(g);
                let family = family_coverage(g);
                (
                    Some(Contribution::Fixed(employee)),
                    Some(Contribution::Fixed(employer)),
                    Some(if family {
                        HSA_FAMILY_LIMIT
                    } else {
                        HSA_INDIVIDUAL_LIMIT
                    }),
                    Some(g.age_on(today) >= 55),
                    Some(if family { "family" } else { "individual" }.to_owned()),
                )
            }
            _ => (
                Some(Contribution::Fixed(COMMUTER_MONTHLY)),
                None,
                Some(COMMUTER_LIMIT),
                None,
                None,
            ),
        };
    Enrollment {
        individual: person.id,
        employee_deduction,
        company_contribution,
        annual_maximum,
        catch_up,
        hsa_limit,
    }
}

/// The company's benefits from `data::BENEFITS`, with the people the fixture enrolled.
pub(crate) fn fixture_benefits(
    rng: &mut SplitMix64,
    people: &[Person],
    today: Day,
) -> Vec<Benefit> {
    data::BENEFITS
        .iter()
        .enumerate()
        .map(|(position, template)| {
            let enrollments = people
                .iter()
                .filter_map(|person| {
                    let g = person.generated.as_ref()?;
                    g.has_benefit(position)
                        .then(|| fixture_enrollment(person, g, position, today))
                })
                .collect();
            Benefit {
                id: rng.uuid(),
                kind: Some(template.kind.to_owned()),
                description: Some(template.description.to_owned()),
                frequency: Some(template.frequency.to_owned()),
                company_match: (!template.match_tiers.is_empty())
                    .then(|| template.match_tiers.to_vec()),
                enrollments,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::tests::company;

    #[test]
    fn match_follows_the_tiers() {
        let tiers = [(10_000, 300), (5_000, 200)];
        assert_eq!(match_bp(&tiers, 0), 0);
        assert_eq!(match_bp(&tiers, 200), 200);
        assert_eq!(match_bp(&tiers, 300), 300);
        assert_eq!(match_bp(&tiers, 400), 350);
        assert_eq!(match_bp(&tiers, 1_000), 400);
    }

    #[test]
    fn fixture_enrolls_eligible_people_with_configurations() {
        let company = company(400, 4);
        let retirement = &company.benefits[RETIREMENT];
        assert!(retirement.enrollments.len() > 100);
        for enrollment in &retirement.enrollments {
            assert!(matches!(
                enrollment.employee_deduction,
                Some(Contribution::Percent(300..=1_500))
            ));
            assert!(matches!(
                enrollment.company_contribution,
                Some(Contribution::Tiered(_))
            ));
        }
        let hsa = &company.benefits[HSA];
        assert!(hsa.enrollments.iter().all(|e| e.hsa_limit.is_some()));
        let commuter = &company.benefits[COMMUTER];
        assert_eq!(commuter.frequency.as_deref(), Some("monthly"));
    }

    #[test]
    fn enroll_overwrites_only_what_was_given() {
        let mut company = company(50, 4);
        let benefit = &mut company.benefits[RETIREMENT];
        let first = benefit.enrollments[0].clone();
        let update = Enrollment {
            employee_deduction: Some(Contribution::Percent(700)),
            company_contribution: None,
            ..first.clone()
        };
        benefit.enroll(
            update,
            EnrollmentFields {
                employee_deduction: true,
                ..EnrollmentFields::default()
            },
        );
        let now = benefit.enrollment(first.individual).unwrap();
        assert_eq!(now.employee_deduction, Some(Contribution::Percent(700)));
        assert_eq!(now.company_contribution, first.company_contribution);
        let count = benefit.enrollments.len();
        assert_eq!(benefit.unenroll(&[first.individual, Uuid(1)]), 1);
        assert_eq!(benefit.enrollments.len(), count - 1);
    }
}
