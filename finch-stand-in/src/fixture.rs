//! The fixture company ([`Company`]): a deterministic, realistic employer the stand-in serves,
//! and how it is drawn from one seed: its profile, bank account, locations and pay groups, its
//! people (their types are in `people.rs`), then what it runs for them: benefits
//! (`enrollments.rs`), a year of payroll (`payroll.rs`) and benefit plans (`plans.rs`). Drawing
//! 10,000 people takes a few milliseconds. Lookups by id are here too.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::data::{self, City};
use super::dates::{self, Day};
use super::enrollments::{self, Benefit};
use super::ids::{SplitMix64, Uuid};
use super::payroll::{self, Payment, Summary};
use super::people::{Address, Generated, Kind, Pay, Person};
use super::plans::{self, Plan};
use super::rules::Rule;

/// Everything the stand-in knows about one employer.
#[derive(Debug)]
pub(crate) struct Company {
    pub(crate) id: Uuid,
    pub(crate) entity_id: Uuid,
    /// The stand-in's "today": payments cover the year up to it.
    pub(crate) today: Day,
    pub(crate) legal_name: &'static str,
    pub(crate) domain: &'static str,
    pub(crate) ein: String,
    pub(crate) phone_number: String,
    pub(crate) bank_account: BankAccount,
    /// The generated locations; payroll taxes follow them even after `PUT /sandbox/company`.
    pub(crate) locations: Vec<Address>,
    /// The company as `PUT /sandbox/company` last set it (checked against the spec), replacing
    /// the generated profile in `GET /employer/company`.
    pub(crate) replaced: Option<Map<String, Value>>,
    pub(crate) people: Vec<Person>,
    index: HashMap<Uuid, usize>,
    pub(crate) benefits: Vec<Benefit>,
    pub(crate) pay_groups: Vec<PayGroup>,
    pub(crate) payments: Vec<Payment>,
    pub(crate) plans: Vec<Plan>,
    pub(crate) rules: Vec<Rule>,
    /// Seeds the ids the company derives for its people's documents, enrollments and dependents.
    pub(crate) salt: u128,
}

/// The company's payroll bank account.
#[derive(Debug)]
pub(crate) struct BankAccount {
    pub(crate) institution_name: &'static str,
    pub(crate) routing_number: String,
    pub(crate) account_number: String,
}

/// A pay group (`/employer/pay-groups`): who is in it follows from how people are paid.
#[derive(Debug)]
pub(crate) struct PayGroup {
    pub(crate) id: Uuid,
    pub(crate) name: &'static str,
    pub(crate) frequency: &'static str,
}

/// Pay group indexes.
pub(crate) const SALARIED_GROUP: usize = 0;
pub(crate) const HOURLY_GROUP: usize = 1;
pub(crate) const CONTRACTOR_GROUP: usize = 2;

impl Company {
    /// Builds the company for `employees` people from `seed`, with payroll history up to
    /// `today`. Same inputs, same company.
    pub(crate) fn generate(employees: usize, seed: u64, today: Day) -> Self {
        let mut rng = SplitMix64::new(seed);
        let id = rng.uuid();
        let entity_id = rng.uuid();
        let salt = rng.uuid().0;
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

        let people = generate_people(&mut rng, employees, domain, hq_city, today);
        let index = people
            .iter()
            .enumerate()
            .map(|(position, person)| (person.id, position))
            .collect();
        let benefits = enrollments::fixture_benefits(&mut rng, &people, today);
        let pay_groups = vec![
            PayGroup {
                id: rng.uuid(),
                name: "Salaried (bi-weekly)",
                frequency: "bi_weekly",
            },
            PayGroup {
                id: rng.uuid(),
                name: "Hourly (bi-weekly)",
                frequency: "bi_weekly",
            },
            PayGroup {
                id: rng.uuid(),
                name: "Contractors (monthly)",
                frequency: "monthly",
            },
        ];
        let payments = payroll::schedule(&mut rng, today);
        let plans = plans::fixture_plans(&mut rng, today);

        Self {
            id,
            entity_id,
            today,
            legal_name,
            domain,
            ein,
            phone_number,
            bank_account,
            locations,
            replaced: None,
            people,
            index,
            benefits,
            pay_groups,
            payments,
            plans,
            rules: Vec::new(),
            salt,
        }
    }

