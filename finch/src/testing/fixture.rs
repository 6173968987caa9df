//! The fixture company: a deterministic, realistic employer the stand-in serves.
//!
//! Generated people are kept compactly (static name slices, small integers) and turned into
//! JSON only when asked for (see `wire.rs`), so 10,000 employees cost a few megabytes and a
//! few milliseconds. People added through `POST /sandbox/directory` are kept as the JSON
//! objects the client sent.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::data::{self, BenefitTemplate, City};
use super::ids::{SplitMix64, Uuid};

/// Everything the stand-in knows about the employer.
#[derive(Debug)]
pub(crate) struct Company {
    pub(crate) id: Uuid,
    pub(crate) entity_id: Uuid,
    pub(crate) connection_id: Uuid,
    pub(crate) account_id: Uuid,
    pub(crate) legal_name: &'static str,
    pub(crate) domain: &'static str,
    pub(crate) ein: String,
    pub(crate) phone_number: String,
    pub(crate) bank_account: BankAccount,
    pub(crate) locations: Vec<Address>,
    pub(crate) people: Vec<Person>,
    index: HashMap<Uuid, usize>,
    pub(crate) benefits: Vec<Benefit>,
}

/// The company's payroll bank account.
#[derive(Debug)]
pub(crate) struct BankAccount {
    pub(crate) institution_name: &'static str,
    pub(crate) routing_number: String,
    pub(crate) account_number: String,
}

/// A US street address.
#[derive(Debug)]
pub(crate) struct Address {
    pub(crate) line1: String,
    pub(crate) line2: Option<String>,
    pub(crate) city: &'static City,
}

/// One individual in the directory.
#[derive(Debug)]
pub(crate) struct Person {
    pub(crate) id: Uuid,
    pub(crate) data: PersonData,
}

/// Where a person came from.
#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "almost every person is generated; boxing would cost an allocation each"
)]
pub(crate) enum PersonData {
    /// Part of the generated fixture.
    Generated(Generated),
    /// Added with `POST /sandbox/directory`: the object the client sent (validated), without `id`.
    Sandbox(Map<String, Value>),
}

/// A generated employee.
#[derive(Debug)]
pub(crate) struct Generated {
    pub(crate) first_name: &'static str,
    pub(crate) middle_name: Option<&'static str>,
    pub(crate) last_name: &'static str,
    pub(crate) preferred_name: Option<&'static str>,
    pub(crate) gender: &'static str,
    pub(crate) ethnicity: &'static str,
    pub(crate) marital_status: &'static str,
    /// Year, month, day.
    pub(crate) dob: (u16, u8, u8),
    pub(crate) department: usize,
    /// Index into `Company::people`.
    pub(crate) manager: Option<usize>,
    pub(crate) is_active: bool,
    pub(crate) work_email: String,
    pub(crate) personal_email: Option<String>,
    /// Last four digits of the personal number (`+1 <area code of the residence> 555 XXXX`).
    pub(crate) personal_phone: u16,
    /// Last four digits of a work number in the headquarters' area code, if any.
    pub(crate) work_phone: Option<u16>,
    pub(crate) residence: Address,
    /// Nine digits, formatted `AAA-GG-SSSS`.
    pub(crate) ssn: u32,
}

/// A company benefit and who is enrolled in it.
#[derive(Debug)]
pub(crate) struct Benefit {
    pub(crate) id: Uuid,
    pub(crate) template: &'static BenefitTemplate,
    /// Enrolled individuals, in enrolment order.
    pub(crate) enrolled: Vec<Uuid>,
}

