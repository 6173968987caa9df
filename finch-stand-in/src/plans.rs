//! Benefit plans (beta `/employer/plans*`), who is enrolled in them and the dependents they
//! cover. Plans are stored; enrolments and dependents follow from each person's fixture
//! benefits and seed, and their ids are derived from the person's id and the company's salt
//! (see [`Uuid::derived`]), so they are found again without being stored.

use super::catalog::{self, PlanTemplate};
use super::data;
use super::dates::{self, Day};
use super::enrollments::{self, DENTAL, MEDICAL};
use super::ids::{SplitMix64, Uuid, mix};
use super::people::{Generated, Kind, Pay, Person};

/// A plan the company offers.
#[derive(Debug)]
pub(crate) struct Plan {
    pub(crate) id: Uuid,
    pub(crate) carrier_id: Uuid,
    pub(crate) template: &'static PlanTemplate,
    pub(crate) start: Day,
    pub(crate) end: Day,
}

/// Plan indexes in `catalog::PLANS`.
const PPO: usize = 0;
const HDHP: usize = 1;
const DENTAL_PLAN: usize = 2;
const VISION: usize = 3;
const LIFE: usize = 4;
const DISABILITY: usize = 5;

/// Per-plan salts of enrolment ids, per-slot salts of dependent ids.
const ENROLLMENT_SALTS: [u128; 6] = [
    0x5a1e_0c3d_98f1_4b27_a6e2_33c4_1d5b_7e90,
    0x2b7f_94a0_1c6e_4d58_b3f9_0e71_c2a4_5d16,
    0x71c4_e28b_3fa0_4965_8d1b_6c07_e4f3_a2b9,
    0x0e93_5b6d_c7f2_4a18_9e45_b1d0_7c36_f8a2,
    0xc65a_1f08_e3b9_47d2_a15c_984e_0b7f_d364,
    0x3d08_b7e1_5c94_4f6a_b28d_e7a3_190c_56f1,
];
const DEPENDENT_SALTS: [u128; 4] = [
    0x9c2e_6f15_a8d3_4b70_8e41_f5b2_073a_dc69,
    0x47b1_d9e0_3a6c_45f8_b90d_2e57_a1c4_8f36,
    0xe80f_2c47_b561_4d9a_a3e6_7f18_c05b_29d4,
    0x1f6d_a3b8_e072_4c15_9b4a_d6e3_58f0_c7a2,
];

/// The company's plans, for the calendar year of `today`.
pub(crate) fn fixture_plans(rng: &mut SplitMix64, today: Day) -> Vec<Plan> {
    let (year, ..) = dates::civil(today);
    catalog::PLANS
        .iter()
        .map(|template| Plan {
            id: rng.uuid(),
            carrier_id: rng.uuid(),
            template,
            start: dates::day(year, 1, 1),
            end: dates::day(year, 12, 31),
        })
        .collect()
}

/// The plans (indexes into `catalog::PLANS`) a generated person is enrolled in.
pub(crate) fn plans_of(g: &Generated) -> impl Iterator<Item = usize> {
    let eligible = g.is_active() && matches!(g.kind, Kind::FullTime | Kind::PartTime);
    let medical = eligible && g.has_benefit(MEDICAL);
    let full_time = eligible && g.kind == Kind::FullTime;
    let plans = [
        (PPO, medical && enrollments::medical_plan(g) == PPO),
        (HDHP, medical && enrollments::medical_plan(g) == HDHP),
        (DENTAL_PLAN, eligible && g.has_benefit(DENTAL)),
        (VISION, medical && !g.seed.is_multiple_of(3)),
        (LIFE, full_time),
        (DISABILITY, full_time && matches!(g.pay, Pay::Salary(_))),
    ];
    plans
        .into_iter()
        .filter_map(|(plan, enrolled)| enrolled.then_some(plan))
}

/// Whether a plan covers dependents (health plans do; life and disability do not).
fn covers_dependents(plan: usize) -> bool {
    matches!(plan, PPO | HDHP | DENTAL_PLAN | VISION)
}

/// The coverage tier (index into `catalog::COVERAGE_TIERS`) of a person in a plan.
pub(crate) fn tier_in(g: &Generated, plan: usize) -> usize {
    if covers_dependents(plan) { g.tier } else { 0 }
}

/// The id of a person's enrolment in a plan (`salt`: the company's).
pub(crate) fn enrollment_id(salt: u128, person: Uuid, plan: usize) -> Uuid {
    person.derived(salt ^ ENROLLMENT_SALTS.get(plan).copied().unwrap_or(0))
}

/// The person and plan an enrolment id names, if it names one (`salt`: the company's;
/// `person_by_id` finds one of its people).
pub(crate) fn find_enrollment<'a>(
    id: &str,
    salt: u128,
    person_by_id: impl Fn(Uuid) -> Option<&'a Person>,
) -> Option<(&'a Person, &'a Generated, usize)> {
    let id = Uuid::parse(id)?;
    ENROLLMENT_SALTS
        .iter()
        .enumerate()
        .find_map(|(plan, plan_salt)| {
            let person = person_by_id(id.derived(salt ^ plan_salt))?;
            let g = person.generated.as_ref()?;
            plans_of(g).any(|p| p == plan).then_some((person, g, plan))
        })
}

/// Every enrolment of the company's `people`, person by person: `(position in people, plan)`.
pub(crate) fn all_enrollments(people: &[Person]) -> Vec<(usize, usize)> {
    people
        .iter()
        .enumerate()
        .filter_map(|(position, person)| Some((position, person.generated.as_ref()?)))
        .flat_map(|(position, g)| plans_of(g).map(move |plan| (position, plan)))
        .collect()
}

