//! `POST /employer/ledger-items` (beta): general-ledger items of payments.

use crate::handles::handle;
use crate::open_enum::open_enum;
use crate::setters::setters;
use crate::shared::{BatchBody, Date, Paging, batch_request, batch_results};
use finch_core::PagingError;
use finch_macros::model;

batch_request! {
    /// Read the general-ledger items of payments (`POST /employer/ledger-items`), one result per
    /// payment, each paged on its own.
    ///
    /// **Beta**: in Finch's reference but in no official SDK; it may change.
    ///
    /// ```
    /// use finch::payroll::{LedgerItemsRequest, RetrieveLedgerItems};
    /// let request = RetrieveLedgerItems::new(["fc8b024e-d373-4c9c-80fc-f1625383d142"]);
    /// let second_page = RetrieveLedgerItems::from_requests([
    ///     LedgerItemsRequest::new("fc8b024e-d373-4c9c-80fc-f1625383d142").offset(100).limit(100),
    /// ]);
    /// assert_eq!(second_page.requests[0].offset, Some(100));
    /// ```
    #[finch_endpoint(POST "/employer/ledger-items", response = LedgerItemsResponse)]
    pub struct RetrieveLedgerItems {
        /// One entry per payment.
        requests: Vec<LedgerItemsRequest>,
        entity_ids,
    }
    impl {
        /// A request for the ledgers of these payments, from their first item.
        new(payment_ids), from_requests;
    }
}

/// The ledger of one payment to read (beta).
#[model(Eq)]
pub struct LedgerItemsRequest {
    /// The payment's Finch id (UUID v4).
    pub payment_id: String,
    /// How many ledger items of this payment to skip.
    pub offset: Option<u64>,
    /// The most ledger items of this payment to return (at least 1).
    pub limit: Option<u64>,
}

impl LedgerItemsRequest {
    /// The ledger of `payment_id`, from its first item.
    pub fn new(payment_id: impl Into<String>) -> Self {
        LedgerItemsRequest {
            payment_id: payment_id.into(),
            offset: None,
            limit: None,
        }
    }

    setters! {
        /// Skips the first `offset` items.
        offset(offset: u64);
        /// Returns at most `limit` items.
        limit(limit: u64);
    }

    /// The request for the page after `page` (the reply to this request), or `None` when `page`
    /// is the last; an error when the page breaks the [paging rules](finch_core::paging) (another
    /// offset than the one asked for).
    ///
    /// ```
    /// # fn demo(page: &finch::payroll::LedgerItemsData) -> Result<(), finch::PagingError> {
    /// let first = finch::payroll::LedgerItemsRequest::new("payment-1").limit(100);
    /// if let Some(next) = first.next_page(page)? {
    ///     assert_eq!(next.offset, Some(100));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn next_page(
        &self,
        page: &LedgerItemsData,
    ) -> Result<Option<LedgerItemsRequest>, PagingError> {
        let next = page.paging.next_offset(
            "LedgerItemsRequest",
            self.offset.unwrap_or(0),
            self.limit,
            page.ledger_items.len(),
        )?;
        Ok(next.map(|offset| LedgerItemsRequest {
            offset: Some(offset),
            ..self.clone()
        }))
    }
}

batch_results! {
    /// The batch's results, one per requested payment (beta).
    pub struct LedgerItemsResponse;
    /// The result for one payment (beta).
    pub struct LedgerBatchItem {
        /// The payment's Finch id.
        payment_id,
        /// The payment's ledger, or the error for this payment.
        body: BatchBody<LedgerItemsData>,
    }
}

/// One payment's general ledger, one page of it (beta).
#[model(Eq, required)]
pub struct LedgerItemsData {
    /// Whether the provider supplied the ledger or Finch computed it from pay statements.
    pub source: LedgerSource,
    /// The provider's own description of the ledger, unmodified.
    pub provider_description: Option<String>,
    /// The payroll check date.
    pub pay_date: Date,
    /// The ledger's totals.
    pub totals: LedgerTotals,
    /// Where this page of `ledger_items` sits.
    pub paging: Paging,
    /// The ledger's entries on this page.
    pub ledger_items: Vec<LedgerEntry>,
}

open_enum! {
    /// Where a ledger comes from (beta).
    pub enum LedgerSource {
        /// The provider supplies it.
        Direct = "direct",
        /// Finch computes it from pay statements.
        Synthesized = "synthesized",
    }
}

/// The totals of a ledger (beta).
#[model(Eq)]
pub struct LedgerTotals {
    /// The total debit.
    pub debit: LedgerMoney,
    /// The total credit.
    pub credit: LedgerMoney,
    /// `true` when the total debit equals the total credit.
    pub balanced: bool,
}

/// An amount in a ledger: integer cents and a currency (beta).
#[model(Eq, required)]
pub struct LedgerMoney {
    /// The amount in cents.
    pub amount: i64,
    /// The ISO 4217 currency code.
    pub currency: Option<String>,
}

/// One entry of a ledger (beta).
#[model(Eq, required)]
pub struct LedgerEntry {
    /// Finch's classification of the entry, the same across providers.
    #[serde(rename = "type")]
    pub entry_type: LedgerEntryType,
    /// The provider's own account-type label, unmodified.
    pub account_type: Option<String>,
    /// The provider's own account description, unmodified.
    pub account_description: Option<String>,
    /// The debit.
    pub debit: LedgerMoney,
    /// The credit.
    pub credit: LedgerMoney,
}