    /// The person with this id (the text form; anything that is not a UUID is simply unknown).
    pub(crate) fn person(&self, id: &str) -> Option<&Person> {
        self.person_by_id(Uuid::parse(id)?)
    }

    /// The person with this id.
    pub(crate) fn person_by_id(&self, id: Uuid) -> Option<&Person> {
        self.position_of(id)
            .and_then(|position| self.people.get(position))
    }

    /// Where the person with this id is in [`Company::people`].
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.position_of(Uuid::parse(id)?)
    }

    pub(crate) fn position_of(&self, id: Uuid) -> Option<usize> {
        self.index.get(&id).copied()
    }

    #[cfg(test)]
    pub(crate) fn person_mut(&mut self, id: &str) -> Option<&mut Person> {
        let position = self.position(id)?;
        self.people.get_mut(position)
    }

    /// Appends a sandbox-created person.
    pub(crate) fn add_sandbox_person(&mut self, id: Uuid, fields: Map<String, Value>) {
        self.index.insert(id, self.people.len());
        self.people.push(Person {
            id,
            generated: None,
            fields,
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

    pub(crate) fn payment(&self, id: &str) -> Option<&Payment> {
        let id = Uuid::parse(id)?;
        self.payments.iter().find(|payment| payment.id == id)
    }

    /// Who `payment` (one of this company's) pays and what it adds up to, worked out on first
    /// use.
    pub(crate) fn payment_summary<'p>(&self, payment: &'p Payment) -> &'p Summary {
        payment.summary(&self.people, &self.locations, |id| self.position_of(id))
    }

    /// The pay group a person belongs to (sandbox people belong to none).
    pub(crate) fn pay_group_of(person: &Person) -> Option<usize> {
        person.generated.as_ref().map(|g| match g.pay {
            Pay::Salary(_) => SALARIED_GROUP,
            Pay::Hourly(_) => HOURLY_GROUP,
            Pay::Contract(_) => CONTRACTOR_GROUP,
        })
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

/// Rounds cents to whole dollars (salaries) or quarters (hourly rates).
fn round_to(cents: i64, step: i64) -> i64 {
    (cents + step / 2) / step * step
}

fn generate_people(
    rng: &mut SplitMix64,
    employees: usize,
    domain: &str,
    hq_city: &'static City,
    today: Day,
) -> Vec<Person> {
    let department_weights: Vec<(usize, u64)> = data::DEPARTMENTS
        .iter()
        .enumerate()
        .map(|(position, dept)| (position, dept.weight))
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); data::DEPARTMENTS.len()];
    let mut taken_emails: HashMap<String, u32> = HashMap::with_capacity(employees);
    let mut people = Vec::with_capacity(employees);
    let ten_years_ago = today - 3_652;

    for position in 0..employees {
        // The CEO first, then one head per department (parents precede children in the list),
        // then everyone else by weight.
        let is_head = position < data::DEPARTMENTS.len();
        let department = if is_head {
            position
        } else {
            weighted(rng, &department_weights, 1)
        };
        let dept = data::DEPARTMENTS
            .get(department)
            .copied()
            .unwrap_or(data::DEPARTMENTS[1]);
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
        let born_year = i32::try_from(rng.between(1958, 2004)).unwrap_or(1980);
        let born_month = u32::try_from(rng.between(1, 12)).unwrap_or(1);
        let born_day = u32::try_from(rng.between(1, 28)).unwrap_or(1);
        let dob = dates::day(born_year, born_month, born_day);
        let ssn_area = match rng.between(1, 898) {
            666 => 667,
            area => area,
        };
        let ssn = u32::try_from(
            ssn_area * 1_000_000 + rng.between(1, 99) * 10_000 + rng.between(1, 9_999),
        )
        .unwrap_or(123_456_789);
        let ethnicity = weighted(rng, data::ETHNICITIES, "decline_to_specify");
        let marital_status = weighted(rng, data::MARITAL_STATUSES, "unknown");
        let personal_phone = u16::try_from(rng.below(10_000)).unwrap_or(0);
        let work_phone = if rng.chance(30) {
            u16::try_from(rng.below(10_000)).ok()
        } else {
            None
        };

        // Employment: the CEO and the heads are full-time and salaried; of the others some
        // are contractors, part-timers, interns or temps.
        let kind = if is_head {
            Kind::FullTime
        } else {
            weighted(
                rng,
                &[
                    (Kind::FullTime, 86),
                    (Kind::PartTime, 5),
                    (Kind::Intern, 2),
                    (Kind::Temp, 2),
                    (Kind::Contractor, 5),
                ],
                Kind::FullTime,
            )
        };
        let adult = dates::day(born_year + 18, born_month, born_day);
        let earliest = ten_years_ago.max(adult).min(today - 30);
        let span = u64::try_from(today - 30 - earliest).unwrap_or(0);
        let start = if position == 0 {
            earliest
        } else {
            earliest + i32::try_from(rng.below(span + 1)).unwrap_or(0)
        };
        let (status, end) = if is_head || rng.chance(90) {
            (if rng.chance(2) { "leave" } else { "active" }, None)
        } else {
            let worked = u64::try_from((today - 1 - start).max(1)).unwrap_or(1);
            let end = start + 1 + i32::try_from(rng.below(worked)).unwrap_or(0);
            ("terminated", Some(end.min(today - 1)))
        };
        let (low, high) = dept.pay_thousands;
        let yearly_thousands = if position == 0 {
            rng.between(300, 420)
        } else if is_head {
            rng.between(high + high / 5, high + high / 2)
        } else {
            rng.between(low, high)
        };
        let yearly = i64::try_from(yearly_thousands).unwrap_or(60) * 100_000;
        let hourly_from = |yearly: i64| round_to(yearly / 2_080, 25);
        let pay = match kind {
            Kind::Contractor => Pay::Contract(round_to(yearly / 12 * 11 / 10, 100)),
            Kind::PartTime | Kind::Temp => Pay::Hourly(hourly_from(yearly)),
            Kind::Intern => Pay::Hourly(round_to(
                i64::try_from(rng.between(2_500, 4_500)).unwrap_or(3_000),
                25,
            )),
            Kind::FullTime if !is_head && rng.chance(dept.hourly_percent) => {
                Pay::Hourly(hourly_from(yearly))
            }
            Kind::FullTime => Pay::Salary(yearly),
        };
        // Anyone hired more than a year ago got a raise on an anniversary in the last year.
        let raise = (start < today - 365).then(|| {
            let (_, month, day_of_month) = dates::civil(start);
            let (this_year, ..) = dates::civil(today);
            let mut anniversary = dates::day(this_year, month, day_of_month.min(28));
            if anniversary > today {
                anniversary = dates::day(this_year - 1, month, day_of_month.min(28));
            }
            let before = match pay {
                Pay::Salary(amount) => round_to(amount * 100 / 105, 100_000),
                Pay::Hourly(amount) | Pay::Contract(amount) => round_to(amount * 100 / 104, 25),
            };
            (anniversary, before)
        });
        let title = match (is_head, kind) {
            (true, _) => dept.head_title.to_owned(),
            (false, Kind::Intern) => format!(
                "{} Intern",
                dept.titles.first().copied().unwrap_or("Operations")
            ),
            (false, Kind::Contractor) => format!(
                "Contract {}",
                rng.pick(dept.titles).copied().unwrap_or("Consultant")
            ),
            (false, _) => rng
                .pick(dept.titles)
                .copied()
                .unwrap_or("Associate")
                .to_owned(),
        };
        let work_location = weighted(rng, &[(0, 70), (1, 15), (2, 15)], 0);

        // Benefits at hire: employees who can enroll (not contractors, interns or temps).
        let eligible = end.is_none() && matches!(kind, Kind::FullTime | Kind::PartTime);
        let mut benefits = 0_u8;
        let mut tier = 0;
        if eligible {
            for (bit, template) in data::BENEFITS.iter().enumerate() {
                if rng.chance(template.enrolled_percent) {
                    benefits |= 1 << bit;
                }
            }
            // An HSA goes with the high-deductible medical plan, so only with medical.
            if benefits & (1 << enrollments::MEDICAL) == 0 {
                benefits &= !(1 << enrollments::HSA);
            }
            tier = match marital_status {
                "married" | "domestic_partner" => weighted(rng, &[(1, 40), (3, 60)], 1),
                _ => weighted(rng, &[(0, 80), (2, 20)], 0),
            };
        }
        let deferral_bp = *rng
            .pick(&[300, 400, 500, 600, 800, 1_000, 1_500])
            .unwrap_or(&500);
        let roth_bp = *rng.pick(&[200, 300, 500]).unwrap_or(&300);
        let direct_deposit = rng.chance(95);
        let seed = rng.next_u64();

        let generated = Generated {
            first_name,
            middle_name,
            last_name,
            preferred_name,
            gender,
            ethnicity,
            marital_status,
            dob,
            department,
            manager,
            work_email,
            personal_email,
            personal_phone,
            work_phone,
            residence,
            ssn,
            title,
            kind,
            start,
            end,
            status,
            pay,
            raise,
            work_location,
            benefits,
            deferral_bp,
            roth_bp,
            tier,
            direct_deposit,
            seed,
        };
        people.push(Person {
            id: rng.uuid(),
            generated: Some(generated),
            fields: Map::new(),
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
pub(crate) mod tests {
    use super::*;

    /// The default "today" of the unit tests.
    pub(crate) fn today() -> Day {
        dates::day(2025, 12, 31)
    }

    pub(crate) fn company(employees: usize, seed: u64) -> Company {
        Company::generate(employees, seed, today())
    }

    fn generated(person: &Person) -> &Generated {
        person.generated.as_ref().expect("a generated person")
    }

    #[test]
    fn same_seed_same_company() {
        let a = company(50, 7);
        let b = company(50, 7);
        let c = company(50, 8);
        assert_eq!(a.id, b.id);
        let ids = |company: &Company| company.people.iter().map(|p| p.id).collect::<Vec<_>>();
        assert_eq!(ids(&a), ids(&b));
        assert_ne!(ids(&a), ids(&c));
        assert_eq!(
            generated(&a.people[10]).work_email,
            generated(&b.people[10]).work_email
        );
        let payments = |company: &Company| {
            company
                .payments
                .iter()
                .map(|p| (p.id, p.pay_date))
                .collect::<Vec<_>>()
        };
        assert_eq!(payments(&a), payments(&b));
    }

    #[test]
    fn hierarchy_has_one_root_and_no_cycles() {
        let company = company(2_000, 1);
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
        let company = company(5_000, 3);
        let active = company
            .people
            .iter()
            .filter(|p| generated(p).is_active())
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
    fn employment_is_plausible() {
        let today = today();
        let company = company(3_000, 5);
        for person in &company.people {
            let g = generated(person);
            assert!(g.start <= today - 30, "{}", dates::format(g.start));
            assert!(g.age_on(g.start) >= 18, "hired at {}", g.age_on(g.start));
            if let Some(end) = g.end {
                assert!(g.start < end && end < today);
                assert_eq!(g.status, "terminated");
            }
            match g.pay {
                Pay::Salary(cents) => assert!((3_000_000..=60_000_000).contains(&cents)),
                Pay::Hourly(cents) => assert!((1_000..=20_000).contains(&cents), "{cents}"),
                Pay::Contract(cents) => assert!((300_000..=3_000_000).contains(&cents)),
            }
            if !g.is_active() || g.is_contractor() {
                assert_eq!(g.benefits, 0);
            }
            if g.has_benefit(enrollments::HSA) {
                assert!(g.has_benefit(enrollments::MEDICAL));
            }
        }
        assert_eq!(
            generated(&company.people[0]).title,
            "Chief Executive Officer"
        );
    }

    #[test]
    fn ssns_are_well_formed() {
        let company = company(1_000, 9);
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
        let mut company = company(10, 2);
        let id = company.people[3].id.to_string();
        assert!(company.person(&id).is_some());
        assert!(company.person(&id.to_uppercase()).is_some());
        assert!(company.person("nope").is_none());
        let new_id = Uuid(42);
        company.add_sandbox_person(new_id, Map::new());
        assert!(company.person(&new_id.to_string()).is_some());
        assert!(Company::pay_group_of(&company.people[10]).is_none());
    }

    #[test]
    fn zero_employees_is_fine() {
        let company = company(0, 0);
        assert!(company.people.is_empty());
        assert!(company.benefits.iter().all(|b| b.enrollments.is_empty()));
    }
}