/// A dependent covered by an employee's health plans.
#[derive(Debug)]
pub(crate) struct Dependent {
    pub(crate) id: Uuid,
    pub(crate) first_name: &'static str,
    pub(crate) last_name: &'static str,
    pub(crate) middle_name: Option<&'static str>,
    pub(crate) dob: Day,
    pub(crate) gender: &'static str,
    pub(crate) relationship: &'static str,
    pub(crate) ssn: String,
}

/// The dependents a generated person covers: a spouse first (if covered), then children.
/// `salt` and `today` are the company's: the dependents' ids are derived with the salt, and
/// children are born at least a year before today.
pub(crate) fn dependents_of(
    person: &Person,
    g: &Generated,
    salt: u128,
    today: Day,
) -> Vec<Dependent> {
    if !plans_of(g).any(covers_dependents) {
        return Vec::new();
    }
    let mut slots = Vec::new();
    if g.covers_spouse() {
        slots.push(0);
    }
    slots.extend(1..=g.children());
    slots
        .into_iter()
        .filter_map(|slot| {
            let slot_salt = DEPENDENT_SALTS.get(slot)?;
            Some(dependent(person, g, slot, salt ^ slot_salt, today))
        })
        .collect()
}

/// The dependent in `slot` (0: the spouse), whose id is derived with `salt`.
fn dependent(person: &Person, g: &Generated, slot: usize, salt: u128, today: Day) -> Dependent {
    let draw = mix(g.seed, u64::try_from(slot).unwrap_or(0) + 101);
    let pick = |names: &'static [&'static str], draw: u64| -> &'static str {
        let index =
            usize::try_from(draw % u64::try_from(names.len().max(1)).unwrap_or(1)).unwrap_or(0);
        names.get(index).copied().unwrap_or("Alex")
    };
    let (gender, names) = match (draw >> 3) % 2 {
        0 => ("female", data::FEMALE_FIRST_NAMES),
        _ => ("male", data::MALE_FIRST_NAMES),
    };
    let (relationship, dob) = if slot == 0 {
        let offset = i32::try_from((draw >> 7) % 2_200).unwrap_or(0) - 1_100;
        ("spouse", g.dob + offset)
    } else {
        // Children born after the parent turned 22, and at least a year before today.
        let (year, ..) = dates::civil(g.dob);
        let earliest = dates::day(year + 22, 1, 1).max(today - 26 * 365);
        let latest = (today - 365).max(earliest);
        let span = u64::try_from(latest - earliest).unwrap_or(0) + 1;
        let born = earliest + i32::try_from((draw >> 7) % span).unwrap_or(0);
        ("child", born)
    };
    let ssn = format!(
        "{:03}-{:02}-{:04}",
        (draw >> 20) % 665 + 1,
        (draw >> 30) % 99 + 1,
        (draw >> 40) % 9_999 + 1
    );
    Dependent {
        id: person.id.derived(salt),
        first_name: pick(names, draw >> 11),
        last_name: g.last_name,
        middle_name: ((draw >> 50).is_multiple_of(3)).then(|| pick(names, draw >> 53)),
        dob,
        gender,
        relationship,
        ssn,
    }
}

/// The person and dependent a dependent id names, if it names one (`salt` and `today`: the
/// company's; `person_by_id` finds one of its people).
pub(crate) fn find_dependent<'a>(
    id: &str,
    salt: u128,
    today: Day,
    person_by_id: impl Fn(Uuid) -> Option<&'a Person>,
) -> Option<(&'a Person, &'a Generated, Dependent)> {
    let id = Uuid::parse(id)?;
    DEPENDENT_SALTS.iter().find_map(|slot_salt| {
        let person = person_by_id(id.derived(salt ^ slot_salt))?;
        let g = person.generated.as_ref()?;
        dependents_of(person, g, salt, today)
            .into_iter()
            .find(|dependent| dependent.id == id)
            .map(|dependent| (person, g, dependent))
    })
}

/// The health plans (with dependents) a person's dependents are covered under.
pub(crate) fn dependent_plans(g: &Generated) -> impl Iterator<Item = usize> {
    plans_of(g).filter(|&plan| covers_dependents(plan))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::tests::company;

    #[test]
    fn enrollments_and_dependents_are_found_by_id() {
        let company = company(300, 6);
        let all = all_enrollments(&company.people);
        let by_id = |id| company.person_by_id(id);
        assert!(all.len() > 300, "{}", all.len());
        let mut dependents = 0;
        for &(position, plan) in all.iter().take(200) {
            let person = &company.people[position];
            let id = enrollment_id(company.salt, person.id, plan).to_string();
            let (found, _, found_plan) = find_enrollment(&id, company.salt, by_id).unwrap();
            assert_eq!((found.id, found_plan), (person.id, plan));
            let g = person.generated.as_ref().unwrap();
            for dependent in dependents_of(person, g, company.salt, company.today) {
                dependents += 1;
                let id = dependent.id.to_string();
                let (parent, _, again) =
                    find_dependent(&id, company.salt, company.today, by_id).unwrap();
                assert_eq!(parent.id, person.id);
                assert_eq!(again.first_name, dependent.first_name);
                assert!(dependent.dob < company.today);
            }
        }
        assert!(dependents > 20, "{dependents}");
        let ceo = company.people[0].id.to_string();
        assert!(find_enrollment(&ceo, company.salt, by_id).is_none());
        assert!(find_dependent("junk", company.salt, company.today, by_id).is_none());
    }
}