open_enum! {
    /// Finch's classification of a ledger entry (beta). "Fallback" values are sent when the
    /// provider does not say which benefit an entry belongs to.
    pub enum LedgerEntryType {
        /// Earnings (debit to wage expense): regular wages.
        RegularWages = "regular_wages",
        /// Earnings: overtime wages.
        OvertimeWages = "overtime_wages",
        /// Earnings: bonus wages.
        BonusWages = "bonus_wages",
        /// Earnings: paid leave.
        PaidLeaveWages = "paid_leave_wages",
        /// Earnings: severance.
        SeveranceWages = "severance_wages",
        /// Earnings: equity compensation.
        EquityCompensation = "equity_compensation",
        /// Earnings: other.
        OtherEarnings = "other_earnings",
        /// Non-wage compensation (debit to operating expense): expense reimbursement.
        ExpenseReimbursement = "expense_reimbursement",
        /// Non-wage compensation: contractor payment.
        ContractorPayment = "contractor_payment",
        /// Non-wage compensation: employer donation.
        EmployerDonation = "employer_donation",
        /// Employer payroll tax (debit to payroll tax expense): FICA.
        EmployerTaxFica = "employer_tax_fica",
        /// Employer payroll tax: unemployment.
        EmployerTaxUnemployment = "employer_tax_unemployment",
        /// Employer payroll tax: disability and leave.
        EmployerTaxDisabilityLeave = "employer_tax_disability_leave",
        /// Employer payroll tax: workers' compensation.
        EmployerTaxWorkersComp = "employer_tax_workers_comp",
        /// Employer payroll tax: local.
        EmployerTaxLocal = "employer_tax_local",
        /// Employer payroll tax: other.
        EmployerTaxOther = "employer_tax_other",
        /// Employee tax withholding (credit to tax payable): income tax.
        EmployeeTaxIncome = "employee_tax_income",
        /// Employee tax withholding: FICA.
        EmployeeTaxFica = "employee_tax_fica",
        /// Employee tax withholding: other.
        EmployeeTaxOther = "employee_tax_other",
        /// Employer benefit contribution (debit to benefits expense): retirement (fallback).
        EmployerContributionRetirement = "employer_contribution_retirement",
        /// Employer benefit contribution: 401(k).
        EmployerContributionRetirement401k = "employer_contribution_retirement_401k",
        /// Employer benefit contribution: 403(b).
        EmployerContributionRetirement403b = "employer_contribution_retirement_403b",
        /// Employer benefit contribution: 457.
        EmployerContributionRetirement457 = "employer_contribution_retirement_457",
        /// Employer benefit contribution: health (fallback).
        EmployerContributionHealth = "employer_contribution_health",
        /// Employer benefit contribution: medical.
        EmployerContributionMedical = "employer_contribution_medical",
        /// Employer benefit contribution: dental.
        EmployerContributionDental = "employer_contribution_dental",
        /// Employer benefit contribution: vision.
        EmployerContributionVision = "employer_contribution_vision",
        /// Employer benefit contribution: other.
        EmployerContributionOther = "employer_contribution_other",
        /// Employee benefit deduction (credit to benefit liability): pre-tax.
        PretaxDeduction = "pretax_deduction",
        /// Employee benefit deduction: post-tax.
        PosttaxDeduction = "posttax_deduction",
        /// Employee benefit deduction: garnishment.
        Garnishment = "garnishment",
        /// Benefit remittance liability (owed to the carrier; fallback).
        BenefitLiability = "benefit_liability",
        /// Benefit remittance liability: 401(k).
        BenefitLiabilityRetirement401k = "benefit_liability_retirement_401k",
        /// Benefit remittance liability: 403(b).
        BenefitLiabilityRetirement403b = "benefit_liability_retirement_403b",
        /// Benefit remittance liability: 457.
        BenefitLiabilityRetirement457 = "benefit_liability_retirement_457",
        /// Benefit remittance liability: medical.
        BenefitLiabilityMedical = "benefit_liability_medical",
        /// Benefit remittance liability: dental.
        BenefitLiabilityDental = "benefit_liability_dental",
        /// Benefit remittance liability: vision.
        BenefitLiabilityVision = "benefit_liability_vision",
        /// Tax balance sheet: tax liability accrual.
        TaxLiabilityAccrual = "tax_liability_accrual",
        /// Tax balance sheet: tax receivable.
        TaxReceivable = "tax_receivable",
        /// Tax balance sheet: tax credit accrual.
        TaxCreditAccrual = "tax_credit_accrual",
        /// Tax balance sheet: R&D tax credit offset.
        EmployerRdTaxCreditOffset = "employer_rd_tax_credit_offset",
        /// Cash movement (credit to cash): net pay.
        CashDebitNetPay = "cash_debit_net_pay",
        /// Cash movement: tax remittance.
        CashDebitTaxRemittance = "cash_debit_tax_remittance",
        /// Cash movement: other.
        CashDebitOther = "cash_debit_other",
        /// An adjustment.
        Adjustment = "adjustment",
        /// Anything else.
        Other = "other",
    }
}

handle! {
    /// `client.payroll().ledger_items()` (beta; in no official SDK yet).
    pub struct LedgerItems<'a> {
        /// Reads the general-ledger items of payments (`POST /employer/ledger-items`; beta).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let batch = finch.payroll().ledger_items()
        ///     .retrieve_many(finch::payroll::RetrieveLedgerItems::new(["fc8b024e"]))
        ///     .await?;
        /// for item in batch.responses {
        ///     match item.body.into_result() {
        ///         Ok(ledger) => println!("{}: balanced {}", item.payment_id, ledger.totals.balanced),
        ///         Err(error) => eprintln!("{}: {error}", item.payment_id),
        ///     }
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn retrieve_many(self, request: RetrieveLedgerItems) -> Result<LedgerItemsResponse, Error>;
    }
}
