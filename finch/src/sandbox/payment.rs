//! `POST /sandbox/payment`: add a payment to a sandbox company.

use crate::handles::handle;
use crate::hris::BenefitType;
use crate::hris::{EarningType, PayStatementType, PaymentMethod, TaxType};
use crate::setters::setters;
use crate::shared::Date;
use finch_core::Nullable;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// Add a payment to the sandbox company (`POST /sandbox/payment`). Every field is optional: Finch
/// makes up what is left out.
///
/// ```
/// use finch::hris::BenefitType;
/// use finch::hris::{EarningType, TaxType};
/// use finch::sandbox::{CreateSandboxPayment, NewEarning, NewEmployeeDeduction, NewPayStatement, NewTax};
/// let request = CreateSandboxPayment::new()
///     .start_date("2024-01-01")
///     .end_date("2024-01-15")
///     .pay_statement(
///         NewPayStatement::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
///             .gross_pay(250_000)
///             .net_pay(180_000)
///             .total_hours(80.0)
///             .earning(NewEarning::new(EarningType::Salary, "Salary", 250_000).hours(80.0))
///             .tax(NewTax::new(TaxType::Federal, "Federal Income Tax", 50_000))
///             .employee_deduction(NewEmployeeDeduction::new(BenefitType::B401k, "401k", 20_000).pre_tax(true)),
///     );
/// ```
#[finch_endpoint(POST "/sandbox/payment", response = PaymentCreateResponse)]
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct CreateSandboxPayment {
    /// The first day of the pay period.
    pub start_date: Option<Date>,
    /// The last day of the pay period.
    pub end_date: Option<Date>,
    /// The pay statements of the payment (at most 10,000).
    pub pay_statements: Option<Vec<NewPayStatement>>,
}

impl CreateSandboxPayment {
    /// A payment Finch makes up entirely.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Sets the first day of the pay period (`YYYY-MM-DD`).
        start_date(start_date: impl Into<Date>);
        /// Sets the last day of the pay period (`YYYY-MM-DD`).
        end_date(end_date: impl Into<Date>);
        /// Adds a pay statement.
        pay_statement(pay_statement: NewPayStatement) push pay_statements;
        /// Sets the pay statements (replacing those added before).
        pay_statements(pay_statements: impl IntoIterator<Item = NewPayStatement>);
    }
}

/// A pay statement to create. Amounts are integer cents.
#[model]
pub struct NewPayStatement {
    /// The Finch id of the individual paid.
    pub individual_id: String,
    /// The kind of payment (Finch's default: `regular_payroll`).
    #[serde(rename = "type")]
    pub pay_statement_type: Option<Nullable<PayStatementType>>,
    /// How the individual is paid (Finch's default: `direct_deposit`).
    pub payment_method: Option<Nullable<PaymentMethod>>,
    /// The hours worked (more than 0).
    pub total_hours: Option<f64>,
    /// The gross pay, in cents (more than 0).
    pub gross_pay: Option<i64>,
    /// The net pay, in cents.
    pub net_pay: Option<i64>,
    /// The earnings.
    pub earnings: Option<Vec<NewEarning>>,
    /// The taxes.
    pub taxes: Option<Vec<NewTax>>,
    /// The employee's deductions.
    pub employee_deductions: Option<Vec<NewEmployeeDeduction>>,
    /// The employer's contributions.
    pub employer_contributions: Option<Vec<NewEmployerContribution>>,
}

impl NewPayStatement {
    /// A pay statement of the individual `individual_id`; Finch makes up the rest.
    pub fn new(individual_id: impl Into<String>) -> Self {
        NewPayStatement {
            individual_id: individual_id.into(),
            pay_statement_type: None,
            payment_method: None,
            total_hours: None,
            gross_pay: None,
            net_pay: None,
            earnings: None,
            taxes: None,
            employee_deductions: None,
            employer_contributions: None,
        }
    }

    setters! {
        /// Sets the kind of payment.
        pay_statement_type(pay_statement_type: PayStatementType) / clear_pay_statement_type;
        /// Sets how the individual is paid.
        payment_method(payment_method: PaymentMethod) / clear_payment_method;
        /// Sets the hours worked.
        total_hours(total_hours: f64);
        /// Sets the gross pay, in cents.
        gross_pay(cents: i64);
        /// Sets the net pay, in cents.
        net_pay(cents: i64);
        /// Adds an earning.
        earning(earning: NewEarning) push earnings;
        /// Adds a tax.
        tax(tax: NewTax) push taxes;
        /// Adds an employee deduction.
        employee_deduction(deduction: NewEmployeeDeduction) push employee_deductions;
        /// Adds an employer contribution.
        employer_contribution(contribution: NewEmployerContribution) push employer_contributions;
    }
}