impl Company {
    /// Builds the company for `employees` people from `seed`. Same inputs, same company.
    pub(crate) fn generate(employees: usize, seed: u64) -> Self {
        let mut rng = SplitMix64::new(seed);
        let id = rng.uuid();
        let entity_id = rng.uuid();
        let connection_id = rng.uuid();
        let account_id = rng.uuid();
        let (legal_name, domain) = rng
            .pick(data::COMPANY_NAMES)
            .copied()
            .unwrap_or(("Acme, Inc.", "acme.example"));

        let headquarters = address(&mut rng, None);
        let hq_city = headquarters.city;
        let mut locations = vec![headquarters];
        for _ in 0..2 {
            locations.push(address(&mut rng, None));
        }

        let ein = format!("{:02}-{:07}", rng.between(10, 99), rng.below(10_000_000));
        let phone_number = format!("+1{}555{:04}", hq_city.area_code, rng.below(10_000));
        let bank_account = BankAccount {
            institution_name: rng
                .pick(data::BANKS)
                .copied()
                .unwrap_or("BANK OF AMERICA, N.A."),
            routing_number: format!("{:09}", rng.between(10_000_000, 329_999_999)),
            account_number: format!("{:010}", rng.below(10_000_000_000)),
        };

        let people = generate_people(&mut rng, employees, domain, hq_city);
        let index = people
            .iter()
            .enumerate()
            .map(|(position, person)| (person.id, position))
            .collect();

        let benefits = data::BENEFITS
            .iter()
            .map(|template| {
                let benefit_id = rng.uuid();
                let enrolled = people
                    .iter()
                    .filter(
                        |person| matches!(&person.data, PersonData::Generated(g) if g.is_active),
                    )
                    .filter(|_| rng.chance(template.enrolled_percent))
                    .map(|person| person.id)
                    .collect();
                Benefit {
                    id: benefit_id,
                    template,
                    enrolled,
                }
            })
            .collect();

        Self {
            id,
            entity_id,
            connection_id,
            account_id,
            legal_name,
            domain,
            ein,
            phone_number,
            bank_account,
            locations,
            people,
            index,
            benefits,
        }
    }

    /// The person with this id (the text form; anything that is not a UUID is simply unknown).
    pub(crate) fn person(&self, id: &str) -> Option<&Person> {
        let id = Uuid::parse(id)?;
        self.index
            .get(&id)
            .and_then(|&position| self.people.get(position))
    }

    /// Appends a sandbox-created person.
    pub(crate) fn add_sandbox_person(&mut self, id: Uuid, fields: Map<String, Value>) {
        self.index.insert(id, self.people.len());
        self.people.push(Person {
            id,
            data: PersonData::Sandbox(fields),
        });
    }

    pub(crate) fn benefit(&self, id: &str) -> Option<&Benefit> {
        let id = Uuid::parse(id)?;
        self.benefits.iter().find(|benefit| benefit.id == id)
    }

    pub(crate) fn benefit_mut(&mut self, id: &str) -> Option<&mut Benefit> {
        let id = Uuid::parse(id)?;
        self.benefits.iter_mut().find(|benefit| benefit.id == id)
    }
}

impl Benefit {
    /// Removes these individuals from the enrolment; ids that are not enrolled are ignored.
    /// Returns how many were removed.
    pub(crate) fn unenroll(&mut self, individual_ids: &[String]) -> usize {
        let leaving: std::collections::HashSet<Uuid> = individual_ids
            .iter()
            .filter_map(|id| Uuid::parse(id))
            .collect();
        let before = self.enrolled.len();
        self.enrolled.retain(|id| !leaving.contains(id));
        before - self.enrolled.len()
    }
}

impl Generated {
    pub(crate) fn ssn_text(&self) -> String {
        let area = self.ssn / 1_000_000;
        let group = (self.ssn / 10_000) % 100;
        let serial = self.ssn % 10_000;
        format!("{area:03}-{group:02}-{serial:04}")
    }

    pub(crate) fn dob_text(&self) -> String {
        let (year, month, day) = self.dob;
        format!("{year:04}-{month:02}-{day:02}")
    }
}

fn address(rng: &mut SplitMix64, near: Option<&'static City>) -> Address {
    let city = match near {
        Some(city) => city,
        None => rng.pick(data::CITIES).unwrap_or(&FALLBACK_CITY),
    };
    let street = rng.pick(data::STREET_NAMES).copied().unwrap_or("Main St");
    let line1 = format!("{} {street}", rng.between(1, 9_999));
    let line2 = rng.chance(25).then(|| {
        let letter = char::from(b'A' + u8::try_from(rng.below(6)).unwrap_or(0));
        format!("Apt {}{letter}", rng.between(1, 40))
    });
    Address { line1, line2, city }
}

static FALLBACK_CITY: City = City {
    name: "Schenectady",
    state: "NY",
    postal_code: "12305",
    area_code: 518,
};

