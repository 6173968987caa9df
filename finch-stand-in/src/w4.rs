//! W-4 documents (`/employer/documents*`): every generated employee has one, the 2020 form when
//! they were hired (or filed a new one) in 2020 or later, the 2005 form otherwise. Nothing is
//! stored: the document's id is derived from the person's id and its content from their seed.

use super::dates;
use super::fixture::Company;
use super::ids::{Uuid, mix};
use super::people::{Generated, Person};
use super::plans;

const DOCUMENT_SALT: u128 = 0x6b2d_f0a9_47c3_4e15_b8a2_93d7_1e0c_f654;

/// A person's W-4.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct W4 {
    pub(crate) id: Uuid,
    pub(crate) individual: Uuid,
    /// `w4_2020` or `w4_2005`.
    pub(crate) form: &'static str,
    pub(crate) year: i32,
    pub(crate) data: W4Data,
}

/// What the form says (amounts in cents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum W4Data {
    Form2020 {
        filing_status: &'static str,
        children_under_17: i64,
        other_dependents: i64,
        other_income: i64,
        deductions: i64,
        extra_withholding: i64,
    },
    Form2005 {
        filing_status: &'static str,
        allowances: i64,
        additional_withholding: i64,
        exemption: &'static str,
    },
}

/// The W-4 of a person, if they have one (employees do; contractors and sandbox people do not).
pub(crate) fn w4_of(company: &Company, person: &Person) -> Option<W4> {
    let g = person.generated.as_ref()?;
    if g.is_contractor() {
        return None;
    }
    let draw = mix(g.seed, 0x00F0_4D0C);
    let (start_year, ..) = dates::civil(g.start);
    let (this_year, ..) = dates::civil(company.today);
    let refiled = start_year < 2020 && draw % 10 < 6;
    let married = matches!(g.marital_status, "married" | "domestic_partner");
    let (form, year, data) = if start_year >= 2020 || refiled {
        let year = if refiled {
            2020 + i32::try_from((draw >> 4) % 6).unwrap_or(0)
        } else {
            start_year
        };
        let (children, others) = children_and_other_dependents(company, person, g);
        let filing_status = if married {
            "married_filing_jointly_or_qualifying_surviving_spouse"
        } else if children > 0 {
            "head_of_household"
        } else {
            "single_or_married_filing_separately"
        };
        let amount = |shift: u32, modulus: u64, step: i64| {
            i64::try_from((draw >> shift) % modulus).unwrap_or(0) * step
        };
        let data = W4Data::Form2020 {
            filing_status,
            children_under_17: children * 200_000,
            other_dependents: others * 50_000,
            other_income: if (draw >> 8).is_multiple_of(5) {
                amount(12, 20, 100_000)
            } else {
                0
            },
            deductions: if (draw >> 20).is_multiple_of(4) {
                amount(24, 15, 100_000)
            } else {
                0
            },
            extra_withholding: if (draw >> 28).is_multiple_of(6) {
                amount(32, 10, 2_500)
            } else {
                0
            },
        };
        ("w4_2020", year.min(this_year), data)
    } else {
        let filing_status = match (married, (draw >> 8) % 5) {
            (true, 0) => "married_but_withhold_at_higher_single_rate",
            (true, _) => "married",
            (false, _) => "single",
        };
        let data = W4Data::Form2005 {
            filing_status,
            allowances: i64::try_from((draw >> 12) % 5).unwrap_or(0) + i64::from(married),
            additional_withholding: if (draw >> 16).is_multiple_of(4) {
                i64::try_from((draw >> 20) % 8).unwrap_or(0) * 2_500
            } else {
                0
            },
            exemption: if (draw >> 24).is_multiple_of(50) {
                "exempt"
            } else {
                "non_exempt"
            },
        };
        ("w4_2005", start_year, data)
    };
    Some(W4 {
        id: person.id.derived(company.salt ^ DOCUMENT_SALT),
        individual: person.id,
        form,
        year,
        data,
    })
}

/// Qualifying children under 17 and other dependents on the form, from the health plan's
/// dependents.
fn children_and_other_dependents(company: &Company, person: &Person, g: &Generated) -> (i64, i64) {
    let mut children = 0;
    let mut others = 0;
    for dependent in plans::dependents_of(person, g, company.salt, company.today) {
        if dependent.relationship == "child" {
            if company.today - dependent.dob < 17 * 365 {
                children += 1;
            } else {
                others += 1;
            }
        }
    }
    (children, others)
}

/// The W-4 with this id.
pub(crate) fn find(company: &Company, id: &str) -> Option<W4> {
    let id = Uuid::parse(id)?;
    let person = company
        .position_of(id.derived(company.salt ^ DOCUMENT_SALT))
        .and_then(|position| company.people.get(position))?;
    w4_of(company, person)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::tests::company;

    #[test]
    fn both_forms_and_lookups() {
        let company = company(400, 8);
        let documents: Vec<W4> = company
            .people
            .iter()
            .filter_map(|person| w4_of(&company, person))
            .collect();
        assert!(documents.iter().any(|d| d.form == "w4_2020"));
        assert!(documents.iter().any(|d| d.form == "w4_2005"));
        for document in &documents {
            assert_eq!(
                find(&company, &document.id.to_string()).as_ref(),
                Some(document)
            );
            match (&document.data, document.form) {
                (W4Data::Form2020 { .. }, "w4_2020") => assert!(document.year >= 2020),
                (W4Data::Form2005 { .. }, "w4_2005") => assert!(document.year < 2020),
                other => panic!("{other:?}"),
            }
        }
        assert!(find(&company, &company.people[1].id.to_string()).is_none());
    }
}
