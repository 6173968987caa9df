//! `GET /employer/payment`: payroll and contractor payments.

use crate::handles::handle;
use crate::open_enum::open_enum;
use crate::setters::setters;
use crate::shared::{Date, Money};
use finch_macros::finch_endpoint;
use finch_macros::model;

/// List the company's payments whose pay date falls in a date range (`GET /employer/payment`).
///
/// Both dates are inclusive, `YYYY-MM-DD`, and filter on each payment's `pay_date`. The reply is
/// one list (no paging).
///
/// ```
/// let request = finch::hris::ListPayments::new("2024-01-01", "2024-03-31")
///     .entity_id("550e8400-e29b-41d4-a716-446655440000");
/// assert_eq!(request.start_date.as_str(), "2024-01-01");
/// ```
#[finch_endpoint(GET "/employer/payment", response = Vec<Payment>)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListPayments {
    /// The first pay date to include (`YYYY-MM-DD`).
    #[finch(query)]
    pub start_date: Date,
    /// The last pay date to include (`YYYY-MM-DD`).
    #[finch(query)]
    pub end_date: Date,
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl ListPayments {
    /// The payments paid from `start_date` to `end_date`, both included (`YYYY-MM-DD`).
    pub fn new(start_date: impl Into<Date>, end_date: impl Into<Date>) -> Self {
        ListPayments {
            start_date: start_date.into(),
            end_date: end_date.into(),
            entity_ids: None,
        }
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// A payroll or contractor payment.
///
/// ```
/// let payment: finch::hris::Payment = serde_json::from_str(r#"{
///     "id": "20aa7cf2-949d-4d4e-9c01-499b59501ded",
///     "pay_period": {"start_date": "2019-08-01", "end_date": "2019-08-15"},
///     "pay_date": "2019-08-22", "debit_date": "2019-08-22",
///     "company_debit": {"amount": 5300000, "currency": "usd"}, "gross_pay": {"amount": 4000000, "currency": "usd"},
///     "net_pay": {"amount": 3200000, "currency": "usd"}, "employer_taxes": null, "employee_taxes": null,
///     "individual_ids": [], "pay_group_ids": null, "pay_frequencies": ["semi_monthly"]
/// }"#)?;
/// assert_eq!(payment.gross_pay.and_then(|pay| pay.amount), Some(4_000_000));
/// assert_eq!(payment.pay_frequencies, Some(vec![finch::hris::PayFrequency::SemiMonthly]));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, required)]
pub struct Payment {
    /// The payment's Finch id.
    pub id: String,
    /// The period the payment covers.
    pub pay_period: Option<PayPeriod>,
    /// When the individuals are paid.
    pub pay_date: Option<Date>,
    /// When the company's account is debited.
    pub debit_date: Option<Date>,
    /// The total debited from the company.
    pub company_debit: Option<Money>,
    /// The total gross pay.
    pub gross_pay: Option<Money>,
    /// The total net pay.
    pub net_pay: Option<Money>,
    /// The employer's taxes.
    pub employer_taxes: Option<Money>,
    /// The employees' taxes.
    pub employee_taxes: Option<Money>,
    /// The individuals paid.
    pub individual_ids: Option<Vec<String>>,
    /// The pay groups the payment belongs to.
    pub pay_group_ids: Option<Vec<String>>,
    /// The pay frequencies of the payment's pay groups.
    pub pay_frequencies: Option<Vec<PayFrequency>>,
}

/// The period a payment covers.
#[model(Eq, Default, required)]
pub struct PayPeriod {
    /// The period's first day.
    pub start_date: Option<Date>,
    /// The period's last day.
    pub end_date: Option<Date>,
}

open_enum! {
    /// How often a pay group is paid.
    pub enum PayFrequency {
        /// Once a year.
        Annually = "annually",
        /// Twice a year.
        SemiAnnually = "semi_annually",
        /// Once a quarter.
        Quarterly = "quarterly",
        /// Once a month.
        Monthly = "monthly",
        /// Twice a month.
        SemiMonthly = "semi_monthly",
        /// Every two weeks.
        BiWeekly = "bi_weekly",
        /// Every week.
        Weekly = "weekly",
        /// Every day.
        Daily = "daily",
        /// Another schedule.
        Other = "other",
    }
}

handle! {
    /// `client.hris().payments()`.
    pub struct Payments<'a> {
        /// Lists the payments paid in a date range (`GET /employer/payment`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let payments = finch.hris().payments().list(finch::hris::ListPayments::new("2024-01-01", "2024-12-31")).await?;
        /// for payment in payments {
        ///     println!("{} {:?}", payment.id, payment.pay_date);
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn list(self, request: ListPayments) -> Result<Vec<Payment>, Error>;
    }
}