fn weighted<T: Copy>(rng: &mut SplitMix64, items: &[(T, u64)], fallback: T) -> T {
    let total: u64 = items.iter().map(|&(_, weight)| weight).sum();
    let mut roll = rng.below(total);
    for &(item, weight) in items {
        if roll < weight {
            return item;
        }
        roll -= weight;
    }
    fallback
}

/// Lower-case ASCII letters only, for e-mail local parts ("O'Brien" → "obrien").
fn mail_part(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// How many direct reports a manager has before the next one is used.
const SPAN_OF_CONTROL: usize = 6;

fn generate_people(
    rng: &mut SplitMix64,
    employees: usize,
    domain: &str,
    hq_city: &'static City,
) -> Vec<Person> {
    let department_weights: Vec<(usize, u64)> = data::DEPARTMENTS
        .iter()
        .enumerate()
        .map(|(position, dept)| (position, dept.weight))
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); data::DEPARTMENTS.len()];
    let mut taken_emails: HashMap<String, u32> = HashMap::with_capacity(employees);
    let mut people = Vec::with_capacity(employees);

    for position in 0..employees {
        // The CEO first, then one head per department (parents precede children in the list),
        // then everyone else by weight.
        let department = if position < data::DEPARTMENTS.len() {
            position
        } else {
            weighted(rng, &department_weights, 1)
        };
        let manager = manager_for(&members, department, position);
        if let Some(list) = members.get_mut(department) {
            list.push(position);
        }

        let gender = weighted(
            rng,
            &[
                ("female", 48),
                ("male", 47),
                ("other", 3),
                ("decline_to_specify", 2),
            ],
            "female",
        );
        let first_names = match gender {
            "female" => data::FEMALE_FIRST_NAMES,
            "male" => data::MALE_FIRST_NAMES,
            _ => data::NEUTRAL_FIRST_NAMES,
        };
        let first_name = rng.pick(first_names).copied().unwrap_or("Jane");
        let middle_name = if rng.chance(35) {
            rng.pick(first_names).copied()
        } else {
            None
        };
        let last_name = rng.pick(data::LAST_NAMES).copied().unwrap_or("Doe");
        let preferred_name = if rng.chance(7) {
            rng.pick(data::NEUTRAL_FIRST_NAMES).copied()
        } else {
            None
        };

        let local = format!("{}.{}", mail_part(first_name), mail_part(last_name));
        let seen = taken_emails.entry(local.clone()).or_insert(0);
        *seen += 1;
        let work_email = if *seen == 1 {
            format!("{local}@{domain}")
        } else {
            format!("{local}{seen}@{domain}")
        };
        let personal_email = rng.chance(55).then(|| {
            let mail_domain = rng
                .pick(data::PERSONAL_MAIL_DOMAINS)
                .copied()
                .unwrap_or("mail.example");
            format!(
                "{}{}{:02}@{mail_domain}",
                mail_part(first_name),
                mail_part(last_name),
                rng.below(100)
            )
        });

        let residence = if rng.chance(60) {
            address(rng, Some(hq_city))
        } else {
            address(rng, None)
        };
        let dob = (
            u16::try_from(rng.between(1958, 2004)).unwrap_or(1980),
            u8::try_from(rng.between(1, 12)).unwrap_or(1),
            u8::try_from(rng.between(1, 28)).unwrap_or(1),
        );
        let is_active = position < data::DEPARTMENTS.len() || rng.chance(90);
        let ssn_area = match rng.between(1, 898) {
            666 => 667,
            area => area,
        };
        let ssn = u32::try_from(
            ssn_area * 1_000_000 + rng.between(1, 99) * 10_000 + rng.between(1, 9_999),
        )
        .unwrap_or(123_456_789);

        let generated = Generated {
            first_name,
            middle_name,
            last_name,
            preferred_name,
            gender,
            ethnicity: weighted(rng, data::ETHNICITIES, "decline_to_specify"),
            marital_status: weighted(rng, data::MARITAL_STATUSES, "unknown"),
            dob,
            department,
            manager,
            is_active,
            work_email,
            personal_email,
            personal_phone: u16::try_from(rng.below(10_000)).unwrap_or(0),
            work_phone: if rng.chance(30) {
                u16::try_from(rng.below(10_000)).ok()
            } else {
                None
            },
            residence,
            ssn,
        };
        people.push(Person {
            id: rng.uuid(),
            data: PersonData::Generated(generated),
        });
    }
    people
}