/// An earning of a pay statement to create.
#[model(Default)]
pub struct NewEarning {
    /// The amount, in cents.
    pub amount: Option<i64>,
    /// The hours worked for it.
    pub hours: Option<f64>,
    /// The earning's name (not empty).
    pub name: Option<String>,
    /// The kind of earning.
    #[serde(rename = "type")]
    pub earning_type: Option<EarningType>,
}

impl NewEarning {
    /// `amount` cents of `earning_type`, named `name`.
    pub fn new(earning_type: EarningType, name: impl Into<String>, amount: i64) -> Self {
        NewEarning {
            amount: Some(amount),
            hours: None,
            name: Some(name.into()),
            earning_type: Some(earning_type),
        }
    }

    setters! {
        /// Sets the hours worked for it.
        hours(hours: f64);
    }
}

/// A tax of a pay statement to create.
#[model(Eq, Default)]
pub struct NewTax {
    /// The amount, in cents.
    pub amount: Option<i64>,
    /// The tax's name (not empty).
    pub name: Option<String>,
    /// `true` for a tax the employer pays.
    pub employer: Option<bool>,
    /// The kind of tax.
    #[serde(rename = "type")]
    pub tax_type: Option<TaxType>,
}

impl NewTax {
    /// `amount` cents of `tax_type`, named `name`, withheld from the employee.
    pub fn new(tax_type: TaxType, name: impl Into<String>, amount: i64) -> Self {
        NewTax {
            amount: Some(amount),
            name: Some(name.into()),
            employer: None,
            tax_type: Some(tax_type),
        }
    }

    setters! {
        /// Sets whether the employer pays the tax.
        employer(employer: bool);
    }
}

/// An employee deduction of a pay statement to create.
#[model(Eq, Default)]
pub struct NewEmployeeDeduction {
    /// The amount, in cents.
    pub amount: Option<i64>,
    /// The deduction's name (not empty; required when `type` is set).
    pub name: Option<String>,
    /// `true` for a pre-tax deduction.
    pub pre_tax: Option<bool>,
    /// The benefit the deduction is for.
    #[serde(rename = "type")]
    pub deduction_type: Option<BenefitType>,
}

impl NewEmployeeDeduction {
    /// `amount` cents for the benefit `deduction_type`, named `name`.
    pub fn new(deduction_type: BenefitType, name: impl Into<String>, amount: i64) -> Self {
        NewEmployeeDeduction {
            amount: Some(amount),
            name: Some(name.into()),
            pre_tax: None,
            deduction_type: Some(deduction_type),
        }
    }

    setters! {
        /// Sets whether the deduction is pre-tax.
        pre_tax(pre_tax: bool);
    }
}

/// An employer contribution of a pay statement to create.
#[model(Eq, Default)]
pub struct NewEmployerContribution {
    /// The amount, in cents.
    pub amount: Option<i64>,
    /// The contribution's name (not empty; required when `type` is set).
    pub name: Option<String>,
    /// The benefit the contribution is for.
    #[serde(rename = "type")]
    pub contribution_type: Option<BenefitType>,
}

impl NewEmployerContribution {
    /// `amount` cents for the benefit `contribution_type`, named `name`.
    pub fn new(contribution_type: BenefitType, name: impl Into<String>, amount: i64) -> Self {
        NewEmployerContribution {
            amount: Some(amount),
            name: Some(name.into()),
            contribution_type: Some(contribution_type),
        }
    }
}

/// The created payment.
///
/// ```
/// let created: finch::sandbox::PaymentCreateResponse =
///     serde_json::from_str(r#"{"payment_id": "some-payment-id", "pay_date": "2024-01-01"}"#)?;
/// assert_eq!(created.pay_date.ymd(), Some((2024, 1, 1)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct PaymentCreateResponse {
    /// The payment's id.
    pub payment_id: String,
    /// The date of the payment.
    pub pay_date: Date,
}

handle! {
    /// `client.sandbox().payment()`.
    pub struct SandboxPayment<'a> {
        /// Adds a payment to the sandbox company (`POST /sandbox/payment`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::sandbox::{CreateSandboxPayment, NewPayStatement};
        /// let payment = finch.sandbox().payment()
        ///     .create(
        ///         CreateSandboxPayment::new()
        ///             .start_date("2024-01-01")
        ///             .end_date("2024-01-15")
        ///             .pay_statement(NewPayStatement::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9").gross_pay(250_000)),
        ///     )
        ///     .await?;
        /// println!("payment {} on {}", payment.payment_id, payment.pay_date);
        /// # Ok(()) }
        /// ```
        pub async fn create(self, request: CreateSandboxPayment) -> Result<PaymentCreateResponse, Error>;
    }
}