/// The manager of the next member of `department`: department heads report to the head of the
/// parent department (or the CEO), other members fill a tree under their head.
fn manager_for(members: &[Vec<usize>], department: usize, position: usize) -> Option<usize> {
    if position == 0 {
        return None;
    }
    let existing = members
        .get(department)
        .map(Vec::as_slice)
        .unwrap_or_default();
    if existing.is_empty() {
        let parent_head = data::DEPARTMENTS
            .get(department)
            .and_then(|dept| dept.parent)
            .and_then(|parent| members.get(parent))
            .and_then(|list| list.first().copied());
        return Some(parent_head.unwrap_or(0));
    }
    existing
        .get((existing.len() - 1) / SPAN_OF_CONTROL)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generated(person: &Person) -> &Generated {
        match &person.data {
            PersonData::Generated(g) => g,
            PersonData::Sandbox(_) => panic!("expected a generated person"),
        }
    }

    #[test]
    fn same_seed_same_company() {
        let a = Company::generate(50, 7);
        let b = Company::generate(50, 7);
        let c = Company::generate(50, 8);
        assert_eq!(a.id, b.id);
        let ids = |company: &Company| company.people.iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ids(&a), ids(&b));
        assert_ne!(ids(&a), ids(&c));
        assert_eq!(
            generated(&a.people[10]).work_email,
            generated(&b.people[10]).work_email
        );
    }

    #[test]
    fn hierarchy_has_one_root_and_no_cycles() {
        let company = Company::generate(2_000, 1);
        let roots = company
            .people
            .iter()
            .filter(|p| generated(p).manager.is_none())
            .count();
        assert_eq!(roots, 1);
        for (position, person) in company.people.iter().enumerate() {
            // Managers always come earlier, so walking up terminates at the CEO.
            if let Some(manager) = generated(person).manager {
                assert!(manager < position);
            }
        }
    }

    #[test]
    fn about_ninety_percent_active_and_emails_unique() {
        let company = Company::generate(5_000, 3);
        let active = company
            .people
            .iter()
            .filter(|p| generated(p).is_active)
            .count();
        assert!((4_300..=4_700).contains(&active), "{active}");
        let mut emails: Vec<&str> = company
            .people
            .iter()
            .map(|p| generated(p).work_email.as_str())
            .collect();
        emails.sort_unstable();
        emails.dedup();
        assert_eq!(emails.len(), 5_000);
    }

    #[test]
    fn ssns_are_well_formed() {
        let company = Company::generate(1_000, 9);
        for person in &company.people {
            let ssn = generated(person).ssn_text();
            assert_eq!(ssn.len(), 11, "{ssn}");
            assert!(
                !ssn.starts_with("000") && !ssn.starts_with("666") && !ssn.starts_with('9'),
                "{ssn}"
            );
        }
    }

    #[test]
    fn lookups_by_text_id() {
        let mut company = Company::generate(10, 2);
        let id = company.people[3].id.to_string();
        assert!(company.person(&id).is_some());
        assert!(company.person(&id.to_uppercase()).is_some());
        assert!(company.person("nope").is_none());
        let new_id = Uuid(42);
        company.add_sandbox_person(new_id, Map::new());
        assert!(company.person(&new_id.to_string()).is_some());
    }

    #[test]
    fn unenroll_removes_only_named_people() {
        let mut company = Company::generate(200, 4);
        let benefit = &mut company.benefits[0];
        let before = benefit.enrolled.len();
        assert!(before > 10);
        let leaving = vec![
            benefit.enrolled[0].to_string(),
            benefit.enrolled[1].to_string(),
            "junk".to_owned(),
        ];
        assert_eq!(benefit.unenroll(&leaving), 2);
        assert_eq!(benefit.enrolled.len(), before - 2);
    }

    #[test]
    fn zero_employees_is_fine() {
        let company = Company::generate(0, 0);
        assert!(company.people.is_empty());
        assert!(company.benefits.iter().all(|b| b.enrolled.is_empty()));
    }
}
